package io.concordat.verification.web;

import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ConcordatTest
class VerificationResultApiTests {

	@Autowired
	JdbcClient jdbc;

	Broker broker;

	String consumer;

	String provider;

	@BeforeEach
	void publishAPact(Broker broker) {
		this.broker = broker;
		this.consumer = Names.unique("orders-web");
		this.provider = Names.unique("orders-api");
		PactFiles pact = PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(4599);
		this.broker.post("/contracts/publish", pact.publishBody("1.0.0", "main", List.of()));
		this.broker.post("/contracts/publish", pact.publishBody("1.0.1", "main", List.of()));
	}

	@Test
	void aFailedVerificationIsRecordedWithEachInteractionsMismatches() {
		JsonNode pact = this.broker.get(pactPath("1.0.0")).json();
		String interactionId = pact.at("/interactions/0/_id").asString();
		String publishHref = pact.at("/_links/pb:publish-verification-results/href").asString();

		Response published = this.broker.post(path(publishHref), Map.of("success", false, "providerApplicationVersion",
				"2.1.0", "buildUrl", "https://ci/orders-api/210", "verifiedBy",
				Map.of("implementation", "Pact-JVM", "version", "4.6.17"), "testResults",
				List.of(Map.of("interactionId", interactionId, "interactionDescription", "a request for order 1",
						"success", false, "mismatches", List.of(Map.of("attribute", "body", "identifier",
								"$.total_cents", "description", "Expected 4599 (Integer) but received \"45.99\""))))));
		assertThat(published.status()).isEqualTo(201);
		JsonNode body = published.json();
		assertThat(published.location()).isEqualTo(body.at("/_links/self/href").asString());
		assertThat(body.get("providerApplicationVersion").asString()).isEqualTo("2.1.0");
		assertThat(body.get("success").asBoolean()).isFalse();
		assertThat(body.at("/verifiedBy/implementation").asString()).isEqualTo("Pact-JVM");
		assertThat(body.at("/testResults/0/mismatches/0/identifier").asString()).isEqualTo("$.total_cents");
		// The link carried no consumer version, so the result is presented for the latest
		// version with this content.
		assertThat(body.at("/_links/self/name").asString()).startsWith("Verification result ")
			.endsWith(" for Pact between " + this.consumer + " (1.0.1) and " + this.provider);
		assertThat(body.at("/_links/pb:pact-version/href").asString()).contains("/metadata/");

		Map<String, Object> stored = this.jdbc.sql("""
				select r.description, r.success, r.interaction is not null as resolved, m.attribute, m.identifier
				from verification_interaction_results r join verification_mismatches m on m.interaction_result = r.id
				join verifications v on v.id = r.verification_id join pacticipants p on p.id = v.provider_id
				where p.name = :provider""").param("provider", this.provider).query().singleRow();
		assertThat(stored).containsEntry("description", "a request for order 1")
			.containsEntry("success", false)
			.containsEntry("resolved", true)
			.containsEntry("attribute", "body")
			.containsEntry("identifier", "$.total_cents");

		assertThat(this.broker.get(path(body.at("/_links/self/href").asString())).status()).isEqualTo(200);
	}

	@Test
	void aVerificationOfContentCountsForEveryVersionThatPublishedIt() {
		String publishHref = this.broker.get(pactPath("1.0.0"))
			.json()
			.at("/_links/pb:publish-verification-results/href")
			.asString();
		this.broker.post(path(publishHref), Map.of("success", true, "providerApplicationVersion", "2.0.0"));

		JsonNode forLater = this.broker.get(pactPath("1.0.1") + "/verification-results/latest").json();
		assertThat(forLater.get("success").asBoolean()).isTrue();
		assertThat(forLater.get("providerApplicationVersion").asString()).isEqualTo("2.0.0");
		JsonNode summary = this.broker.get("/verification-results/consumer/" + this.consumer + "/version/1.0.1/latest")
			.json();
		assertThat(summary.get("success").asBoolean()).isTrue();
		assertThat(summary.at("/providerSummary/successful/0").asString()).isEqualTo(this.provider);
		JsonNode version = this.broker.get("/pacticipants/" + this.consumer + "/versions/1.0.1").json();
		assertThat(version.at("/_links/pb:latest-verification-results-where-pacticipant-is-consumer/href").asString())
			.endsWith("/verification-results/consumer/" + this.consumer + "/version/1.0.1/latest");
	}

	@Test
	void badResultsAreRefusedNamingTheFieldAndRecordNothing() {
		String publishHref = this.broker.get(pactPath("1.0.0"))
			.json()
			.at("/_links/pb:publish-verification-results/href")
			.asString();
		Response missing = this.broker.post(path(publishHref),
				Map.of("providerApplicationVersion", "", "buildUrl", "not a url"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").propertyNames()).contains("success", "providerApplicationVersion",
				"buildUrl");
		Response unknown = this.broker.post(
				"/pacts/provider/" + this.provider + "/consumer/" + this.consumer
						+ "/pact-version/nope/verification-results",
				Map.of("success", true, "providerApplicationVersion", "1"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(this.broker.get(pactPath("1.0.0") + "/verification-results/latest").status()).isEqualTo(404);
		assertThat(this.broker.get("/pacticipants/" + this.provider + "/versions/1").status())
			.as("a refused result creates no provider version")
			.isEqualTo(404);
	}

	private String pactPath(String version) {
		return "/pacts/provider/" + this.provider + "/consumer/" + this.consumer + "/version/" + version;
	}

	private String path(String href) {
		return href.substring(this.broker.baseUrl().length());
	}

}
