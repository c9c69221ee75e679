package io.concordat.pacticipant.web;

import io.concordat.ConcordatTest;
import io.concordat.matrix.Histories;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ConcordatTest
class TagVersionsApiTests {

	@Autowired
	ApplicationContext context;

	@Test
	void theVersionsWithATagAreListedNewestFirstInTheShapeOfTheVersionList(Broker broker) {
		Histories history = new Histories(this.context);
		String web = history.pacticipant("orders-web");
		history.version(web, "1.0.0", "prod");
		history.version(web, "1.1.0");
		history.version(web, "1.2.0", "prod", "test");

		Response response = broker.get("/pacticipants/" + web + "/tags/prod/versions");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.at("/_embedded/versions").findValuesAsString("number")).containsExactly("1.2.0", "1.0.0");
		assertThat(body.at("/_links/pb:versions/0/name").asString()).isEqualTo("1.2.0");
		assertThat(body.at("/_links/self/href").asString())
			.isEqualTo(broker.baseUrl() + "/pacticipants/" + web + "/tags/prod/versions");
		assertThat(broker.get("/pacticipants/" + web + "/tags/prod/versions?pageSize=1")
			.json()
			.at("/_embedded/versions")
			.size()).isEqualTo(1);
		assertThat(broker.get("/pacticipants/" + web + "/tags/nope/versions").status()).isEqualTo(404);
		assertThat(broker.get("/pacticipants/nobody-at-all/tags/prod/versions").status()).isEqualTo(404);
	}

}
