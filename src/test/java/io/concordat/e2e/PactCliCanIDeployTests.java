package io.concordat.e2e;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field-rename story with real clients only: a pact-js consumer test expects
 * {@code total_cents}, the CLI publishes the pact, the pact-js Verifier verifies real
 * provider versions and publishes the results, the CLI records what runs in production
 * and asks can-i-deploy, whose answer names the renamed field.
 */
@ConcordatTest
@ExtendWith(PactCli.RequiresNode.class)
class PactCliCanIDeployTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	PactCli cli;

	String consumer;

	String provider;

	String production;

	@BeforeEach
	void names() {
		this.cli = PactCli.against("http://localhost:" + this.port);
		this.consumer = Names.unique("orders-web");
		this.provider = Names.unique("orders-api");
		this.production = Names.unique("production");
	}

	@Test
	void aProviderVersionThatRenamesAFieldTheDeployedConsumerReadsCannotBeDeployed(@TempDir Path pacts) {
		publishConsumerExpecting("total_cents", "1.0.0", pacts);
		assertThat(verify("1.0.0", "total_cents", "total_cents").exitCode()).isZero();
		succeeds("create-environment", "--name", this.production, "--production");
		succeeds("record-deployment", "--pacticipant", this.consumer, "--version", "1.0.0", "--environment",
				this.production);
		succeeds("record-deployment", "--pacticipant", this.provider, "--version", "1.0.0", "--environment",
				this.production);

		PactCli.Result renamed = verify("2.0.0", "amount_cents", "amount_cents");
		assertThat(renamed.exitCode()).as("%s", renamed).isNotZero();

		PactCli.Result no = canIDeploy(this.provider, "2.0.0");
		assertThat(no.exitCode()).as("%s", no).isNotZero();
		assertThat(no.stdout()).contains("Computer says no")
			.contains("The verification for the pact between the version of " + this.consumer + " currently in "
					+ this.production + " (1.0.0) and version 2.0.0 of " + this.provider + " failed")
			.contains(this.consumer + " 1.0.0 in " + this.production + " expects `$.total_cents` in GET /orders/1")
			.contains("Keep `total_cents` until " + this.consumer + " stops reading it");

		PactCli.Result yes = canIDeploy(this.provider, "1.0.0");
		assertThat(yes.exitCode()).as("%s", yes).isZero();
		assertThat(yes.stdout()).contains("Computer says yes");
		PactCli.Result consumerYes = canIDeploy(this.consumer, "1.0.0");
		assertThat(consumerYes.exitCode()).as("%s", consumerYes).isZero();
	}

	@Test
	void aProviderVersionThatRenamesAFieldOnlyInItsEventCannotBeDeployed(@TempDir Path pacts) {
		publishConsumerExpecting("total_cents", "1.0.0", pacts);
		assertThat(verify("1.0.0", "total_cents", "total_cents").exitCode()).isZero();
		succeeds("create-environment", "--name", this.production);
		succeeds("record-deployment", "--pacticipant", this.consumer, "--version", "1.0.0", "--environment",
				this.production);

		assertThat(verify("2.0.0", "total_cents", "amount_cents").exitCode()).isNotZero();

		PactCli.Result no = canIDeploy(this.provider, "2.0.0");
		assertThat(no.exitCode()).as("%s", no).isNotZero();
		assertThat(no.stdout()).contains("expects `$.total_cents` in the message \"an order placed event\"")
			.doesNotContain("in GET /orders/1")
			.contains("Keep `total_cents` until " + this.consumer + " stops reading it");
		assertThat(canIDeploy(this.provider, "1.0.0").exitCode()).isZero();
	}

	@Test
	void anUnverifiedPactStaysUnknownWhileRetryingAndEndsAsANo(@TempDir Path pacts) {
		publishConsumerExpecting("total_cents", "1.0.0", pacts);
		succeeds("create-environment", "--name", this.production);
		assertThat(verify("1.0.0", "total_cents", "total_cents").exitCode()).isZero();
		succeeds("record-deployment", "--pacticipant", this.provider, "--version", "1.0.0", "--environment",
				this.production);
		Path changed = pacts.resolve("changed");
		publishConsumerExpecting("subtotal_cents", "1.1.0", changed);

		PactCli.Result unknown = this.cli.run("can-i-deploy", "--pacticipant", this.consumer, "--version", "1.1.0",
				"--to-environment", this.production, "--retry-while-unknown", "1", "--retry-interval", "1");

		assertThat(unknown.exitCode()).as("%s", unknown).isNotZero();
		assertThat(unknown.stdout())
			.contains("There is no verified pact between version 1.1.0 of " + this.consumer + " and the version of "
					+ this.provider + " currently in " + this.production + " (1.0.0)")
			.contains("has not published a verification result");
		PactCli.Result json = this.cli.run("can-i-deploy", "--pacticipant", this.consumer, "--version", "1.1.0",
				"--to-environment", this.production, "--output", "json");
		assertThat(JSON.readTree(json.stdout()).at("/summary/deployable").isNull()).as("%s", json).isTrue();
	}

	@Test
	void endingSupportForAReleasedConsumerLetsTheBreakingProviderDeploy(@TempDir Path pacts) {
		publishConsumerExpecting("total_cents", "1.0.0", pacts);
		String appStore = Names.unique("app-store");
		succeeds("create-environment", "--name", appStore);
		PactCli.Result pending = verify("2.0.0", "amount_cents", "amount_cents");
		assertThat(pending.exitCode()).as("the pact is pending: no provider version has verified it yet").isZero();
		succeeds("record-release", "--pacticipant", this.consumer, "--version", "1.0.0", "--environment", appStore);

		PactCli.Result released = this.cli.run("can-i-deploy", "--pacticipant", this.provider, "--version", "2.0.0",
				"--to-environment", appStore);
		assertThat(released.exitCode()).as("%s", released).isNotZero();
		assertThat(released.stdout()).contains(this.consumer + " 1.0.0 in " + appStore + " expects `$.total_cents`")
			.contains("The pact was pending for " + this.provider + " when it verified");

		succeeds("record-support-ended", "--pacticipant", this.consumer, "--version", "1.0.0", "--environment",
				appStore);

		PactCli.Result ended = this.cli.run("can-i-deploy", "--pacticipant", this.provider, "--version", "2.0.0",
				"--to-environment", appStore);
		assertThat(ended.exitCode()).as("%s", ended).isZero();
		assertThat(ended.stdout()).contains("There are no missing dependencies");
	}

	private void publishConsumerExpecting(String field, String version, Path pacts) {
		PactCli.Result test = this.cli.node("pact-js/consumer.mjs", pacts.toString(), this.consumer, this.provider,
				field);
		assertThat(test.exitCode()).as("%s", test).isZero();
		succeeds("publish", pacts.toString(), "--consumer-app-version", version, "--branch", "main");
	}

	private PactCli.Result verify(String version, String field, String eventField) {
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("brokerUrl", "http://localhost:" + this.port);
		options.put("provider", this.provider);
		options.put("version", version);
		options.put("branch", "main");
		options.put("field", field);
		options.put("eventField", eventField);
		options.put("selectors", List.of(Map.of("mainBranch", true)));
		return this.cli.node("pact-js/provider.mjs", JSON.writeValueAsString(options));
	}

	private PactCli.Result canIDeploy(String pacticipant, String version) {
		return this.cli.run("can-i-deploy", "--pacticipant", pacticipant, "--version", version, "--to-environment",
				this.production);
	}

	private PactCli.Result succeeds(String... args) {
		PactCli.Result result = this.cli.run(args);
		assertThat(result.exitCode()).as("%s", result).isZero();
		return result;
	}

}
