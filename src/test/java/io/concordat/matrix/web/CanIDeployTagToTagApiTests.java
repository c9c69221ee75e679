package io.concordat.matrix.web;

import io.concordat.ConcordatTest;
import io.concordat.matrix.Histories;
import io.concordat.publication.PactView;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ConcordatTest
class CanIDeployTagToTagApiTests {

	@Autowired
	ApplicationContext context;

	@Test
	void theLatestVersionWithATagIsCheckedAgainstTheLatestVersionsWithTheTargetTag(Broker broker) {
		Histories history = new Histories(this.context);
		String web = history.pacticipant("orders-web");
		String api = history.pacticipant("orders-api");
		PactView first = history.publish(web, "1.0.0", api, 1);
		PactView second = history.publish(web, "1.1.0", api, 2);
		history.tag(web, "1.0.0", "main");
		history.passes(first, "2.0.0");
		history.fails(second, "2.0.0");
		history.tag(api, "2.0.0", "prod");

		String path = "/pacticipants/" + web + "/latest-version/main/can-i-deploy/to/prod";
		Response yes = broker.get(path);
		assertThat(yes.status()).isEqualTo(200);
		JsonNode body = yes.json();
		assertThat(body.at("/summary/deployable").asBoolean()).isTrue();
		assertThat(body.at("/matrix/0/consumer/version/number").asString()).isEqualTo("1.0.0");
		assertThat(body.at("/matrix/0/provider/version/number").asString()).isEqualTo("2.0.0");

		history.tag(web, "1.1.0", "main");
		assertThat(broker.get(path).json().at("/summary/deployable").asBoolean()).isFalse();
		assertThat(broker.get(path, java.util.Map.of("Accept", "text/plain")).body()).contains("Deployable: false");
		assertThat(broker.get("/pacticipants/" + web + "/latest-version/nope/can-i-deploy/to/prod").status())
			.isEqualTo(404);
	}

}
