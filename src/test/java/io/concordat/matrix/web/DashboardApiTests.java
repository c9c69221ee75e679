package io.concordat.matrix.web;

import java.util.ArrayList;
import java.util.List;

import io.concordat.ConcordatTest;
import io.concordat.matrix.Histories;
import io.concordat.publication.PactView;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ConcordatTest
class DashboardApiTests {

	@Autowired
	ApplicationContext context;

	Broker broker;

	String web;

	String api;

	@BeforeEach
	void aConsumerWithATaggedReleaseAndANewerUnverifiedPact(Broker broker) {
		this.broker = broker;
		Histories history = new Histories(this.context);
		this.web = history.pacticipant("orders-web");
		this.api = history.pacticipant("orders-api");
		PactView prod = history.publish(this.web, "1.0.0", this.api, 1);
		history.tag(this.web, "1.0.0", "prod");
		history.passes(prod, "2.0.0");
		history.tag(this.api, "2.0.0", "prod");
		history.publish(this.web, "1.1.0", this.api, 2);
	}

	@Test
	void anIntegrationShowsItsLatestPactAndTheLatestTaggedPactWithTheirLatestResults() {
		Response response = this.broker.get("/dashboard/provider/" + this.api + "/consumer/" + this.web);
		assertThat(response.status()).isEqualTo(200);
		JsonNode items = response.json().get("items");
		assertThat(items.size()).isEqualTo(2);
		JsonNode latest = byConsumerVersion(items, "1.1.0");
		assertThat(latest.at("/consumer/name").asString()).isEqualTo(this.web);
		assertThat(latest.at("/consumer/version/branch").asString()).isEqualTo("main");
		assertThat(latest.at("/consumer/version/headBranchNames/0").asString()).isEqualTo("main");
		assertThat(latest.at("/provider/name").asString()).isEqualTo(this.api);
		assertThat(latest.at("/provider/version").isNull()).isTrue();
		assertThat(latest.get("latestVerificationResult").isNull()).isTrue();
		assertThat(latest.get("pactTags").size()).isZero();
		assertThat(latest.get("verificationStatus").asString()).isEqualTo("never");
		assertThat(latest.get("webhookStatus").asString()).isEqualTo("none");
		assertThat(latest.at("/pact/_links/self/href").asString()).isEqualTo(
				this.broker.baseUrl() + "/pacts/provider/" + this.api + "/consumer/" + this.web + "/version/1.1.0");

		JsonNode tagged = byConsumerVersion(items, "1.0.0");
		assertThat(tagged.at("/pactTags/0/name").asString()).isEqualTo("prod");
		assertThat(tagged.at("/pactTags/0/latest").asBoolean()).isTrue();
		assertThat(tagged.at("/latestVerificationResult/success").asBoolean()).isTrue();
		assertThat(tagged.at("/latestVerificationResult/_links/self/href").asString())
			.endsWith("/version/1.0.0/verification-results/latest");
		assertThat(tagged.at("/provider/version/number").asString()).isEqualTo("2.0.0");
		assertThat(tagged.at("/latestVerificationResultTags/0/name").asString()).isEqualTo("prod");
		assertThat(tagged.at("/latestVerificationResultTags/0/latest").asBoolean()).isTrue();
		assertThat(tagged.get("verificationStatus").asString()).isEqualTo("success");
		// Most recent activity first: 1.1.0 was published after 1.0.0 was verified.
		assertThat(items.get(0)).isEqualTo(latest);
	}

	@Test
	void theWholeDashboardIncludesTheIntegrationAndUnknownPacticipantsAreNotFound() {
		JsonNode items = this.broker.get("/dashboard").json().get("items");
		List<String> versions = new ArrayList<>();
		for (JsonNode item : items) {
			if (item.at("/consumer/name").asString().equals(this.web)) {
				versions.add(item.at("/consumer/version/number").asString());
			}
		}
		assertThat(versions).containsExactlyInAnyOrder("1.0.0", "1.1.0");
		assertThat(this.broker.get("/dashboard/provider/" + this.api + "/consumer/nobody-at-all").status())
			.isEqualTo(404);
	}

	@Test
	void plainTextAsksForTheDashboardAsATable() {
		Response text = this.broker.get("/dashboard/provider/" + this.api + "/consumer/" + this.web,
				java.util.Map.of("Accept", "text/plain"));
		assertThat(text.contentType()).startsWith("text/plain");
		List<String> lines = text.body().lines().toList();
		assertThat(lines.get(0)).matches(
				"CONSUMER_NAME +\\| C_VERSION \\| C_TAGS \\| PROVIDER_NAME +\\| P_VERSION \\| " + "P_TAGS \\| SUCCESS");
		assertThat(lines.get(1)).matches("[-|]+");
		assertThat(lines.subList(2, lines.size())).hasSize(2)
			.anyMatch((line) -> line.matches(this.web + " +\\| 1\\.0\\.0 +\\| prod +\\| " + this.api
					+ " +\\| 2\\.0\\.0 +\\| prod +\\| success *"))
			.anyMatch((line) -> line
				.matches(this.web + " +\\| 1\\.1\\.0 +\\| +\\| " + this.api + " +\\| +\\| +\\| never *"));
	}

	@Test
	void aFailureWhileThePactWasPendingIsShownAsFailedPending() {
		JsonNode pact = this.broker.get("/pacts/provider/" + this.api + "/consumer/" + this.web + "/version/1.1.0")
			.json();
		String publish = pact.at("/_links/pb:publish-verification-results/href")
			.asString()
			.substring(this.broker.baseUrl().length())
			.replace("/verification-results",
					"/metadata/"
							+ java.util.Base64.getUrlEncoder()
								.withoutPadding()
								.encodeToString("cvn=1.1.0&p=true".getBytes(java.nio.charset.StandardCharsets.UTF_8))
							+ "/verification-results");
		assertThat(this.broker.post(publish, java.util.Map.of("success", false, "providerApplicationVersion", "2.1.0"))
			.status()).isEqualTo(201);
		JsonNode items = this.broker.get("/dashboard/provider/" + this.api + "/consumer/" + this.web)
			.json()
			.get("items");
		assertThat(byConsumerVersion(items, "1.1.0").get("verificationStatus").asString()).isEqualTo("failed_pending");
	}

	private static JsonNode byConsumerVersion(JsonNode items, String version) {
		for (JsonNode item : items) {
			if (item.at("/consumer/version/number").asString().equals(version)) {
				return item;
			}
		}
		throw new AssertionError("no item for consumer version " + version);
	}

}
