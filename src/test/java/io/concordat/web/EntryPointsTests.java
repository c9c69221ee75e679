package io.concordat.web;

import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The places a person looks for first, the README's "Where things are": opened in a
 * browser, each answers something readable instead of an empty 406.
 */
@ConcordatTest
class EntryPointsTests {

	/** What a browser's address bar sends. */
	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
			+ "image/webp,*/*;q=0.8";

	@LocalServerPort
	int port;

	@Autowired
	BuildProperties build;

	@ParameterizedTest
	@ValueSource(strings = { BROWSER, "text/html" })
	void theOpenApiDocumentOpenedInABrowserRedirectsToItsUi(String accept) {
		Response response = Broker.at(this.port).get("/openapi", Map.of("Accept", accept));

		assertThat(response.status()).isEqualTo(303);
		assertThat(response.location()).endsWith("/openapi-ui");
	}

	@Test
	void theOpenApiUiIsAPage() {
		Broker broker = Broker.at(this.port);
		Response response = broker.get("/openapi-ui", Map.of("Accept", BROWSER));
		if (response.status() / 100 == 3) {
			response = broker.get(response.location().replaceFirst("^https?://[^/]+", ""), Map.of("Accept", BROWSER));
		}
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/html");
	}

	@Test
	void theOpenApiDocumentNamesConcordatItsVersionAndWhatItIs() {
		Response response = Broker.at(this.port).get("/openapi", Map.of("Accept", "application/json"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().at("/info/title").asString()).isEqualTo("Concordat");
		assertThat(response.json().at("/info/version").asString()).isEqualTo(this.build.getVersion());
		assertThat(response.json().at("/info/description").asString()).contains("Pact Broker");
	}

	@ParameterizedTest
	@ValueSource(strings = { BROWSER, "text/html" })
	void healthAnswersJsonEvenToABrowser(String accept) {
		Response response = Broker.at(this.port).get("/diagnostic/health", Map.of("Accept", accept));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).contains("json");
		assertThat(response.json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void theProbesAndBuildInformationAreWhereTheReadmeSays() {
		Broker broker = Broker.at(this.port);

		assertThat(
				broker.get("/diagnostic/health/liveness", Map.of("Accept", BROWSER)).json().path("status").asString())
			.isEqualTo("UP");
		assertThat(
				broker.get("/diagnostic/health/readiness", Map.of("Accept", BROWSER)).json().path("status").asString())
			.isEqualTo("UP");
		assertThat(broker.get("/diagnostic/info", Map.of("Accept", BROWSER)).json().at("/build/version").asString())
			.isEqualTo(this.build.getVersion());
	}

	@ParameterizedTest
	@ValueSource(strings = { BROWSER, "text/html" })
	void theIndexAnswersHalEvenToABrowser(String accept) {
		Response response = Broker.at(this.port).get("/", Map.of("Accept", accept));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).contains("json");
		assertThat(response.json().at("/_links/pb:pacticipants/href").asString()).endsWith("/pacticipants");
	}

}
