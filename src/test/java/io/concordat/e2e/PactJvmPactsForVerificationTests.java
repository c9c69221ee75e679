package io.concordat.e2e;

import java.util.List;
import java.util.Map;

import au.com.dius.pact.core.pactbroker.ConsumerVersionSelectors;
import au.com.dius.pact.core.pactbroker.PactBrokerClient;
import au.com.dius.pact.core.pactbroker.PactBrokerClientConfig;
import au.com.dius.pact.core.pactbroker.PactBrokerResult;
import au.com.dius.pact.core.pactbroker.VerificationNotice;
import au.com.dius.pact.core.support.Result;
import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pact-jvm's broker client, as a JVM provider build uses it, fetches the pacts to verify
 * with selectors, pending status and WIP pacts, and understands the answer.
 */
@ConcordatTest
class PactJvmPactsForVerificationTests {

	@Test
	void pactJvmFetchesTheSelectedPendingAndWipPacts(Broker broker) {
		String consumer = Names.unique("orders-web");
		String provider = Names.unique("orders-api");
		publish(broker, consumer, provider, "1.0.0", "main", 1);
		publish(broker, consumer, provider, "1.1.0", "feat-discounts", 2);
		publish(broker, consumer, provider, "1.2.0", "feat-refunds", 3);

		PactBrokerClient client = new PactBrokerClient(broker.baseUrl(), Map.of(),
				new PactBrokerClientConfig(0, 0, false));
		Result<List<PactBrokerResult>, Exception> fetched = client.fetchConsumersWithSelectorsV2(provider,
				List.of(ConsumerVersionSelectors.MainBranch.INSTANCE,
						new ConsumerVersionSelectors.Branch("feat-missing", null, "feat-discounts"),
						ConsumerVersionSelectors.DeployedOrReleased.INSTANCE),
				List.of(), "main", true, "2024-01-01");

		assertThat(fetched).as(String.valueOf(fetched)).isInstanceOf(Result.Ok.class);
		List<PactBrokerResult> pacts = ((Result.Ok<List<PactBrokerResult>>) fetched).getValue();
		assertThat(pacts).extracting(PactBrokerResult::getName)
			.containsExactly("Pact between " + consumer + " (1.0.0) and " + provider,
					"Pact between " + consumer + " (1.1.0) and " + provider,
					"Pact between " + consumer + " (1.2.0) and " + provider);
		assertThat(pacts).extracting(PactBrokerResult::getPending).containsExactly(true, true, true);
		assertThat(pacts).extracting(PactBrokerResult::getWip).containsExactly(false, false, true);
		assertThat(pacts)
			.allSatisfy((pact) -> assertThat(pact.getSource()).contains("/pact-version/").contains("/metadata/"));
		assertThat(pacts.get(1).getNotices()).extracting(VerificationNotice::getText)
			.anySatisfy((text) -> assertThat(text).contains("* latest version from branch 'feat-discounts' "
					+ "(fallback branch used as no pact was found from branch 'feat-missing') (1.1.0)"));

		String fetchedPact = broker.get(pacts.get(2).getSource().substring(broker.baseUrl().length())).body();
		assertThat(fetchedPact).contains("\"name\":\"Pact between " + consumer + " (1.2.0) and " + provider + "\"");
	}

	private static void publish(Broker broker, String consumer, String provider, String version, String branch,
			int content) {
		PactFiles pact = PactFiles.aPact().between(consumer, provider).withOrderTotal(content);
		assertThat(broker.post("/contracts/publish", pact.publishBody(version, branch, List.of())).status())
			.isEqualTo(200);
	}

}
