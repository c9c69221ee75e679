package io.concordat.publication.web;

import io.concordat.ConcordatTest;
import io.concordat.matrix.Histories;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.PactFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One integration, and the deletions of its pacts: everything, by tag, by branch, and the
 * whole integration.
 */
@ConcordatTest
class IntegrationApiTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Broker broker;

	Histories history;

	String consumer;

	String provider;

	@BeforeEach
	void aConsumerWithThreeVersions(Broker broker) {
		this.broker = broker;
		this.history = new Histories(this.context);
		this.consumer = this.history.pacticipant("orders-web");
		this.provider = this.history.pacticipant("orders-api");
		this.history.passes(this.history.publish(this.consumer, "1.0.0", this.provider, 1), "2.0.0");
		this.history.publish(this.consumer, "1.1.0", this.provider, 2);
		this.history.publish(this.consumer, "1.2.0", this.provider, 3);
		this.history.tag(this.consumer, "1.1.0", "prod");
	}

	@Test
	void anIntegrationIsServedAsItsEntryInTheIntegrationList() {
		Response response = this.broker.get(integrationPath());
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.at("/consumer/name").asString()).isEqualTo(this.consumer);
		assertThat(body.at("/provider/name").asString()).isEqualTo(this.provider);
		assertThat(body.at("/_links/self/href").asString()).isEqualTo(this.broker.baseUrl() + integrationPath());
		assertThat(body.at("/_links/pb:matrix/href").asString())
			.isEqualTo("/matrix/provider/" + this.provider + "/consumer/" + this.consumer);
		assertThat(body.at("/_links/pb:delete_integration/href").asString())
			.isEqualTo(this.broker.baseUrl() + integrationPath());
		assertThat(this.broker.get("/integrations/provider/" + this.provider + "/consumer/nobody").status())
			.isEqualTo(404);
	}

	@Test
	void deletingAnIntegrationRemovesItsPactsAndVerificationResultsButKeepsThePacticipantsAndCanBeRepeated() {
		assertThat(this.broker.delete(integrationPath()).status()).isEqualTo(204);
		assertThat(this.broker.get(integrationPath()).status()).isEqualTo(404);
		assertThat(this.broker.get(pactPath() + "/latest").status()).isEqualTo(404);
		assertThat(count("verifications")).isZero();
		assertThat(count("latest_verifications")).isZero();
		assertThat(count("latest_pact_publications")).isZero();
		assertThat(this.broker.get("/pacticipants/" + this.consumer + "/versions/1.1.0").status()).isEqualTo(200);
		assertThat(this.broker.delete(integrationPath()).status()).isEqualTo(204);
		assertThat(this.broker.delete("/integrations/provider/" + this.provider + "/consumer/nobody").status())
			.isEqualTo(404);
	}

	@Test
	void deletingThePactsOfATagKeepsTheOthersAndLatestFallsBackToWhatRemains() {
		Response deleted = this.broker.delete(pactPath() + "/tag/prod");
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().at("/_links/pb:latest-pact-version/href").asString())
			.isEqualTo(this.broker.baseUrl() + pactPath() + "/latest");
		assertThat(this.broker.get(pactPath() + "/version/1.1.0").status()).isEqualTo(404);
		assertThat(this.broker.get(pactPath() + "/version/1.0.0").status()).isEqualTo(200);
		assertThat(this.broker.get(pactPath() + "/latest").header("X-Pact-Consumer-Version")).isEqualTo("1.2.0");
	}

	@Test
	void deletingThePactsOfABranchRemovesOnlyThatBranchsPacts() {
		this.broker.post("/contracts/publish",
				PactFiles.aPact()
					.between(this.consumer, this.provider)
					.withOrderTotal(4)
					.publishBody("1.3.0-feat", "feat", java.util.List.of()));
		assertThat(this.broker.delete(pactPath() + "/branch/main").status()).isEqualTo(200);
		assertThat(this.broker.get(pactPath() + "/version/1.2.0").status()).isEqualTo(404);
		assertThat(this.broker.get(pactPath() + "/latest").header("X-Pact-Consumer-Version")).isEqualTo("1.3.0-feat");
		assertThat(this.broker.delete(pactPath() + "/branch/main")
			.json()
			.at("/_links/pb:latest-pact-version/href")
			.isMissingNode()).isFalse();
	}

	@Test
	void deletingAllPactsLeavesNoLatestPactAndAnswersWithNoBody() {
		Response deleted = this.broker.delete(pactPath() + "/versions");
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.broker.get(pactPath() + "/latest").status()).isEqualTo(404);
		assertThat(this.broker.get(pactPath() + "/versions").json().at("/_links/pb:pact-versions").size()).isZero();
		assertThat(this.broker.delete("/pacts/provider/" + this.provider + "/consumer/nobody/versions").status())
			.isEqualTo(404);
	}

	@Test
	void theDeprecatedSingularPactPathServesTheLatestPact() {
		Response latest = this.broker.get("/pact/provider/" + this.provider + "/consumer/" + this.consumer + "/latest");
		assertThat(latest.status()).isEqualTo(200);
		assertThat(latest.header("X-Pact-Consumer-Version")).isEqualTo("1.2.0");
		assertThat(latest.json().at("/consumer/name").asString()).isEqualTo(this.consumer);
	}

	private long count(String table) {
		return this.jdbc
			.sql("select count(*) from " + table + " t join pacticipants c on c.id = t.consumer_id "
					+ "where c.name = :consumer")
			.param("consumer", this.consumer)
			.query(Long.class)
			.single();
	}

	private String integrationPath() {
		return "/integrations/provider/" + this.provider + "/consumer/" + this.consumer;
	}

	private String pactPath() {
		return "/pacts/provider/" + this.provider + "/consumer/" + this.consumer;
	}

}
