package io.concordat.matrix.web;

import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.matrix.Histories;
import io.concordat.publication.PactView;
import io.concordat.support.Broker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matrix resources over HTTP: the Pact Broker's JSON (explicit nulls where a row has
 * no provider version or result), its text table, and its validation messages.
 */
@ConcordatTest
class MatrixApiTests {

	@Autowired
	ApplicationContext context;

	Broker broker;

	Histories history;

	String web;

	String api;

	String production;

	@BeforeEach
	void names(Broker broker) {
		this.broker = broker;
		this.history = new Histories(this.context);
		this.web = this.history.pacticipant("web");
		this.api = this.history.pacticipant("api");
		this.production = this.history.environment("production");
	}

	@Test
	void canIDeployAnswersUnknownWithExplicitNullsForTheMissingProviderVersionAndResult() {
		this.history.publish(this.web, "1.2.0", this.api);
		this.history.version(this.api, "2.0.0");
		this.history.deploy(this.api, "2.0.0", this.production);

		Broker.Response response = this.broker
			.get("/can-i-deploy?pacticipant=" + this.web + "&version=1.2.0&environment=" + this.production);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		JsonNode body = response.json();
		String reason = "There is no verified pact between version 1.2.0 of " + this.web + " and the version of "
				+ this.api + " currently in " + this.production + " (2.0.0)";
		assertThat(body.at("/summary/deployable").isNull()).isTrue();
		assertThat(body.at("/summary/reason").asString()).startsWith(reason + "\n");
		assertThat(body.at("/summary/unknown").asInt()).isEqualTo(1);
		assertThat(body.at("/summary").has("ignored")).isFalse();
		assertThat(body.at("/notices/0/type").asString()).isEqualTo("error");
		assertThat(body.at("/notices/0/text").asString()).isEqualTo(reason);
		assertThat(body.at("/summary/explanations/0/status").asString()).isEqualTo("unverified");
		JsonNode row = body.at("/matrix/0");
		assertThat(row.at("/consumer/version/number").asString()).isEqualTo("1.2.0");
		assertThat(row.at("/consumer/version/branch").asString()).isEqualTo("main");
		assertThat(row.at("/consumer/version/branchVersions/0/latest").asBoolean()).isTrue();
		assertThat(row.at("/provider").has("version")).isTrue();
		assertThat(row.at("/provider/version").isNull()).isTrue();
		assertThat(row.has("verificationResult")).isTrue();
		assertThat(row.get("verificationResult").isNull()).isTrue();
		assertThat(row.at("/pact/_links/self/href").asString()).isEqualTo(
				this.broker.baseUrl() + "/pacts/provider/" + this.api + "/consumer/" + this.web + "/version/1.2.0");
	}

	@Test
	void aFailedRowCarriesItsFailedInteractionsAndTheEnvironmentsOfBothVersions() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.fails(pact, "2.1.0");
		this.history.deploy(this.web, "1.0.0", this.production);

		JsonNode body = this.broker
			.get("/can-i-deploy?pacticipant=" + this.api + "&version=2.1.0&environment=" + this.production)
			.json();

		assertThat(body.at("/summary/deployable").asBoolean(true)).isFalse();
		JsonNode row = body.at("/matrix/0");
		assertThat(row.at("/consumer/version/environments/0/name").asString()).isEqualTo(this.production);
		assertThat(row.at("/provider/version/environments").isEmpty()).isTrue();
		assertThat(row.at("/verificationResult/success").asBoolean(true)).isFalse();
		assertThat(row.at("/verificationResult/_links/self/href").asString())
			.contains("/pact-version/" + pact.sha() + "/metadata/")
			.contains("/verification-results/");
		JsonNode failed = row.at("/verificationResult/failedInteractions/0");
		assertThat(failed.at("/description").asString()).isEqualTo("a request for order 1");
		assertThat(failed.at("/request/method").asString()).isEqualTo("GET");
		assertThat(failed.at("/fields/0").asString()).isEqualTo("$.total_cents");
		assertThat(failed.at("/mismatches/0/description").asString()).contains("total_cents");
	}

	@Test
	void textPlainIsThePactBrokersTable() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.passes(pact, "2.1.0");
		this.history.deploy(this.web, "1.0.0", this.production);

		Broker.Response response = this.broker.get(
				"/can-i-deploy?pacticipant=" + this.api + "&version=2.1.0&environment=" + this.production,
				Map.of("Accept", "text/plain"));

		assertThat(response.contentType()).isEqualTo("text/plain;charset=utf-8");
		String[] lines = response.body().split("\n", -1);
		int consumer = Math.max("CONSUMER".length(), this.web.length());
		int provider = Math.max("PROVIDER".length(), this.api.length());
		assertThat(lines[0]).isEqualTo(pad("CONSUMER", consumer) + " | C_VERSION | REVISION | "
				+ pad("PROVIDER", provider) + " | P_VERSION | NUMBER | SUCCESS");
		assertThat(lines[1]).isEqualTo("-".repeat(consumer) + "-|-----------|----------|-" + "-".repeat(provider)
				+ "-|-----------|--------|--------");
		assertThat(lines[2]).matches(pad(this.web, consumer) + " \\| 1\\.0\\.0     \\| 1        \\| "
				+ pad(this.api, provider) + " \\| 2\\.1\\.0     \\| \\d+ *\\| true   ");
		assertThat(lines[3]).isEmpty();
		assertThat(lines[4]).isEqualTo("Deployable: true");
		assertThat(lines[5]).isEqualTo("Reason: All required verification results are published and successful");
	}

	@Test
	void theMatrixRefusesQueriesThePactBrokerRefuses() {
		assertThat(errors("/matrix")).containsExactly("Please provide 1 or more version selectors.");
		assertThat(errors("/matrix?q[][pacticipant]=nobody-" + this.web + "&q[][version]=1"))
			.containsExactly("Pacticipant nobody-" + this.web + " not found");
		assertThat(errors("/matrix?q[][version]=1")).containsExactly("Please specify the pacticipant name");
		assertThat(errors("/matrix?q[][pacticipant]=" + this.web + "&q[][version]=1&q[][latest]=true"))
			.containsExactly("A version number and latest flag cannot both be specified for " + this.web);
		assertThat(errors("/matrix?q[][pacticipant]=" + this.web + "&latest=true&environment=" + this.production))
			.containsExactly("Cannot specify both latest=true and an environment.");
		assertThat(errors("/matrix?q[][pacticipant]=" + this.web + "&tag=prod&environment=" + this.production))
			.containsExactly("Cannot specify more than one of tag, environment and mainBranch.");
		assertThat(errors("/matrix?q[][pacticipant]=" + this.web + "&environment=nowhere"))
			.containsExactly("Environment with name 'nowhere' does not exist");
		assertThat(errors("/matrix?q[][pacticipant]=" + this.web + "&limit=0"))
			.containsExactly("The limit must be 1 or greater.");
	}

	@Test
	void canIDeployNeedsAVersionAndExactlyOneTarget() {
		Broker.Response neither = this.broker.get("/can-i-deploy?pacticipant=" + this.web + "&version=1");
		assertThat(neither.status()).isEqualTo(400);
		assertThat(neither.json().at("/errors/environment/0").asString())
			.isEqualTo("Must specify either an environment or a 'to' tag.");
		Broker.Response noVersion = this.broker.get("/can-i-deploy?pacticipant=" + this.web + "&to=prod");
		assertThat(noVersion.status()).isEqualTo(400);
		assertThat(noVersion.json().at("/errors").has("version")).isTrue();
	}

	@Test
	void theLimitCutsTheRowsShownAndSaysSo() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.passes(pact, "1.0.0");
		this.history.fails(pact, "2.0.0");

		JsonNode body = this.broker
			.get("/matrix?q[][pacticipant]=" + this.web + "&q[][version]=1.0.0&q[][pacticipant]=" + this.api
					+ "&latestby=cvpv&limit=1")
			.json();

		assertThat(body.at("/matrix").size()).isEqualTo(1);
		assertThat(body.at("/summary/deployable").asBoolean(true)).isFalse();
		assertThat(body.at("/summary/rowsConsidered").asInt()).isEqualTo(2);
		assertThat(body.at("/notices").toString()).contains("Showing 1 of 2 rows");
	}

	@Test
	void theBranchHeadAndTheMainBranchHeadCanBeAsked() {
		PactView pact = this.history.publish(this.web, "1.0.0", this.api);
		this.history.passes(pact, "2.0.0");
		this.history.deploy(this.api, "2.0.0", this.production);

		JsonNode branch = this.broker
			.get("/pacticipants/" + this.web + "/branches/main/latest-version/can-i-deploy/to-environment/"
					+ this.production)
			.json();
		assertThat(branch.at("/summary/deployable").asBoolean(false)).isTrue();
		JsonNode merge = this.broker.get("/pacticipants/" + this.web + "/main-branch/can-i-merge").json();
		assertThat(merge.at("/summary/deployable").asBoolean(false)).as("%s", merge).isTrue();
		assertThat(this.broker
			.get("/pacticipants/" + this.web + "/branches/nope/latest-version/can-i-deploy/to-environment/"
					+ this.production)
			.status()).isEqualTo(404);
	}

	@Test
	void theMatrixOfAnIntegrationListsEveryConsumerVersionAgainstEveryProviderVersion() {
		this.history.passes(this.history.publish(this.web, "1.0.0", this.api, 1), "1.0.0");
		this.history.fails(this.history.publish(this.web, "1.1.0", this.api, 2), "2.0.0");

		JsonNode body = this.broker.get("/matrix/provider/" + this.api + "/consumer/" + this.web + "?latestby=cvpv")
			.json();

		assertThat(body.at("/matrix").size()).isEqualTo(2);
		assertThat(body.at("/matrix/0/consumer/version/number").asString()).isEqualTo("1.1.0");
		assertThat(body.at("/summary/deployable").asBoolean(true)).isFalse();
		assertThat(this.broker.get("/matrix/provider/nobody/consumer/" + this.web).status()).isEqualTo(404);
	}

	private java.util.List<String> errors(String path) {
		Broker.Response response = this.broker.get(path);
		assertThat(response.status()).as("%s", response).isEqualTo(400);
		java.util.List<String> errors = new java.util.ArrayList<>();
		response.json().get("errors").forEach((error) -> errors.add(error.asString()));
		return errors;
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(width - text.length());
	}

}
