package io.concordat.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.concordat.ConcordatTest;
import io.concordat.support.PactFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives Concordat with the official {@code pact-broker} CLI, exactly as a CI pipeline
 * would, and checks what the CLI prints and how it exits.
 * <p>
 * Every test names its own pacticipants with a random suffix, so the tests neither depend
 * on an empty database nor on each other, and all of them share one Spring context.
 */
@ConcordatTest
@ExtendWith(PactCli.RequiresNode.class)
class PactBrokerCliTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@TempDir
	Path pacts;

	private PactCli cli;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String consumer = "orders-web-" + this.suffix;

	private final String provider = "orders-api-" + this.suffix;

	private final String otherProvider = "billing-api-" + this.suffix;

	@BeforeAll
	static void installCli() {
		PactCli.install();
	}

	@BeforeEach
	void connect() {
		this.cli = PactCli.against("http://localhost:" + this.port);
	}

	@Test
	void publishesOneConsumerVersionsPactsWithTwoProviders() {
		Path ordersPact = pactWith(this.provider, 4599).writeTo(this.pacts);
		Path billingPact = pactWith(this.otherProvider, 4599).writeTo(this.pacts);

		PactCli.Result published = succeeds("publish", ordersPact.toString(), billingPact.toString(),
				"--consumer-app-version", "1.0.0", "--branch", "main", "--tag", "main,release-1", "--build-url",
				"https://ci.example.com/orders-web/builds/17");

		assertThat(published.stdout())
			.contains(
					"Attempting to publish pact for consumer: " + this.consumer + " against provider: " + this.provider)
			.contains("Pact successfully published for " + this.consumer + " version 1.0.0 and provider "
					+ this.provider + ".")
			.contains("Attempting to publish pact for consumer: " + this.consumer + " against provider: "
					+ this.otherProvider)
			.contains("Pact successfully published for " + this.consumer + " version 1.0.0 and provider "
					+ this.otherProvider + ".")
			// printed when the response lacks a field the CLI requires
			.doesNotContain("Failed to process response notices");

		JsonNode version = describeVersionAsJson(this.consumer, "1.0.0");
		assertThat(version.path("number").asString()).isEqualTo("1.0.0");
		assertThat(version.path("buildUrl").asString()).isEqualTo("https://ci.example.com/orders-web/builds/17");
		assertThat(names(version.path("_embedded").path("branchVersions"))).containsExactly("main");
		assertThat(names(version.path("_embedded").path("tags"))).containsExactlyInAnyOrder("main", "release-1");
	}

	@Test
	void warnsWhenAPublishedPactHasNoInteractions() {
		Path empty = PactFiles.aPact().between(this.consumer, this.provider).writeTo(this.pacts);

		PactCli.Result published = succeeds("publish", empty.toString(), "--consumer-app-version", "1.0.0");

		assertThat(published.stdout() + published.stderr()).as("%s", published)
			.contains("has no interactions, so the provider has nothing to verify");
	}

	@Test
	void listsTheLatestPactOfEachIntegration() {
		succeeds("publish", pactWith(this.provider, 4599).writeTo(this.pacts.resolve("1.0.0")).toString(),
				pactWith(this.otherProvider, 4599).writeTo(this.pacts.resolve("1.0.0")).toString(),
				"--consumer-app-version", "1.0.0", "--branch", "main");
		succeeds("publish", pactWith(this.provider, 4999).writeTo(this.pacts.resolve("1.0.1")).toString(),
				"--consumer-app-version", "1.0.1", "--branch", "main");

		PactCli.Result listed = succeeds("list-latest-pact-versions");

		List<Map<String, String>> rows = CliTable.rows(listed.stdout());
		assertThat(rows).filteredOn("CONSUMER", this.consumer)
			.extracting((row) -> row.get("PROVIDER") + " " + row.get("CONSUMER_VERSION"))
			.containsExactlyInAnyOrder(this.provider + " 1.0.1", this.otherProvider + " 1.0.0");
		assertThat(rows).filteredOn("CONSUMER", this.consumer)
			.allSatisfy((row) -> assertThat(row.get("CREATED_AT")).isNotBlank().isNotEqualTo("null"));
	}

	@Test
	void createsDescribesAndUpdatesAPacticipant() {
		String name = "inventory-api-" + this.suffix;

		PactCli.Result created = succeeds("create-or-update-pacticipant", "--name", name, "--main-branch", "main",
				"--repository-url", "https://github.com/example/inventory-api");
		assertThat(created.stdout()).contains("Pacticipant '" + name + "' created successfully");

		PactCli.Result described = succeeds("describe-pacticipant", "--name", name);
		assertThat(described.stdout().lines())
			.contains("Name: " + name, "Main Branch: main", "Repo URL: https://github.com/example/inventory-api")
			.doesNotContain("Created: -");

		PactCli.Result updated = succeeds("create-or-update-pacticipant", "--name", name, "--repository-url",
				"https://github.com/example/inventory-service");
		assertThat(updated.stdout()).contains("Pacticipant '" + name + "' updated successfully");

		PactCli.Result redescribed = succeeds("describe-pacticipant", "--name", name);
		assertThat(redescribed.stdout().lines()).contains("Name: " + name, "Main Branch: main",
				"Repo URL: https://github.com/example/inventory-service");
	}

	@Test
	void reportsAPacticipantThatDoesNotExist() {
		String name = "nobody-" + this.suffix;

		PactCli.Result described = this.cli.run("describe-pacticipant", "--name", name);

		assertThat(described.exitCode()).as("%s", described).isEqualTo(1);
		assertThat(described.stdout())
			.contains("❌ Request to pact broker path '/pacticipants/" + name + "' failed: 404 Not Found");
	}

	@Test
	void createsAVersionOnABranchWithASlashAndTagsIt() {
		String name = "inventory-api-" + this.suffix;

		PactCli.Result versioned = succeeds("create-or-update-version", "--pacticipant", name, "--version", "2.0.0",
				"--branch", "feat/x");
		assertThat(versioned.stdout()).contains("Branch 'feat/x' created for version '2.0.0'");

		PactCli.Result tagged = succeeds("create-version-tag", "--pacticipant", name, "--version", "2.0.0", "--tag",
				"prod");
		// the CLI exits 0 even when the tag could not be created; only this suffix tells
		assertThat(tagged.stdout())
			.contains("Tagging version '2.0.0' of pacticipant '" + name + "' with tag 'prod' - Success");

		PactCli.Result byNumber = succeeds("describe-version", "--pacticipant", name, "--version", "2.0.0");
		assertThat(CliTable.rows(byNumber.stdout())).containsExactly(Map.of("NAME", "2.0.0", "TAGS", "prod"));

		PactCli.Result latest = succeeds("describe-version", "--pacticipant", name, "--latest");
		assertThat(CliTable.rows(latest.stdout())).containsExactly(Map.of("NAME", "2.0.0", "TAGS", "prod"));

		JsonNode version = describeVersionAsJson(name, "2.0.0");
		assertThat(names(version.path("_embedded").path("branchVersions"))).containsExactly("feat/x");
	}

	@Test
	void deletesABranchButKeepsItsVersions() {
		String name = "inventory-api-" + this.suffix;
		succeeds("create-or-update-version", "--pacticipant", name, "--version", "2.0.0", "--branch", "feat/x");

		PactCli.Result deleted = succeeds("delete-branch", "--pacticipant", name, "--branch", "feat/x");
		assertThat(deleted.stdout()).contains("Successfully deleted branch 'feat/x' of pacticipant '" + name + "'");

		JsonNode version = describeVersionAsJson(name, "2.0.0");
		assertThat(names(version.path("_embedded").path("branchVersions"))).doesNotContain("feat/x");

		String notFound = "Could not delete branch 'feat/x' of pacticipant '" + name + "' as it was not found";
		PactCli.Result tolerated = succeeds("delete-branch", "--pacticipant", name, "--branch", "feat/x");
		assertThat(tolerated.stdout()).contains(notFound);

		PactCli.Result refused = this.cli.run("delete-branch", "--pacticipant", name, "--branch", "feat/x",
				"--error-when-not-found", "true");
		assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
		assertThat(refused.stdout()).contains("❌ " + notFound);
	}

	@Test
	void refusesToPublishFilesThatAreNotPacts() throws Exception {
		Path notJson = Files.writeString(this.pacts.resolve("notes.json"), "this is not a pact");
		Path notAnObject = Files.writeString(this.pacts.resolve("list.json"), "[1, 2, 3]");

		PactCli.Result text = this.cli.run("publish", notJson.toString(), "--consumer-app-version", "1.0.0");
		assertThat(text.exitCode()).as("%s", text).isEqualTo(1);
		assertThat(text.stdout()).contains("Failed to load one or more pact files", notJson.toString(),
				"file is not JSON");

		PactCli.Result list = this.cli.run("publish", notAnObject.toString(), "--consumer-app-version", "1.0.0");
		assertThat(list.exitCode()).as("%s", list).isEqualTo(1);
		assertThat(list.stdout()).contains("❌ Failed to load pact from JSON", "it is not a valid pact file");
	}

	@Test
	void refusesToChangeThePactOfAPublishedVersion() {
		succeeds("publish", pactWith(this.provider, 4599).writeTo(this.pacts.resolve("first")).toString(),
				"--consumer-app-version", "1.0.0");

		PactCli.Result republished = this.cli.run("publish",
				pactWith(this.provider, 4999).writeTo(this.pacts.resolve("changed")).toString(),
				"--consumer-app-version", "1.0.0");

		assertThat(republished.exitCode()).as("%s", republished).isEqualTo(1);
		assertThat(republished.stdout()).contains("❌ Pact publication failed:")
			.contains("Cannot change the content of the pact for " + this.consumer + " version 1.0.0 and provider "
					+ this.provider);
	}

	@Test
	void refusesAConsumerVersionNumberOfSeveralLines() {
		Path pact = pactWith(this.provider, 4599).writeTo(this.pacts);

		PactCli.Result published = this.cli.run("publish", pact.toString(), "--consumer-app-version", "1.0.0\n1.0.1");

		assertThat(published.exitCode()).as("%s", published).isEqualTo(1);
		assertThat(published.stdout()).contains("❌").contains("pacticipantVersionNumber");
	}

	private PactFiles pactWith(String provider, int totalCents) {
		return PactFiles.aPact()
			.between(this.consumer, provider)
			.withInteraction("a request for order 1", "GET", "/orders/1", 200,
					Map.of("id", 1, "total_cents", totalCents));
	}

	private PactCli.Result succeeds(String... args) {
		PactCli.Result result = this.cli.run(args);
		assertThat(result.exitCode()).as("%s", result).isZero();
		return result;
	}

	private JsonNode describeVersionAsJson(String pacticipant, String version) {
		PactCli.Result described = succeeds("describe-version", "--pacticipant", pacticipant, "--version", version,
				"--output", "json");
		return JSON.readTree(described.stdout());
	}

	private static List<String> names(JsonNode array) {
		List<String> names = new ArrayList<>();
		for (JsonNode element : array) {
			names.add(element.path("name").asString());
		}
		return names;
	}

}
