package io.concordat.matrix.web;

import java.util.Map;
import java.util.List;
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

/**
 * The database is shared with other tests, so these assert what a small history adds to
 * each count rather than absolute numbers.
 */
@ConcordatTest
class MetricsApiTests {

	@Autowired
	ApplicationContext context;

	@Test
	void metricsCountWhatAHistoryAddsInThePactBrokersShape(Broker broker) {
		Histories history = new Histories(this.context);
		JsonNode before = broker.get("/metrics").json();

		String web = history.pacticipant("orders-web");
		String api = history.pacticipant("orders-api");
		String production = history.environment("production");
		PactView first = history.publish(web, "1.0.0", api, 1);
		history.publish(web, "1.1.0", api, 1);
		history.tag(web, "1.1.0", "prod");
		history.passes(first, "2.0.0");
		history.fails(first, "2.1.0");
		history.deploy(api, "2.0.0", production);
		history.release(web, "1.0.0", production);
		Response webhook = broker.post("/webhooks",
				Map.of("consumer", Map.of("name", web), "events", List.of(Map.of("name", "contract_published")),
						"request", Map.of("method", "POST", "url", "https://203.0.113.7/builds")));
		assertThat(webhook.status()).isEqualTo(201);

		Response response = broker.get("/metrics");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		JsonNode after = response.json();
		assertThat(added(before, after, "/pacticipants/count")).isEqualTo(2);
		assertThat(added(before, after, "/pacticipants/withMainBranchSetCount")).isEqualTo(2);
		assertThat(added(before, after, "/integrations/count")).isEqualTo(1);
		assertThat(added(before, after, "/pactPublications/count")).isEqualTo(2);
		assertThat(added(before, after, "/pactVersions/count")).isEqualTo(1);
		assertThat(added(before, after, "/interactions/latestInteractionsCount")).isEqualTo(1);
		assertThat(added(before, after, "/verificationResults/count")).isEqualTo(2);
		assertThat(added(before, after, "/verificationResults/successCount")).isEqualTo(1);
		assertThat(added(before, after, "/verificationResults/failureCount")).isEqualTo(1);
		assertThat(added(before, after, "/pacticipantVersions/count")).isEqualTo(4);
		assertThat(added(before, after, "/tags/count")).isEqualTo(1);
		assertThat(added(before, after, "/environments/count")).isEqualTo(1);
		assertThat(added(before, after, "/deployedVersions/currentlyDeployedCount")).isEqualTo(1);
		assertThat(added(before, after, "/releasedVersions/currentlySupportedCount")).isEqualTo(1);
		assertThat(added(before, after, "/pactRevisionsPerConsumerVersion/distribution/1")).isEqualTo(2);
		assertThat(after.at("/verificationResults/last").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+00:00");
		assertThat(added(before, after, "/webhooks/count")).isEqualTo(1);
		// No test leaves a webhook to an address outside this machine behind.
		assertThat(broker.delete("/webhooks/" + webhook.json().get("uuid").asString()).status()).isEqualTo(204);
		assertThat(after.at("/matrix/count").asInt()).isEqualTo(-1);
	}

	private static long added(JsonNode before, JsonNode after, String pointer) {
		return after.at(pointer).asLong(0) - before.at(pointer).asLong(0);
	}

}
