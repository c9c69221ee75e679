package io.concordat.verification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerConsumerVersionSelectors;
import au.com.dius.pact.provider.junitsupport.loader.SelectorBuilder;
import com.sun.net.httpserver.HttpServer;
import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.PactFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pact-jvm verifies a real provider against pacts it fetches from Concordat (pacts for
 * verification with the {@code mainBranch}, {@code deployedOrReleased} and
 * {@code matchingBranch} selectors, pending pacts and WIP pacts) and publishes the
 * results; Concordat then holds them.
 */
@ConcordatTest
@Provider(PactJvmProviderVerificationTests.PROVIDER)
@PactBroker(url = "${concordat.test.broker-url}", enablePendingPacts = "true", providerBranch = "main",
		includeWipPactsSince = "2020-01-01")
class PactJvmProviderVerificationTests {

	static final String PROVIDER = "inventory-api-jvm";

	static final String CONSUMER = "inventory-web-jvm";

	private static final List<String> PROPERTIES = List.of("concordat.test.broker-url", "pact.verifier.publishResults",
			"pact.provider.version", "pact.provider.branch");

	private static HttpServer provider;

	@PactBrokerConsumerVersionSelectors
	public static SelectorBuilder selectors() {
		return new SelectorBuilder().mainBranch().deployedOrReleased().matchingBranch();
	}

	@BeforeAll
	static void publishPactsAndStartTheProvider(@Autowired ApplicationContext context) throws IOException {
		String url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
		Broker broker = Broker.at(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
		PactFiles mainPact = PactFiles.aPact()
			.between(CONSUMER, PROVIDER)
			.withInteraction("a request for item 1", "/items/1", Map.of("id", 1, "stock", 5));
		PactFiles featurePact = PactFiles.aPact()
			.between(CONSUMER, PROVIDER)
			.withInteraction("a request for item 1", "/items/1", Map.of("id", 1, "stock", 5))
			.withInteraction("a request for item 2", "/items/2", Map.of("id", 2, "stock", 0));
		assertThat(broker.post("/contracts/publish", mainPact.publishBody("1.0.0", "main", List.of())).status())
			.isEqualTo(200);
		assertThat(
				broker.post("/contracts/publish", featurePact.publishBody("1.1.0", "feat/stock", List.of())).status())
			.isEqualTo(200);

		provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		provider.createContext("/items/", (exchange) -> {
			String id = exchange.getRequestURI().getPath().substring("/items/".length());
			byte[] body = ("{\"id\": " + id + ", \"stock\": " + ("1".equals(id) ? 5 : 0) + "}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		provider.start();

		System.setProperty("concordat.test.broker-url", url);
		System.setProperty("pact.verifier.publishResults", "true");
		System.setProperty("pact.provider.version", "3.0.0");
		System.setProperty("pact.provider.branch", "main");
	}

	@BeforeEach
	void target(PactVerificationContext context) {
		context.setTarget(new HttpTestTarget("127.0.0.1", provider.getAddress().getPort()));
	}

	@TestTemplate
	@ExtendWith(PactVerificationInvocationContextProvider.class)
	void verify(PactVerificationContext context) {
		context.verifyInteraction();
	}

	@State("an order exists")
	void anItemExists() {
		// The provider serves fixed items; nothing to set up.
	}

	@AfterAll
	static void concordatHoldsTheResults(@Autowired JdbcClient jdbc) {
		try {
			List<Map<String, Object>> results = jdbc.sql("""
					select cv.number as consumer_version, v.success, v.wip, pvb.branch_name as provider_branch,
					       (select count(*) from verification_interaction_results r
					        where r.verification_id = v.id and r.success and r.interaction is not null) as passed
					from verifications v join pacticipants p on p.id = v.provider_id
					join versions pv on pv.id = v.provider_version_id
					join branch_versions pvb on pvb.version_id = pv.id
					join latest_pact_publications lp on lp.pact_version_id = v.pact_version_id
					join versions cv on cv.id = lp.consumer_version_id
					where p.name = :provider and pv.number = '3.0.0' order by cv.number""")
				.param("provider", PROVIDER)
				.query()
				.listOfRows();
			assertThat(results).containsExactly(
					Map.of("consumer_version", "1.0.0", "success", true, "wip", false, "provider_branch", "main",
							"passed", 1L),
					Map.of("consumer_version", "1.1.0", "success", true, "wip", true, "provider_branch", "main",
							"passed", 2L));
		}
		finally {
			PROPERTIES.forEach(System::clearProperty);
			provider.stop(0);
		}
	}

}
