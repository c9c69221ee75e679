package io.concordat.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.concordat.ConcordatTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Environments, deployments and releases driven with the official {@code pact-broker} CLI
 * as a deployment pipeline drives them, checking what the CLI prints and how it exits.
 * Environment names carry a random suffix: all tests share one database.
 */
@ConcordatTest
@ExtendWith(PactCli.RequiresNode.class)
class PactBrokerCliDeploymentTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CREATED = Pattern
		.compile("✅ Created (\\S+) environment in the Pact Broker with UUID ([0-9a-f-]{36})");

	@LocalServerPort
	private int port;

	private PactCli cli;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String production = "production-" + this.suffix;

	private final String provider = "orders-api-" + this.suffix;

	@BeforeAll
	static void installCli() {
		PactCli.install();
	}

	@BeforeEach
	void connect() {
		this.cli = PactCli.against("http://localhost:" + this.port);
	}

	@Test
	void createsListsDescribesUpdatesAndDeletesAnEnvironment() {
		PactCli.Result created = succeeds("create-environment", "--name", this.production, "--production",
				"--display-name", "Production", "--contact-name", "Orders team", "--contact-email-address",
				"orders@example.com");
		String uuid = createdUuid(created);

		List<Map<String, String>> listed = CliTable.rows(succeeds("list-environments").stdout());
		assertThat(listed).filteredOn("NAME", this.production)
			.containsExactly(
					Map.of("UUID", uuid, "NAME", this.production, "DISPLAY NAME", "Production", "PRODUCTION", "true"));

		PactCli.Result described = succeeds("describe-environment", "--uuid", uuid);
		assertThat(described.stdout().lines()).contains("UUID " + uuid, "Name: " + this.production,
				"Display Name: Production", "Production: true", "Contacts:", "  - Name: Orders team");
		assertThat(described.stdout()).containsPattern("Created At: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");

		PactCli.Result updated = succeeds("update-environment", "--uuid", uuid, "--name", this.production,
				"--display-name", "Prod");
		assertThat(updated.stdout())
			.contains("✅ Updated " + this.production + " environment in the Pact Broker with UUID " + uuid);
		JsonNode json = JSON.readTree(succeeds("describe-environment", "--uuid", uuid, "--output", "json").stdout());
		assertThat(json.get("displayName").asString()).isEqualTo("Prod");
		assertThat(json.get("production").asBoolean()).as("--production not given").isFalse();
		assertThat(json.has("updatedAt")).isTrue();

		PactCli.Result deleted = succeeds("delete-environment", "--uuid", uuid);
		assertThat(deleted.stdout())
			.contains("✅ Environment " + this.production + " with UUID " + uuid + " deleted successfully");
		PactCli.Result gone = this.cli.run("describe-environment", "--uuid", uuid);
		assertThat(gone.exitCode()).as("%s", gone).isEqualTo(1);
		assertThat(gone.stdout()).contains("/environments/" + uuid + "' failed: 404 Not Found");
	}

	@Test
	void refusesADuplicateOrSpacedEnvironmentNameAndAnUnknownUuid() {
		succeeds("create-environment", "--name", this.production, "--production");

		PactCli.Result duplicate = this.cli.run("create-environment", "--name", this.production);
		assertThat(duplicate.exitCode()).as("%s", duplicate).isEqualTo(1);
		assertThat(duplicate.stdout())
			.contains("❌ name: name '" + this.production + "' is already used by an existing environment.");

		PactCli.Result spaced = this.cli.run("create-environment", "--name", "pre prod " + this.suffix);
		assertThat(spaced.exitCode()).as("%s", spaced).isEqualTo(1);
		assertThat(spaced.stdout()).contains("❌ name: cannot contain spaces");

		String unknown = UUID.randomUUID().toString();
		PactCli.Result update = this.cli.run("update-environment", "--uuid", unknown, "--name", "x-" + this.suffix);
		assertThat(update.exitCode()).as("%s", update).isEqualTo(1);
		assertThat(update.stdout()).contains("❌ Environment with UUID " + unknown + " not found");
	}

	@Test
	void recordsDeploymentsPerApplicationInstanceAndUndeploysThem() {
		createEnvironment(this.production);
		version("2.0.0");
		version("2.1.0");

		PactCli.Result deployed = succeeds("record-deployment", "--pacticipant", this.provider, "--version", "2.0.0",
				"--environment", this.production);
		assertThat(deployed.stdout()).contains("✅ Recorded deployment of " + this.provider + " version 2.0.0 to "
				+ this.production + " environment in the Pact Broker.");
		PactCli.Result blue = succeeds("record-deployment", "--pacticipant", this.provider, "--version", "2.1.0",
				"--environment", this.production, "--application-instance", "blue");
		assertThat(blue.stdout()).contains("✅ Recorded deployment of " + this.provider + " version 2.1.0 to "
				+ this.production + " environment (application instance blue) in the Pact Broker.");
		JsonNode replacing = JSON.readTree(succeeds("record-deployment", "--pacticipant", this.provider, "--version",
				"2.1.0", "--environment", this.production, "--output", "json")
			.stdout());
		assertThat(replacing.get("currentlyDeployed").asBoolean()).isTrue();
		assertThat(replacing.at("/_embedded/environment/name").asString()).isEqualTo(this.production);
		assertThat(deployedVersionLinks("2.0.0")).as("2.0.0 was replaced by 2.1.0")
			.containsExactly("currently_deployed=false");

		PactCli.Result wrongInstance = this.cli.run("record-undeployment", "--pacticipant", this.provider,
				"--environment", this.production, "--application-instance", "green");
		assertThat(wrongInstance.exitCode()).as("%s", wrongInstance).isEqualTo(1);
		assertThat(wrongInstance.stdout()).contains("❌ " + this.provider
				+ " is not currently deployed to application instance 'green' in " + this.production
				+ " environment. Please omit the application instance or specify one of the following application"
				+ " instances to record the undeployment from: blue.");

		PactCli.Result undeployedBlue = succeeds("record-undeployment", "--pacticipant", this.provider, "--environment",
				this.production, "--application-instance", "blue");
		assertThat(undeployedBlue.stdout()).contains("✅ ♻️ Undeployed " + this.provider + " from " + this.production
				+ " environment (application instance blue)");
		PactCli.Result undeployed = succeeds("record-undeployment", "--pacticipant", this.provider, "--environment",
				this.production);
		assertThat(undeployed.stdout())
			.contains("✅ ♻️ Undeployed " + this.provider + " from " + this.production + " environment");
		assertThat(deployedVersionLinks("2.1.0")).containsExactly("currently_deployed=false",
				"currently_deployed=false");

		PactCli.Result nothingLeft = this.cli.run("record-undeployment", "--pacticipant", this.provider,
				"--environment", this.production);
		assertThat(nothingLeft.exitCode()).as("%s", nothingLeft).isEqualTo(1);
		assertThat(nothingLeft.stdout()).contains("❌ " + this.provider + " is not currently deployed to "
				+ this.production + " environment. Cannot record undeployment.");
	}

	@Test
	void refusesToRecordADeploymentToAnUnknownEnvironmentOrOfAnUnknownVersion() {
		createEnvironment(this.production);
		version("2.0.0");

		PactCli.Result noEnvironment = this.cli.run("record-deployment", "--pacticipant", this.provider, "--version",
				"2.0.0", "--environment", "nowhere-" + this.suffix);
		assertThat(noEnvironment.exitCode()).as("%s", noEnvironment).isEqualTo(1);
		assertThat(noEnvironment.stdout()).contains("❌ Environment nowhere-" + this.suffix + " does not exist");

		PactCli.Result noVersion = this.cli.run("record-deployment", "--pacticipant", this.provider, "--version",
				"9.9.9", "--environment", this.production);
		assertThat(noVersion.exitCode()).as("%s", noVersion).isEqualTo(1);
		assertThat(noVersion.stdout())
			.contains("/pacticipants/" + this.provider + "/versions/9.9.9' failed: 404 Not Found");
		assertThat(deployedVersionLinks("2.0.0")).isEmpty();
	}

	@Test
	void recordsReleasesThatStaySupportedUntilSupportEnds() {
		String appStore = "app-store-" + this.suffix;
		createEnvironment(appStore);
		version("2.0.0");
		version("2.1.0");

		PactCli.Result released = succeeds("record-release", "--pacticipant", this.provider, "--version", "2.0.0",
				"--environment", appStore);
		assertThat(released.stdout()).contains("✅ Recorded release of " + this.provider + " version 2.0.0 to "
				+ appStore + " environment in the Pact Broker.");
		succeeds("record-release", "--pacticipant", this.provider, "--version", "2.0.0", "--environment", appStore);
		succeeds("record-release", "--pacticipant", this.provider, "--version", "2.1.0", "--environment", appStore);

		PactCli.Result ended = succeeds("record-support-ended", "--pacticipant", this.provider, "--version", "2.0.0",
				"--environment", appStore);
		assertThat(ended.stdout()).contains("✅ ♻️ Recorded support ended for application " + this.provider
				+ ", version 2.0.0 from " + appStore + " environment");

		PactCli.Result again = this.cli.run("record-support-ended", "--pacticipant", this.provider, "--version",
				"2.0.0", "--environment", appStore);
		assertThat(again.exitCode()).as("%s", again).isEqualTo(1);
		assertThat(again.stdout()).contains(
				"❌ No currently released versions found for " + this.provider + " in " + appStore + " environment");

		JsonNode version = describeVersion("2.1.0");
		assertThat(version.at("/_links/pb:released-environments/0/currently_supported").asBoolean())
			.as("2.1.0 is still supported")
			.isTrue();

		PactCli.Result unknown = this.cli.run("record-release", "--pacticipant", this.provider, "--version", "2.1.0",
				"--environment", "nowhere-" + this.suffix);
		assertThat(unknown.exitCode()).as("%s", unknown).isEqualTo(1);
		assertThat(unknown.stdout()).contains("❌ Environment nowhere-" + this.suffix + " does not exist");
	}

	@Test
	void taggingAVersionWithTheEnvironmentsNameRecordsADeployment() {
		createEnvironment(this.production);
		version("2.0.0");

		succeeds("create-version-tag", "--pacticipant", this.provider, "--version", "2.0.0", "--tag", this.production);

		assertThat(deployedVersionLinks("2.0.0")).containsExactly("currently_deployed=true");
		PactCli.Result undeployed = succeeds("record-undeployment", "--pacticipant", this.provider, "--environment",
				this.production);
		assertThat(undeployed.stdout())
			.contains("✅ ♻️ Undeployed " + this.provider + " from " + this.production + " environment");
	}

	private String createEnvironment(String name) {
		return createdUuid(succeeds("create-environment", "--name", name));
	}

	private static String createdUuid(PactCli.Result created) {
		Matcher matcher = CREATED.matcher(created.stdout());
		assertThat(matcher.find()).as("%s", created).isTrue();
		return matcher.group(2);
	}

	private void version(String number) {
		succeeds("create-or-update-version", "--pacticipant", this.provider, "--version", number);
	}

	private JsonNode describeVersion(String number) {
		return JSON.readTree(
				succeeds("describe-version", "--pacticipant", this.provider, "--version", number, "--output", "json")
					.stdout());
	}

	/** The version's {@code pb:deployed-environments}, oldest first, as text. */
	private List<String> deployedVersionLinks(String number) {
		JsonNode links = describeVersion(number).at("/_links/pb:deployed-environments");
		return java.util.stream.StreamSupport.stream(links.spliterator(), false)
			.map((link) -> "currently_deployed=" + link.get("currently_deployed").asBoolean())
			.toList();
	}

	private PactCli.Result succeeds(String... args) {
		PactCli.Result result = this.cli.run(args);
		assertThat(result.exitCode()).as("%s", result).isZero();
		return result;
	}

}
