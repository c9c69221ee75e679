package io.concordat.publication.web;

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
class PublicationApiTests {

	@Autowired
	JdbcClient jdbc;

	Broker broker;

	String consumer;

	String provider;

	@BeforeEach
	void connect(Broker broker) {
		this.broker = broker;
		this.consumer = Names.unique("orders-web");
		this.provider = Names.unique("orders-api");
	}

	@Test
	void publishesContractsAndAnswersInTheShapeTheRustCliDeserialises() {
		Response published = publish(PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(4599),
				"1.0.0", "main", List.of("main", "dev"));
		assertThat(published.status()).isEqualTo(200);
		JsonNode body = published.json();
		assertThat(body.get("logs").isArray()).isTrue();
		assertThat(body.at("/logs/0/deprecationWarning").asString()).isEqualTo("Replaced by notices");
		assertThat(body.at("/notices/0/text").asString())
			.isEqualTo("Created " + this.consumer + " version 1.0.0 with branch main and tags main, dev");
		assertThat(body.at("/notices/1/type").asString()).isEqualTo("success");
		assertThat(body.at("/_embedded/pacticipant/name").asString()).isEqualTo(this.consumer);
		assertThat(body.at("/_embedded/version/_links/self/name").asString()).isEqualTo("1.0.0");
		assertThat(body.at("/_links/pb:pacticipant-version-tags").size()).isEqualTo(2);
		assertThat(body.at("/_links/pb:contracts/0/href").asString())
			.isEqualTo(pactPath("1.0.0").replace("/pacts", this.broker.baseUrl() + "/pacts"));

		JsonNode pact = this.broker.get(pactPath("1.0.0")).json();
		assertThat(pact.at("/interactions/0/_id").asString()).hasSize(40);
		assertThat(pact.at("/interactions/0/response/body/total_cents").asInt()).isEqualTo(4599);
		assertThat(java.time.OffsetDateTime.parse(pact.get("createdAt").asString()))
			.isBetween(java.time.OffsetDateTime.now().minusMinutes(5), java.time.OffsetDateTime.now().plusMinutes(1));
		assertThat(pact.at("/_links/pb:publish-verification-results/href").asString()).contains("/pact-version/")
			.endsWith("/verification-results");
		assertThat(pact.at("/_links/pb:provider/name").asString()).isEqualTo(this.provider);

		JsonNode version = this.broker.get("/pacticipants/" + this.consumer + "/versions/1.0.0").json();
		assertThat(version.at("/_links/pb:pact-versions/0/name").asString())
			.isEqualTo("Pact between " + this.consumer + " (1.0.0) and " + this.provider);
		assertThat(this.broker.get("/pacticipants/" + this.consumer).json().get("mainBranch").asString())
			.isEqualTo("main");
	}

	@Test
	void aPactWithNoInteractionsIsAcceptedWithAWarningThatThereIsNothingToVerify() {
		Response published = publish(PactFiles.aPact().between(this.consumer, this.provider), "1.0.0", "main",
				List.of());

		assertThat(published.status()).isEqualTo(200);
		List<String> warnings = new java.util.ArrayList<>();
		published.json().get("notices").forEach((notice) -> {
			if (notice.get("type").asString().equals("warning")) {
				warnings.add(notice.get("text").asString());
			}
		});
		assertThat(warnings).containsExactly("The pact for " + this.consumer + " version 1.0.0 and provider "
				+ this.provider + " has no interactions, so the provider has nothing to verify."
				+ " Check that the consumer's Pact tests ran and recorded their interactions.");
		assertThat(this.broker.get(pactPath("1.0.0")).json().get("interactions").size()).isZero();

		Response withInteractions = publish(
				PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(4599), "1.0.1", "main",
				List.of());
		assertThat(withInteractions.body()).doesNotContain("has no interactions");
	}

	@Test
	void identicalContentFromManyVersionsIsStoredOnce() {
		PactFiles pact = PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(4599);
		publish(pact, "1.0.0", "main", List.of());
		publish(pact, "1.0.1", "main", List.of());
		Response again = publish(pact, "1.0.1", "main", List.of());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().at("/notices/1/text").asString()).contains("republished with no content changes");

		String first = this.broker.get(pactPath("1.0.0")).json().at("/_links/pb:pact-version/name").asString();
		String second = this.broker.get(pactPath("1.0.1")).json().at("/_links/pb:pact-version/name").asString();
		assertThat(first).isEqualTo(second).hasSize(64);
		assertThat(contentRows()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select count(*) from interactions i join pact_versions pv on pv.id = i.pact_version_id
				join pacticipants c on c.id = pv.consumer_id where c.name = :c""")
			.param("c", this.consumer)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void changedContentForAPublishedVersionIsRefusedAndNothingChanges() {
		publish(PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(4599), "1.0.0", "main",
				List.of());
		Response conflict = publish(PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(4999),
				"1.0.0", "main", List.of("new-tag"));
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.contentType()).isEqualTo("application/json;charset=utf-8");
		JsonNode body = conflict.json();
		assertThat(body.at("/notices/0/type").asString()).isEqualTo("error");
		assertThat(body.at("/notices/0/text").asString()).startsWith("Cannot change the content of the pact for "
				+ this.consumer + " version 1.0.0 and provider " + this.provider);
		assertThat(body.at("/notices/1/text").asString()).contains("4599").contains("4999");
		assertThat(body.at("/errors/contracts/0").asString()).startsWith("Cannot change the content");

		assertThat(this.broker.get(pactPath("1.0.0")).json().at("/interactions/0/response/body/total_cents").asInt())
			.isEqualTo(4599);
		assertThat(this.broker.get("/pacticipants/" + this.consumer + "/versions/1.0.0/tags/new-tag").status())
			.as("a refused publication changes nothing")
			.isEqualTo(404);
		assertThat(contentRows()).isEqualTo(1);
	}

	@Test
	void invalidPublicationsGet400sNamingEachProblem() {
		Map<String, Object> body = Map.of("pacticipantName", "", "pacticipantVersionNumber", "1.0.0", "contracts",
				List.of(Map.of("consumerName", "someone-else", "providerName", this.provider, "specification", "pact",
						"contentType", "application/json", "content", "not base64!!")));
		Response legacy = this.broker.post("/contracts/publish", body);
		assertThat(legacy.status()).isEqualTo(400);
		assertThat(legacy.json().at("/errors/pacticipantName/0").asString()).isEqualTo("must be filled");
		assertThat(legacy.json().at("/errors/contracts/0").asString()).isEqualTo("is not valid Base64 (at index 0)");

		Response problem = this.broker.send("POST", "/contracts/publish", body,
				Map.of("Accept", "application/problem+json", "Content-Type", "application/json"));
		assertThat(problem.contentType()).isEqualTo("application/problem+json;charset=utf-8");
		assertThat(problem.json().get("title").asString()).isEqualTo("Validation errors");
		assertThat(problem.json().at("/errors/1/pointer").asString()).isEqualTo("/contracts/0");

		String notAPact = java.util.Base64.getEncoder().encodeToString("{\"hello\": 1}".getBytes());
		Response rejected = this.broker.post("/contracts/publish",
				Map.of("pacticipantName", this.consumer, "pacticipantVersionNumber", "1", "contracts",
						List.of(Map.of("consumerName", this.consumer, "providerName", this.provider, "specification",
								"pact", "contentType", "application/json", "content", notAPact))));
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.json().at("/errors/contracts/0").asString()).contains("not a pact");
		assertThat(this.broker.get("/pacticipants/" + this.consumer).status()).isEqualTo(404);
	}

	@Test
	void aNewNameVerySimilarToAnExistingOneIsRefusedAsAProbableTypo() {
		String existing = Names.unique("Billing");
		this.broker.post("/pacticipants", Map.of("name", existing + " Service"));
		Response refused = publish(PactFiles.aPact().between(this.consumer, existing.toLowerCase() + "-api"), "1.0.0",
				"main", List.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().at("/notices/0/text").asString()).contains("very similar")
			.contains(existing + " Service");
		assertThat(this.broker.get("/pacticipants/" + this.consumer).status()).isEqualTo(404);

		this.broker.post("/pacticipants", Map.of("name", existing.toLowerCase() + "-api"));
		assertThat(publish(PactFiles.aPact().between(this.consumer, existing.toLowerCase() + "-api"), "1.0.0", "main",
				List.of())
			.status()).as("once created deliberately, the name is accepted").isEqualTo(200);
	}

	@Test
	void theLegacyPutPublishesAndPatchMerges() {
		String path = pactPath("2.0.0");
		String json = PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(1).json();
		assertThat(this.broker.put(path, json).status()).isEqualTo(201);
		assertThat(this.broker.put(path, json).status()).isEqualTo(200);
		String changed = PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(2).json();
		Response conflict = this.broker.put(path, changed);
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.json().get("error").asString()).startsWith("Cannot change the content");

		String mismatch = PactFiles.aPact().between("somebody", this.provider).withOrderTotal(1).json();
		Response bad = this.broker.put(path, mismatch);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().at("/errors/body/0").asString()).contains("consumer name");

		String more = PactFiles.aPact()
			.between(this.consumer, this.provider)
			.withInteraction("a request for the catalogue", "/catalogue", Map.of("items", 3))
			.json();
		Response merged = this.broker.send("PATCH", path, more,
				Map.of("Accept", "application/hal+json", "Content-Type", "application/json"));
		assertThat(merged.status()).isEqualTo(200);
		assertThat(this.broker.get(path).json().get("interactions").size()).isEqualTo(2);
	}

	@Test
	void findsPactsByTagBranchAndContentAndAcrossTheProvider() {
		PactFiles v1 = PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(1);
		PactFiles v2 = PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(2);
		publish(v1, "1", "main", List.of("prod"));
		publish(v2, "2", "feat/x", List.of());
		String integration = "/pacts/provider/" + this.provider + "/consumer/" + this.consumer;

		assertThat(total(integration + "/latest")).isEqualTo(2);
		assertThat(this.broker.get(integration + "/latest").header("X-Pact-Consumer-Version")).isEqualTo("2");
		assertThat(this.broker.get(integration + "/latest/prod").header("X-Pact-Consumer-Version")).isEqualTo("1");
		assertThat(total(integration + "/latest/prod")).isEqualTo(1);
		assertThat(total(integration + "/branch/feat%2Fx/latest")).isEqualTo(2);
		assertThat(this.broker.get(integration + "/latest/nope").status()).isEqualTo(404);

		String sha = this.broker.get(integration + "/latest/prod").json().at("/_links/pb:pact-version/name").asString();
		assertThat(total(integration + "/pact-version/" + sha)).isEqualTo(1);
		String metadata = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("cvn=1".getBytes());
		JsonNode viaMetadata = this.broker.get(integration + "/pact-version/" + sha + "/metadata/" + metadata).json();
		assertThat(viaMetadata.at("/_links/pb:publish-verification-results/href").asString())
			.contains("/metadata/" + metadata);

		JsonNode latest = this.broker.get("/pacts/provider/" + this.provider + "/latest").json();
		assertThat(latest.at("/_links/pb:pacts/0/name").asString()).isEqualTo(this.consumer);
		assertThat(latest.at("/_links/pb:pacts/0/href").asString()).endsWith("/version/2");
		JsonNode prod = this.broker.get("/pacts/provider/" + this.provider + "/latest/prod").json();
		assertThat(prod.at("/_links/pb:pacts/0/href").asString()).endsWith("/version/1");
		JsonNode mainBranch = this.broker.get("/pacts/provider/" + this.provider + "/branch/latest").json();
		assertThat(mainBranch.at("/_links/pb:pacts").size()).isEqualTo(1);
		assertThat(mainBranch.at("/_links/pb:pacts/0/href").asString()).endsWith("/version/1");
		JsonNode feature = this.broker.get("/pacts/provider/" + this.provider + "/branch/feat%2Fx").json();
		assertThat(feature.at("/_links/pb:pacts/0/href").asString()).endsWith("/version/2");
		assertThat(this.broker.get("/pacts/provider/no-such-provider/latest").status()).isEqualTo(404);

		JsonNode everything = this.broker.get("/pacts/latest").json();
		assertThat(everything.get("pacts").toString()).contains(this.consumer);
		JsonNode integrations = this.broker.get("/integrations?q=" + this.consumer).json();
		assertThat(integrations.at("/_embedded/integrations/0/provider/name").asString()).isEqualTo(this.provider);
	}

	@Test
	void diffsAPactWithThePreviousDistinctVersion() {
		publish(PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(4599), "1", "main", List.of());
		publish(PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(4599), "2", "main", List.of());
		publish(PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(4999), "3", "main", List.of());
		String diffHref = this.broker.get(pactPath("3")).json().at("/_links/pb:diff-previous-distinct/href").asString();

		Response diff = this.broker.get(diffHref.substring(this.broker.baseUrl().length()),
				Map.of("Accept", "text/plain"));
		assertThat(diff.status()).isEqualTo(200);
		assertThat(diff.contentType()).isEqualTo("text/plain;charset=utf-8");
		assertThat(diff.body()).startsWith("# Diff between versions 2 and 3 of the pact between " + this.consumer)
			.contains("-")
			.contains("4599")
			.contains("4999");
		assertThat(total(pactPath("3") + "/previous-distinct")).isEqualTo(4599);
		assertThat(this.broker.get(pactPath("1") + "/diff/previous-distinct").status()).isEqualTo(404);
	}

	private int total(String path) {
		return this.broker.get(path).json().at("/interactions/0/response/body/total_cents").asInt();
	}

	private long contentRows() {
		return this.jdbc.sql("""
				select count(*) from pact_versions pv join pacticipants c on c.id = pv.consumer_id
				where c.name = :c""").param("c", this.consumer).query(Long.class).single();
	}

	private String pactPath(String version) {
		return "/pacts/provider/" + this.provider + "/consumer/" + this.consumer + "/version/" + version;
	}

	private Response publish(PactFiles pact, String version, String branch, List<String> tags) {
		return this.broker.post("/contracts/publish", pact.publishBody(version, branch, tags));
	}

}
