package io.concordat.deployment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.concordat.ConcordatTest;
import io.concordat.pacticipant.VersionService;
import io.concordat.support.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questions other features ask: which versions are currently in an environment, and
 * where a version currently is.
 */
@ConcordatTest
class DeploymentQueryTests {

	@Autowired
	EnvironmentService environments;

	@Autowired
	DeploymentService deployments;

	@Autowired
	ReleaseService releases;

	@Autowired
	VersionService versions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	String production;

	UUID productionId;

	String test;

	UUID testId;

	String web;

	String api;

	@BeforeEach
	void deployAndRelease() {
		this.production = Names.unique("production");
		this.productionId = this.environments.create(new EnvironmentDetails(this.production, null, true, null)).uuid();
		this.test = Names.unique("test");
		this.testId = this.environments.create(new EnvironmentDetails(this.test, null, false, null)).uuid();
		this.web = Names.unique("orders-web");
		this.api = Names.unique("orders-api");
		for (String version : List.of("1", "2", "3")) {
			this.versions.findOrCreate(this.web, version);
			this.versions.findOrCreate(this.api, version);
		}
		this.deployments.recordDeployment(this.web, "1", this.productionId, null);
		this.deployments.recordDeployment(this.web, "2", this.productionId, null);
		this.deployments.recordDeployment(this.web, "1", this.productionId, "eu");
		this.releases.recordRelease(this.web, "3", this.productionId);
		this.deployments.recordDeployment(this.api, "2", this.productionId, null);
		this.deployments.recordDeployment(this.api, "3", this.testId, null);
		this.releases.recordRelease(this.api, "1", this.testId);
		this.releases.endSupport(this.releases.recordRelease(this.api, "2", this.testId).value().uuid());
	}

	@Test
	void versionsDeployedToAnEnvironmentAreTheCurrentDeploymentOfEachInstance() {
		assertThat(describe(this.deployments.versionsIn(this.production, this.web, Kind.DEPLOYED)))
			.containsExactly(this.web + " 2 DEPLOYED", this.web + " 1 DEPLOYED eu");
	}

	@Test
	void versionsDeployedOrReleasedToAnEnvironmentCoverEveryPacticipant() {
		assertThat(describe(this.deployments.versionsIn(this.production, (String) null, Kind.DEPLOYED_OR_RELEASED)))
			.containsExactly(this.api + " 2 DEPLOYED", this.web + " 3 RELEASED", this.web + " 2 DEPLOYED",
					this.web + " 1 DEPLOYED eu");
	}

	@Test
	void releasedVersionsAreTheOnesStillSupported() {
		assertThat(describe(this.deployments.versionsIn(this.test, this.api, Kind.RELEASED)))
			.containsExactly(this.api + " 1 RELEASED");
	}

	@Test
	void everyEnvironmentWhenNoneIsNamed() {
		List<VersionInEnvironment> api = this.deployments.versionsIn(null, this.api, Kind.DEPLOYED);
		assertThat(api).extracting(VersionInEnvironment::environment).containsExactly(this.production, this.test);
		assertThat(api).extracting(VersionInEnvironment::production).containsExactly(true, false);
	}

	@Test
	void aSetOfPacticipants() {
		long webId = this.versions.get(this.web, "1").pacticipantId();
		long apiId = this.versions.get(this.api, "1").pacticipantId();
		assertThat(describe(this.deployments.versionsIn(this.test, List.of(webId, apiId), Kind.DEPLOYED_OR_RELEASED)))
			.containsExactly(this.api + " 3 DEPLOYED", this.api + " 1 RELEASED");
		assertThat(this.deployments.versionsIn(this.test, List.of(), Kind.DEPLOYED)).isEmpty();
	}

	@Test
	void whereAVersionIs() {
		long web1 = this.versions.get(this.web, "1").id();
		List<VersionInEnvironment> web1Is = this.deployments.environmentsOf(web1);
		assertThat(describe(web1Is)).containsExactly(this.web + " 1 DEPLOYED eu");
		assertThat(web1Is.get(0).environment()).isEqualTo(this.production);
		assertThat(web1Is.get(0).versionId()).isEqualTo(web1);
		assertThat(this.deployments.environmentsOf(this.versions.get(this.api, "2").id()))
			.extracting(VersionInEnvironment::environment)
			.as("deployed to production, its release to test ended")
			.containsExactly(this.production);
	}

	@Test
	void anUnknownEnvironmentOrPacticipantHasNoVersions() {
		assertThat(this.deployments.versionsIn(Names.unique("nowhere"), (String) null, Kind.DEPLOYED_OR_RELEASED))
			.isEmpty();
		assertThat(this.deployments.versionsIn(this.production, Names.unique("nobody"), Kind.DEPLOYED_OR_RELEASED))
			.isEmpty();
	}

	/**
	 * Can-i-deploy asks these on every call: every table they read must be reached
	 * through an index, never scanned whole (with sequential scans discouraged, the
	 * planner only chooses one when no index serves).
	 */
	@Test
	void theLookupsAreIndexBacked() {
		long versionId = this.versions.get(this.web, "1").id();
		long pacticipantId = this.versions.get(this.web, "1").pacticipantId();
		List<DeploymentService.Lookup> lookups = List.of(DeploymentService.Lookup.of(this.production, this.web),
				DeploymentService.Lookup.of(this.production, (String) null),
				DeploymentService.Lookup.of(null, this.web),
				DeploymentService.Lookup.of(this.production, List.of(pacticipantId)),
				DeploymentService.Lookup.ofVersion(versionId));
		for (DeploymentService.Lookup lookup : lookups) {
			String plan = explain(DeploymentService.presentSql(Kind.DEPLOYED_OR_RELEASED, lookup), lookup.params());
			assertThat(plan).as("plan for%s", lookup.conditions()).doesNotContain("Seq Scan");
		}
	}

	private String explain(String sql, Map<String, Object> params) {
		return this.transactions.execute((status) -> {
			this.jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n", this.jdbc.sql("explain " + sql).params(params).query(String.class).list());
		});
	}

	private static List<String> describe(List<VersionInEnvironment> versions) {
		return versions.stream()
			.map((version) -> version.pacticipant() + " " + version.version() + " " + version.kind()
					+ ((version.applicationInstance() != null) ? " " + version.applicationInstance() : ""))
			.toList();
	}

}
