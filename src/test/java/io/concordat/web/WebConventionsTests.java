package io.concordat.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ConcordatTest
class WebConventionsTests {

	private static final List<String> INDEX_RELATIONS = List.of("self", "pb:publish-pact", "pb:publish-contracts",
			"pb:latest-pact-versions", "pb:tagged-pact-versions", "pb:branch-pact-versions",
			"pb:latest-branch-pact-versions", "pb:main-branch-pact-versions", "pb:latest-main-branch-pact-versions",
			"pb:provider-pacts-with-main-branch", "pb:provider-pacts-with-branch",
			"pb:latest-provider-pacts-with-main-branch", "pb:latest-provider-pacts-with-branch", "pb:pacticipants",
			"pb:pacticipant", "pb:latest-provider-pacts", "pb:latest-provider-pacts-with-tag",
			"pb:provider-pacts-with-tag", "pb:provider-pacts", "pb:latest-version", "pb:latest-tagged-version",
			"pb:webhooks", "pb:webhook", "pb:integrations", "pb:pacticipant-version-tag", "pb:pacticipant-branch",
			"pb:pacticipant-branch-version", "pb:pacticipant-version", "pb:metrics",
			"pb:can-i-deploy-pacticipant-version-to-tag", "pb:can-i-deploy-pacticipant-version-to-environment",
			"pb:provider-pacts-for-verification", "beta:provider-pacts-for-verification", "pb:environments",
			"pb:environment", "curies");

	@LocalServerPort
	int port;

	@Test
	void theIndexHasEveryPactBrokerRelationWithAbsoluteLinksBehindAProxy() {
		Response index = Broker.at(this.port)
			.get("/", Map.of("Accept", "application/hal+json", "X-Forwarded-Proto", "https", "X-Forwarded-Host",
					"broker.example.com"));
		assertThat(index.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		JsonNode links = index.json().get("_links");
		assertThat(links.propertyNames()).containsExactlyInAnyOrderElementsOf(INDEX_RELATIONS);
		assertThat(links.at("/pb:pacticipant/href").asString())
			.isEqualTo("https://broker.example.com/pacticipants/{pacticipant}");
		assertThat(links.at("/pb:pacticipant/templated").asBoolean()).isTrue();
		assertThat(links.at("/curies").isArray()).isTrue();
	}

	@Test
	void literalBracketsInTheQueryReachTheApplication() throws Exception {
		// Pact clients send q[][pacticipant]=… unencoded; Tomcat must not reject the
		// request line.
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET /pacticipants?q[][pacticipant]=x&pageNumber=1 HTTP/1.1\r\nHost: localhost\r\n"
					+ "Accept: application/hal+json\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String status = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			assertThat(status).isEqualTo("HTTP/1.1 200 ");
		}
	}

	@Test
	void theCuriesLeadToADocumentationPagePerRelation() {
		String curie = Broker.at(this.port).get("/").json().at("/_links/curies/0/href").asString();
		Response page = Broker.at(this.port)
			.get(curie.replace("{rel}", "publish-contracts").substring(("http://localhost:" + this.port).length()),
					Map.of("Accept", "text/html"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>pb:publish-contracts</h1>").contains("/contracts/publish");
		assertThat(Broker.at(this.port).get("/doc/no-such-rel").status()).isEqualTo(404);
	}

	@Test
	void anUnknownRouteIsAJson404() {
		Response missing = Broker.at(this.port).get("/no/such/resource");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("error").asString()).isNotBlank();
	}

}
