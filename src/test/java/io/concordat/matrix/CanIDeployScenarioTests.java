package io.concordat.matrix;

import java.util.List;
import java.util.UUID;

import io.concordat.ConcordatTest;
import io.concordat.publication.PactView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * can-i-deploy's decisions over small histories built through the real services, one test
 * per rule of the Pact Broker's algorithm.
 */
@ConcordatTest
class CanIDeployScenarioTests {

	@Autowired
	ApplicationContext context;

	Histories history;

	String web;

	String api;

	String production;

	@BeforeEach
	void newNames() {
		this.history = new Histories(this.context);
		this.web = this.history.pacticipant("web");
		this.api = this.history.pacticipant("api");
		this.production = this.history.environment("production");
	}

	@Test
	void refusesDeploymentWhenAnyLiveProviderVersionFailedVerification() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.fails(pact, "1.0.0");
		this.history.passes(pact, "2.0.0");
		this.history.deploy(this.api, "1.0.0", this.production, "blue");
		this.history.deploy(this.api, "2.0.0", this.production, "green");

		MatrixResult result = this.history.canIDeploy(this.web, "1.0.0", this.production);

		assertThat(result.deployable()).isFalse();
		assertThat(result.failed()).isEqualTo(1);
		assertThat(result.success()).isEqualTo(1);
		assertThat(result.reasons()).extracting(Reason::text)
			.containsExactly("The verification for the pact between version 1.0.0 of " + this.web
					+ " and one of the versions of " + this.api + " currently in " + this.production
					+ " (1.0.0) failed");
	}

	@Test
	void allowsDeploymentWhenEveryLiveProviderVersionVerifiedThePact() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.passes(pact, "1.0.0");
		this.history.passes(pact, "2.0.0");
		this.history.deploy(this.api, "1.0.0", this.production, "blue");
		this.history.deploy(this.api, "2.0.0", this.production, "green");

		MatrixResult result = this.history.canIDeploy(this.web, "1.0.0", this.production);

		assertThat(result.deployable()).isTrue();
		assertThat(result.rows()).hasSize(2);
		assertThat(result.reasons()).extracting(Reason::text)
			.containsExactly("All required verification results are published and successful");
	}

	@Test
	void refusesAProviderVersionThatFailsTheConsumerInTheEnvironmentAndExplainsWhichField() {
		PactView pact = this.history.publish(this.web, "1.4.0", this.api);
		this.history.passes(pact, "1.0.0");
		this.history.fails(pact, "2.0.0");
		this.history.deploy(this.web, "1.4.0", this.production);
		this.history.deploy(this.api, "1.0.0", this.production);

		MatrixResult result = this.history.canIDeploy(this.api, "2.0.0", this.production);

		assertThat(result.deployable()).isFalse();
		assertThat(result.reasons()).extracting(Reason::text)
			.containsExactly("The verification for the pact between the version of " + this.web + " currently in "
					+ this.production + " (1.4.0) and version 2.0.0 of " + this.api + " failed");
		assertThat(result.explanations()).singleElement().satisfies((explanation) -> {
			assertThat(explanation.status()).isEqualTo("failed");
			assertThat(explanation.consumerEnvironments()).containsExactly(this.production);
			assertThat(explanation.failedInteractions()).singleElement()
				.satisfies((failed) -> assertThat(failed.fields()).containsExactly("$.total_cents"));
			assertThat(explanation.text()).isEqualTo(this.web + " 1.4.0 in " + this.production
					+ " expects `$.total_cents` in GET /orders/1; " + this.api
					+ " 2.0.0 verification failed: GET /orders/1: Actual map is missing the following keys: "
					+ "total_cents. Keep `total_cents` until " + this.web + " stops reading it (deploy a version of "
					+ this.web + " that no longer expects it first).");
		});
		assertThat(this.history.canIDeploy(this.api, "1.0.0", this.production).deployable()).isTrue();
	}

	@Test
	void ignoringTheConsumerThatFailsLetsTheProviderDeployAndCountsTheIgnoredRow() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.fails(pact, "2.0.0");
		this.history.deploy(this.web, "1.0.0", this.production);

		MatrixResult result = this.history.canIDeploy(this.api, "2.0.0", this.production,
				Selector.pacticipant(this.web));

		assertThat(result.deployable()).isTrue();
		assertThat(result.ignored()).isEqualTo(1);
		assertThat(result.rows()).singleElement().satisfies((row) -> assertThat(row.ignored()).isTrue());
		assertThat(result.reasons()).extracting(Reason::type).containsExactly("success", "info");
	}

	@Test
	void ignoringAVersionThatDoesNotExistOnlyWarns() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.passes(pact, "2.0.0");
		this.history.deploy(this.web, "1.0.0", this.production);

		MatrixResult result = this.history.canIDeploy(this.api, "2.0.0", this.production,
				Selector.version(this.web, "9.9.9"));

		assertThat(result.deployable()).isTrue();
		assertThat(result.reasons()).extracting(Reason::text)
			.contains("WARN: Cannot ignore version 9.9.9 of " + this.web + " (no such version exists)");
	}

	@Test
	void aPacticipantWithoutIntegrationsHasNoMissingDependencies() {
		String loner = this.history.pacticipant("loner");
		this.history.version(loner, "1.0.0");

		MatrixResult result = this.history.canIDeploy(loner, "1.0.0", this.production);

		assertThat(result.deployable()).isTrue();
		assertThat(result.rows()).isEmpty();
		assertThat(result.reasons()).extracting(Reason::text).containsExactly("There are no missing dependencies");
	}

	@Test
	void refusesAVersionThatDoesNotExist() {
		MatrixResult result = this.history.canIDeploy(this.web, "9.9.9", this.production);

		assertThat(result.deployable()).isFalse();
		assertThat(result.reasons()).extracting(Reason::text)
			.containsExactly("No pacts or verifications have been published for version 9.9.9 of " + this.web);
		assertThat(result.explanations()).extracting(Explanation::status).containsExactly("unknown-version");
	}

	@Test
	void aMissingVerificationMakesTheAnswerUnknownEvenWhenAnotherFailed() {
		String other = this.history.pacticipant("other-api");
		PactView failing = this.history.publish(this.web, "1.0.0", this.api);
		PactView unverified = this.history.publish(this.web, "1.0.0", other);
		this.history.fails(failing, "1.0.0");
		this.history.version(other, "3.0.0");
		this.history.deploy(this.api, "1.0.0", this.production);
		this.history.deploy(other, "3.0.0", this.production);

		MatrixResult result = this.history.canIDeploy(this.web, "1.0.0", this.production);

		assertThat(unverified.consumerVersion()).isEqualTo("1.0.0");
		assertThat(result.deployable()).isNull();
		assertThat(result.failed()).isEqualTo(1);
		assertThat(result.unknown()).isEqualTo(1);
		assertThat(result.explanations()).extracting(Explanation::status).containsExactly("failed", "unverified");
		assertThat(result.explanations().get(1).text()).startsWith(other + " 3.0.0 in " + this.production
				+ " has not published a verification result for the pact of " + this.web + " 1.0.0");
	}

	@Test
	void aConsumerDeployingBeforeItsProviderIsInTheEnvironmentGetsAnUnknownAnswer() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.passes(pact, "1.0.0");

		MatrixResult result = this.history.canIDeploy(this.web, "1.0.0", this.production);

		assertThat(result.deployable()).isNull();
		assertThat(result.rows()).singleElement().satisfies((row) -> {
			assertThat(row.providerVersion()).isNull();
			assertThat(row.verification()).isNull();
		});
		assertThat(result.reasons()).extracting(Reason::text)
			.containsExactly("There is no verified pact between version 1.0.0 of " + this.web + " and a version of "
					+ this.api + " currently in " + this.production
					+ " (no version is currently recorded as deployed/released in this environment)");
		assertThat(result.explanations()).singleElement().satisfies((explanation) -> {
			assertThat(explanation.status()).isEqualTo("missing");
			assertThat(explanation.text()).contains("Deploy " + this.api + " first");
		});
	}

	@Test
	void aProviderMayDeployBeforeItsConsumerIsInTheEnvironment() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.fails(pact, "1.0.0");

		MatrixResult result = this.history.canIDeploy(this.api, "1.0.0", this.production);

		assertThat(result.deployable()).isTrue();
		assertThat(result.rows()).isEmpty();
	}

	@Test
	void aTagTargetComparesWithTheLatestTaggedVersionWhileAnEnvironmentComparesWithWhatRunsThere() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.passes(pact, "1.0.0");
		this.history.fails(pact, "2.0.0");
		this.history.tag(this.api, "1.0.0", "prod");
		this.history.tag(this.api, "2.0.0", "prod");
		this.history.deploy(this.api, "1.0.0", this.production);

		assertThat(this.history.canIDeployToTag(this.web, "1.0.0", "prod").deployable()).isFalse();
		assertThat(this.history.canIDeploy(this.web, "1.0.0", this.production).deployable()).isTrue();
	}

	@Test
	void aSupportedReleaseCountsUntilItsSupportEnds() {
		String mobile = this.history.pacticipant("mobile");
		PactView pact = this.history.publish(mobile, "1.0.0", this.api);
		this.history.fails(pact, "2.0.0");
		UUID release = this.history.release(mobile, "1.0.0", this.production);

		assertThat(this.history.canIDeploy(this.api, "2.0.0", this.production).deployable()).isFalse();

		this.history.endSupport(release);

		assertThat(this.history.canIDeploy(this.api, "2.0.0", this.production).deployable()).isTrue();
	}

	@Test
	void identicalContentPublishedByANewConsumerVersionIsAlreadyVerified() {
		PactView first = this.history.publish(this.web, "1.0.0", this.api);
		this.history.passes(first, "1.0.0");
		this.history.deploy(this.api, "1.0.0", this.production);
		this.history.publish(this.web, "1.1.0", this.api);

		assertThat(this.history.canIDeploy(this.web, "1.1.0", this.production).deployable()).isTrue();
	}

	@Test
	void theLatestByConsumerVersionAndProviderKeepsOnlyTheNewestProviderVersion() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.fails(pact, "1.0.0");
		this.history.passes(pact, "2.0.0");

		MatrixResult cvp = this.history
			.query(new MatrixQuery(List.of(Selector.version(this.web, "1.0.0"), Selector.pacticipant(this.api)),
					List.of(), LatestBy.CVP, false, null, null, false, List.of(), null));
		MatrixResult cvpv = this.history
			.query(new MatrixQuery(List.of(Selector.version(this.web, "1.0.0"), Selector.pacticipant(this.api)),
					List.of(), LatestBy.CVPV, false, null, null, false, List.of(), null));

		assertThat(cvp.rows()).extracting((row) -> row.providerVersion().number()).containsExactly("2.0.0");
		assertThat(cvp.deployable()).isTrue();
		assertThat(cvpv.rows()).extracting((row) -> row.providerVersion().number()).containsExactly("2.0.0", "1.0.0");
		assertThat(cvpv.deployable()).isFalse();
		assertThat(cvpv.reasons()).extracting(Reason::text)
			.containsExactly("The verification for the pact between version 1.0.0 of " + this.web
					+ " and any version of " + this.api + " failed");
	}

	@Test
	void theLimitCutsTheRowsShownButNotTheRowsDecidedOn() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.passes(pact, "1.0.0");
		this.history.fails(pact, "2.0.0");

		MatrixResult result = this.history
			.query(new MatrixQuery(List.of(Selector.version(this.web, "1.0.0"), Selector.pacticipant(this.api)),
					List.of(), LatestBy.CVPV, false, null, null, false, List.of(), 1));

		assertThat(result.rows()).hasSize(1);
		assertThat(result.totalRows()).isEqualTo(2);
		assertThat(result.truncated()).isTrue();
		assertThat(result.deployable()).isFalse();
	}

}
