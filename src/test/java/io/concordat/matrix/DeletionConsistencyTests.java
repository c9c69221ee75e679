package io.concordat.matrix;

import io.concordat.ConcordatTest;
import io.concordat.publication.PactView;
import io.concordat.support.Broker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What remains after a deletion answers can-i-deploy as it did before: the derived rows
 * (latest publications, latest verifications, branch heads, current deployments) follow
 * the deletion instead of pointing at what is gone.
 */
@ConcordatTest
class DeletionConsistencyTests {

	@Autowired
	ApplicationContext context;

	Broker broker;

	Histories history;

	String web;

	String api;

	String production;

	@BeforeEach
	void webOneVerifiedAndDeployedWebTwoFailed(Broker broker) {
		this.broker = broker;
		this.history = new Histories(this.context);
		this.web = this.history.pacticipant("orders-web");
		this.api = this.history.pacticipant("orders-api");
		this.production = this.history.environment("production");
		PactView one = this.history.publish(this.web, "1.0.0", this.api, 1);
		PactView two = this.history.publish(this.web, "2.0.0", this.api, 2);
		this.history.passes(one, "5.0.0");
		this.history.fails(two, "5.0.0");
		this.history.deploy(this.api, "5.0.0", this.production);
	}

	@Test
	void deletingALaterPactLeavesTheEarlierVersionsAnswerAndTheLatestPactFallsBack() {
		assertThat(this.history.canIDeploy(this.web, "1.0.0", this.production).deployable()).isTrue();
		assertThat(this.broker.delete(pact() + "/version/2.0.0").status()).isEqualTo(200);
		assertThat(this.history.canIDeploy(this.web, "1.0.0", this.production).deployable()).isTrue();
		assertThat(this.broker.get(pact() + "/latest").header("X-Pact-Consumer-Version")).isEqualTo("1.0.0");
		assertThat(this.broker.get(pact() + "/latest/verification-results/latest").json().get("success").asBoolean())
			.isTrue();
	}

	@Test
	void deletingTheBranchHeadMakesTheVersionBeforeItTheHeadForCanIDeploy() {
		String branchCheck = "/pacticipants/" + this.web + "/branches/main/latest-version/can-i-deploy/to-environment/"
				+ this.production;
		assertThat(this.broker.get(branchCheck).json().at("/summary/deployable").asBoolean()).isFalse();
		assertThat(this.broker.delete("/pacticipants/" + this.web + "/branches/main/versions/2.0.0").status())
			.isEqualTo(204);
		assertThat(this.broker.get(branchCheck).json().at("/summary/deployable").asBoolean()).isTrue();
		assertThat(this.broker.get("/pacticipants/" + this.web + "/branches/main/latest-version")
			.json()
			.get("number")
			.asString()).isEqualTo("1.0.0");
	}

	@Test
	void deletingTheDeployedProviderVersionLeavesNoProviderVersionOrResultToCheckAgainst() {
		assertThat(this.broker.delete("/pacticipants/" + this.api + "/versions/5.0.0").status()).isEqualTo(204);
		MatrixResult after = this.history.canIDeploy(this.web, "1.0.0", this.production);
		assertThat(after.rows()).singleElement().satisfies((row) -> {
			assertThat(row.providerVersion()).isNull();
			assertThat(row.verification()).isNull();
		});
		assertThat(this.broker.get(pact() + "/version/1.0.0/verification-results/latest").status()).isEqualTo(404);
	}

	@Test
	void deletingTheIntegrationLeavesTheDeployedProviderVersionInPlace() {
		assertThat(this.broker.delete("/integrations/provider/" + this.api + "/consumer/" + this.web).status())
			.isEqualTo(204);
		assertThat(this.broker
			.get("/pacticipants/" + this.api + "/versions/5.0.0/deployed-versions/environment/" + environmentUuid())
			.json()
			.at("/_embedded/deployedVersions")
			.size()).isEqualTo(1);
		assertThat(this.broker.get(pact() + "/latest").status()).isEqualTo(404);
	}

	private String environmentUuid() {
		for (var environment : this.broker.get("/environments").json().at("/_embedded/environments")) {
			if (environment.get("name").asString().equals(this.production)) {
				return environment.get("uuid").asString();
			}
		}
		throw new AssertionError("no environment " + this.production);
	}

	private String pact() {
		return "/pacts/provider/" + this.api + "/consumer/" + this.web;
	}

}
