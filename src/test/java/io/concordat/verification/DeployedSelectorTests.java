package io.concordat.verification;

import java.util.List;
import java.util.UUID;

import io.concordat.ConcordatTest;
import io.concordat.deployment.DeploymentService;
import io.concordat.deployment.EnvironmentDetails;
import io.concordat.deployment.EnvironmentService;
import io.concordat.deployment.ReleaseService;
import io.concordat.support.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.concordat.verification.ConsumerVersionSelector.currentlyDeployed;
import static io.concordat.verification.ConsumerVersionSelector.currentlySupported;
import static io.concordat.verification.ConsumerVersionSelector.inEnvironment;
import static io.concordat.verification.SelectorResolutionTests.versions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployed, released and environment selectors over deployments and releases recorded
 * through the deployment feature.
 */
@ConcordatTest
class DeployedSelectorTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	EnvironmentService environments;

	@Autowired
	DeploymentService deployments;

	@Autowired
	ReleaseService releases;

	History history;

	String production;

	UUID productionId;

	String web;

	String mobile;

	@BeforeEach
	void deployAndRelease() {
		this.history = History.ofNewProvider(this.context);
		this.production = Names.unique("production");
		this.productionId = this.environments.create(new EnvironmentDetails(this.production, null, true, null)).uuid();
		this.web = this.history.consumer("web");
		this.mobile = this.history.consumer("mobile");
		this.history.publish(this.web, "1.0.0", "main", 1);
		this.history.publish(this.web, "1.1.0", "main", 2);
		this.history.publish(this.mobile, "5.0.0", "main", 3);
		this.history.publish(this.mobile, "5.1.0", "main", 4);
		this.deployments.recordDeployment(this.web, "1.0.0", this.productionId, "blue");
		this.releases.recordRelease(this.mobile, "5.0.0", this.productionId);
		this.releases.recordRelease(this.mobile, "5.1.0", this.productionId);
	}

	@Test
	void deployedSelectsTheVersionsThatCurrentlyRun() {
		List<VerifiablePact> pacts = this.history.pactsToVerify(Ask.forSelectors(currentlyDeployed(this.production)));

		assertThat(versions(pacts)).containsExactly(this.web + " 1.0.0");
		ResolvedSelector selector = pacts.get(0).selectors().get(0);
		assertThat(selector.environment()).isEqualTo(this.production);
		assertThat(selector.target()).isEqualTo("blue");
		assertThat(selector.production()).isTrue();

		this.deployments.recordDeployment(this.web, "1.1.0", this.productionId, "blue");
		assertThat(versions(this.history.pactsToVerify(Ask.forSelectors(currentlyDeployed(null)))))
			.containsExactly(this.web + " 1.1.0");
	}

	@Test
	void releasedSelectsEveryVersionStillSupported() {
		assertThat(versions(this.history.pactsToVerify(Ask.forSelectors(currentlySupported(null)))))
			.containsExactlyInAnyOrder(this.mobile + " 5.0.0", this.mobile + " 5.1.0");

		this.releases.endSupport(this.releases.recordRelease(this.mobile, "5.0.0", this.productionId).value().uuid());
		assertThat(versions(this.history.pactsToVerify(Ask.forSelectors(currentlySupported(this.production)))))
			.containsExactly(this.mobile + " 5.1.0");
	}

	@Test
	void anEnvironmentSelectsWhatIsDeployedOrReleasedThere() {
		assertThat(versions(this.history.pactsToVerify(Ask.forSelectors(inEnvironment(this.production)))))
			.containsExactlyInAnyOrder(this.web + " 1.0.0", this.mobile + " 5.0.0", this.mobile + " 5.1.0");
		assertThat(versions(this.history
			.pactsToVerify(Ask.forSelectors(currentlyDeployed(this.production).forConsumer(this.mobile))))).isEmpty();
	}

	@Test
	void anEnvironmentNamedInASelectorMustExist() {
		DeployedVersions recorded = this.context.getBean(DeployedVersions.class);
		assertThat(recorded.environmentExists(this.production)).isTrue();
		assertThat(recorded.environmentExists(Names.unique("nowhere"))).isFalse();
	}

}
