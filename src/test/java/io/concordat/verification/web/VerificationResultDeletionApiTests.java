package io.concordat.verification.web;

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
class VerificationResultDeletionApiTests {

	@Autowired
	ApplicationContext context;

	Broker broker;

	Histories history;

	String consumer;

	String provider;

	String environment;

	PactView pact;

	@BeforeEach
	void aPactPassedThenFailedByTheSameProviderVersion(Broker broker) {
		this.broker = broker;
		this.history = new Histories(this.context);
		this.consumer = this.history.pacticipant("orders-web");
		this.provider = this.history.pacticipant("orders-api");
		this.environment = this.history.environment("production");
		this.pact = this.history.publish(this.consumer, "1.0.0", this.provider);
		this.history.passes(this.pact, "2.0.0");
		this.history.fails(this.pact, "2.0.0");
		this.history.deploy(this.provider, "2.0.0", this.environment);
	}

	@Test
	void aResultIsServedUnderThePactUrlWithMetadataThatVerifiersBuildResultUrlsFrom() {
		JsonNode latest = this.broker.get(contentPath() + "/verification-results/latest").json();
		String self = latest.at("/_links/self/href").asString();
		String number = self.substring(self.lastIndexOf('/') + 1);
		Response withMetadata = this.broker
			.get(contentPath() + "/metadata/Y3ZuPTEuMC4w/verification-results/" + number);
		assertThat(withMetadata.status()).isEqualTo(200);
		assertThat(withMetadata.json().get("success").asBoolean()).isFalse();
		assertThat(withMetadata.json().at("/_links/self/href").asString()).isEqualTo(self);
	}

	@Test
	void deletingTheLatestResultMakesTheOneBeforeItDecideCanIDeployAgain() {
		assertThat(canIDeploy()).isFalse();
		JsonNode latest = this.broker.get(contentPath() + "/verification-results/latest").json();
		String self = latest.at("/_links/self/href").asString();
		Response deleted = this.broker.delete(self.substring(this.broker.baseUrl().length()));
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.broker.get(self.substring(this.broker.baseUrl().length())).status()).isEqualTo(404);
		assertThat(this.broker.get(contentPath() + "/verification-results/latest").json().get("success").asBoolean())
			.isTrue();
		assertThat(canIDeploy()).isTrue();
	}

	@Test
	void theLatestResultOfTheLatestPactCanBeDeletedThroughItsOwnResource() {
		String latestOfLatest = "/pacts/provider/" + this.provider + "/consumer/" + this.consumer
				+ "/latest/verification-results/latest";
		assertThat(this.broker.delete(latestOfLatest).status()).isEqualTo(204);
		assertThat(this.broker.delete(latestOfLatest).status()).isEqualTo(204);
		assertThat(this.broker.delete(latestOfLatest).status()).isEqualTo(404);
		assertThat(canIDeploy()).isNull();
	}

	private Boolean canIDeploy() {
		JsonNode summary = this.broker
			.get("/can-i-deploy?pacticipant=" + this.consumer + "&version=1.0.0&environment=" + this.environment)
			.json()
			.get("summary");
		return summary.get("deployable").isNull() ? null : summary.get("deployable").asBoolean();
	}

	private String contentPath() {
		return "/pacts/provider/" + this.provider + "/consumer/" + this.consumer + "/pact-version/" + this.pact.sha();
	}

}
