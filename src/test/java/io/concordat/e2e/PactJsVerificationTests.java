package io.concordat.e2e;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification loop with pact-js, whose Verifier runs on the Rust core: a pact-js
 * consumer test writes a V4 pact (HTTP and message), the CLI publishes it, and the
 * Verifier verifies a real provider against it, fetching pacts for verification with
 * selectors, pending and WIP, and publishing the results.
 */
@ConcordatTest
@ExtendWith(PactCli.RequiresNode.class)
class PactJsVerificationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void pactJsVerifiesFromTheBrokerPublishesResultsAndAFailingPendingPactDoesNotFailTheBuild(@TempDir Path main,
			@TempDir Path feature) {
		PactCli cli = PactCli.against("http://localhost:" + this.port);
		String consumer = Names.unique("orders-web");
		String provider = Names.unique("orders-api");

		assertSucceeded(cli.node("pact-js/consumer.mjs", main.toString(), consumer, provider, "total_cents"));
		assertSucceeded(cli.run("publish", main.toString(), "--consumer-app-version", "1.0.0", "--branch", "main"));

		PactCli.Result first = verify(cli, provider, "2.0.0", "total_cents", true);
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(first.stdout()).contains("VERIFICATION PASSED");
		assertThat(results(provider, "2.0.0"))
			.containsExactly(Map.of("success", true, "wip", false, "outcomes", 2L, "failed_outcomes", 0L));

		// The consumer starts expecting a renamed field on a feature branch: a
		// work-in-progress pact for the
		// provider's main branch, which fails, but is pending, so the provider build
		// stays green.
		assertSucceeded(cli.node("pact-js/consumer.mjs", feature.toString(), consumer, provider, "amount_cents"));
		assertSucceeded(
				cli.run("publish", feature.toString(), "--consumer-app-version", "1.1.0", "--branch", "feat/amount"));
		PactCli.Result withWip = verify(cli, provider, "2.0.1", "total_cents", true);
		assertThat(withWip.exitCode()).as(withWip.toString()).isZero();
		assertThat(results(provider, "2.0.1"))
			.contains(Map.of("success", false, "wip", true, "outcomes", 2L, "failed_outcomes", 2L));
		assertThat(mismatches(provider, "2.0.1")).anySatisfy((text) -> assertThat(text).contains("amount_cents"));

		// The main-branch pact has been verified by the main branch: it is no longer
		// pending, and breaking it
		// fails the build.
		PactCli.Result breaking = verify(cli, provider, "2.0.2", "amount_cents", false);
		assertThat(breaking.exitCode()).as(breaking.toString()).isNotZero();
		assertThat(breaking.stdout()).contains("VERIFICATION FAILED");
		assertThat(results(provider, "2.0.2"))
			.containsExactly(Map.of("success", false, "wip", false, "outcomes", 2L, "failed_outcomes", 2L));
	}

	private PactCli.Result verify(PactCli cli, String provider, String version, String field, boolean wip) {
		Map<String, Object> options = new java.util.LinkedHashMap<>();
		options.put("brokerUrl", "http://localhost:" + this.port);
		options.put("provider", provider);
		options.put("version", version);
		options.put("branch", "main");
		options.put("field", field);
		options.put("selectors", List.of(Map.of("mainBranch", true), Map.of("matchingBranch", true)));
		if (wip) {
			options.put("includeWipPactsSince", LocalDate.now().minusDays(1).toString());
		}
		return cli.node("pact-js/provider.mjs", JSON.writeValueAsString(options));
	}

	private List<Map<String, Object>> results(String provider, String version) {
		return this.jdbc
			.sql("""
					select v.success, v.wip, count(r.id) as outcomes, count(r.id) filter (where not r.success) as failed_outcomes
					from verifications v join versions pv on pv.id = v.provider_version_id
					join pacticipants p on p.id = v.provider_id
					left join verification_interaction_results r on r.verification_id = v.id
					where p.name = :provider and pv.number = :version group by v.id order by v.id""")
			.param("provider", provider)
			.param("version", version)
			.query()
			.listOfRows();
	}

	private List<String> mismatches(String provider, String version) {
		return this.jdbc.sql("""
				select coalesce(m.identifier, '') || ' ' || m.description from verification_mismatches m
				join verification_interaction_results r on r.id = m.interaction_result
				join verifications v on v.id = r.verification_id join versions pv on pv.id = v.provider_version_id
				join pacticipants p on p.id = v.provider_id where p.name = :provider and pv.number = :version""")
			.param("provider", provider)
			.param("version", version)
			.query(String.class)
			.list();
	}

	private static void assertSucceeded(PactCli.Result result) {
		assertThat(result.exitCode()).as(result.toString()).isZero();
	}

}
