package io.concordat.webhook.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook resources as Pact clients use them, with the default settings (no host
 * allowed beyond the public internet). Targets are IP literals of the documentation
 * range, so that saving a webhook needs no name lookup and calls nothing.
 */
@ConcordatTest
class WebhookApiTests {

	private static final String PUBLIC_TARGET = "https://203.0.113.10/api/builds";

	private Broker broker;

	private String consumer;

	private String provider;

	@BeforeEach
	void pacticipants(Broker broker) {
		this.broker = broker;
		this.consumer = Names.unique("orders-web");
		this.provider = Names.unique("orders-api");
		this.broker.post("/pacticipants", Map.of("name", this.consumer));
		this.broker.post("/pacticipants", Map.of("name", this.provider));
	}

	@Test
	void aCreatedWebhookIsEchoedWithLowerCasedHeaderNamesAndItsCredentialsMasked() {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("method", "POST");
		request.put("url", PUBLIC_TARGET + "?pact=${pactbroker.pactUrl}");
		request.put("headers", Map.of("Content-Type", "application/json", "Authorization", "Bearer secret-token",
				"X-Token", "${pactbroker.providerName}"));
		request.put("body", Map.of("pactUrl", "${pactbroker.pactUrl}"));
		request.put("username", "ci");
		request.put("password", "hunter2");
		Response created = this.broker.post("/webhooks",
				Map.of("description", "Trigger build", "consumer", Map.of("name", this.consumer), "provider",
						Map.of("name", this.provider), "enabled", true, "events",
						List.of(Map.of("name", "contract_requiring_verification_published")), "request", request));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		JsonNode body = created.json();
		String uuid = body.get("uuid").asString();
		assertThat(uuid).matches("[A-Za-z0-9_-]{22}");
		assertThat(created.location()).isEqualTo(this.broker.baseUrl() + "/webhooks/" + uuid);
		assertThat(body.at("/request/headers/content-type").asString()).isEqualTo("application/json");
		assertThat(body.at("/request/headers/authorization").asString()).isEqualTo("**********");
		assertThat(body.at("/request/headers/x-token").asString()).as("a template holds no secret")
			.isEqualTo("${pactbroker.providerName}");
		assertThat(body.at("/request/password").asString()).isEqualTo("**********");
		assertThat(body.at("/request/username").asString()).isEqualTo("ci");
		assertThat(body.at("/request/url").asString()).isEqualTo(PUBLIC_TARGET + "?pact=${pactbroker.pactUrl}");
		assertThat(body.at("/events/0/name").asString()).isEqualTo("contract_requiring_verification_published");
		assertThat(body.at("/createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
		assertThat(body.at("/_links/self/title").asString()).isEqualTo("Trigger build");
		assertThat(body.at("/_links/pb:execute/href").asString()).endsWith("/webhooks/" + uuid + "/execute");
		assertThat(body.at("/_links/pb:pact-webhooks/href").asString())
			.isEqualTo(this.broker.baseUrl() + "/webhooks/provider/" + this.provider + "/consumer/" + this.consumer);
		assertThat(body.at("/_links/pb:consumer/name").asString()).isEqualTo(this.consumer);
		assertThat(this.broker.get("/webhooks/" + uuid).body()).doesNotContain("secret-token", "hunter2");
	}

	@Test
	void eventsDefaultToContractContentChangedAndEnabledToTrue() {
		JsonNode body = this.broker
			.post("/webhooks/consumer/" + this.consumer,
					Map.of("request", Map.of("method", "POST", "url", PUBLIC_TARGET)))
			.json();
		assertThat(body.at("/events/0/name").asString()).isEqualTo("contract_content_changed");
		assertThat(body.get("enabled").asBoolean()).isTrue();
		assertThat(body.at("/consumer/name").asString()).isEqualTo(this.consumer);
		assertThat(body.has("provider")).isFalse();
	}

	@Test
	void putCreatesAWebhookWithTheClientsUuidThenReplacesItAndDeleteRemovesIt() {
		String uuid = Names.unique("webhook-uuid-0123456789");
		Map<String, Object> webhook = Map.of("provider", Map.of("label", "team-x"), "request",
				Map.of("method", "POST", "url", PUBLIC_TARGET));
		assertThat(this.broker.put("/webhooks/" + uuid, webhook).status()).isEqualTo(201);
		Response replaced = this.broker.put("/webhooks/" + uuid, Map.of("description", "replaced", "enabled", false,
				"request", Map.of("method", "POST", "url", PUBLIC_TARGET)));
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.json().get("description").asString()).isEqualTo("replaced");
		assertThat(replaced.json().get("enabled").asBoolean()).isFalse();
		assertThat(replaced.json().has("provider")).as("replaced, not merged").isFalse();

		assertThat(this.broker.get("/webhooks").json().at("/_links/pb:webhooks").findValuesAsString("href"))
			.contains(this.broker.baseUrl() + "/webhooks/" + uuid);
		assertThat(this.broker.delete("/webhooks/" + uuid).status()).isEqualTo(204);
		assertThat(this.broker.get("/webhooks/" + uuid).status()).isEqualTo(404);
		assertThat(this.broker.delete("/webhooks/" + uuid).status()).isEqualTo(404);
	}

	@Test
	void thePerPacticipantCollectionsListTheirWebhooksAndAnUnknownPacticipantIs404() {
		String both = this.broker
			.post("/webhooks/provider/" + this.provider + "/consumer/" + this.consumer,
					Map.of("request", Map.of("method", "POST", "url", PUBLIC_TARGET)))
			.json()
			.get("uuid")
			.asString();
		String providerOnly = this.broker
			.post("/webhooks/provider/" + this.provider,
					Map.of("request", Map.of("method", "POST", "url", PUBLIC_TARGET)))
			.json()
			.get("uuid")
			.asString();

		assertThat(hrefs("/webhooks/provider/" + this.provider)).containsExactly(href(both), href(providerOnly));
		assertThat(hrefs("/webhooks/provider/" + this.provider + "/consumer/" + this.consumer))
			.containsExactly(href(both));
		assertThat(hrefs("/webhooks/consumer/" + this.consumer)).containsExactly(href(both));
		Response missing = this.broker.post(
				"/webhooks/provider/" + this.provider + "/consumer/no-such-" + this.consumer,
				Map.of("request", Map.of("method", "POST", "url", PUBLIC_TARGET)));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).isEqualTo("application/hal+json;charset=utf-8");
	}

	@Test
	void forbiddenTargetsAreRefusedWithA400NamingTheRule() {
		Map<String, String> refusals = new LinkedHashMap<>();
		refusals.put("http://169.254.169.254/latest/meta-data", "a link-local address");
		refusals.put("http://127.0.0.1/", "a loopback address");
		refusals.put("http://localhost:9292/", "a loopback address");
		refusals.put("http://[::1]/", "a loopback address");
		refusals.put("http://10.1.2.3/", "a private address");
		refusals.put("http://172.16.0.1/", "a private address");
		refusals.put("http://192.168.1.1/", "a private address");
		refusals.put("http://[fd00::1]/", "a private address");
		refusals.put("http://0.0.0.0/", "an unspecified address");
		refusals.put("file:///etc/passwd", "scheme must be http or https, not file");
		refusals.put("gopher://203.0.113.10/", "scheme must be http or https, not gopher");
		refusals.forEach((url, rule) -> {
			Response refused = this.broker.post("/webhooks",
					Map.of("consumer", Map.of("name", this.consumer), "request", Map.of("method", "POST", "url", url)));
			assertThat(refused.status()).as(url).isEqualTo(400);
			assertThat(refused.json().at("/errors/request.url/0").asString()).as(url).contains(rule);
		});
	}

	@Test
	void anInvalidBodyIsA400NamingEachField() {
		Response invalid = this.broker.post("/webhooks",
				Map.of("consumer", Map.of("name", "no-such-" + this.consumer), "events",
						List.of(Map.of("name", "contract_published"), Map.of("name", "nonsense")), "request",
						Map.of("method", "TRACE")));
		assertThat(invalid.status()).isEqualTo(400);
		JsonNode errors = invalid.json().get("errors");
		assertThat(errors.has("request.url")).isTrue();
		assertThat(errors.at("/request.method/0").asString()).contains("must be one of");
		assertThat(errors.at("/events/0").asString()).contains("(at index 1)");
		Response unknownConsumer = this.broker.post("/webhooks", Map.of("consumer",
				Map.of("name", "no-such-" + this.consumer), "request", Map.of("method", "POST", "url", PUBLIC_TARGET)));
		assertThat(unknownConsumer.json().has("errors")).isTrue();
		assertThat(unknownConsumer.json().get("errors").has("consumer.name")).isTrue();
		assertThat(this.broker.put("/webhooks/short", Map.of("request", Map.of("method", "POST", "url", PUBLIC_TARGET)))
			.json()
			.get("errors")
			.has("uuid")).isTrue();
	}

	@Test
	void theIndexLinksTheWebhookResources() {
		JsonNode links = this.broker.get("/").json().get("_links");
		assertThat(links.at("/pb:webhooks/href").asString()).isEqualTo(this.broker.baseUrl() + "/webhooks");
		assertThat(links.at("/pb:webhook/href").asString()).isEqualTo(this.broker.baseUrl() + "/webhooks/{uuid}");
		assertThat(this.broker.get("/webhooks").status()).isEqualTo(200);
	}

	private List<String> hrefs(String path) {
		return this.broker.get(path).json().at("/_links/pb:webhooks").findValuesAsString("href");
	}

	private String href(String uuid) {
		return this.broker.baseUrl() + "/webhooks/" + uuid;
	}

	@Test
	void theWebhookStatusOfAnIntegrationSummarisesEachWebhooksLatestDeliveryAsTheDashboardShowsIt() {
		assertThat(this.broker.get(statusPath()).json().at("/summary/notRun").asInt()).isZero();
		Response created = this.broker.post("/webhooks",
				Map.of("consumer", Map.of("name", this.consumer), "events",
						List.of(Map.of("name", "contract_published")), "request",
						Map.of("method", "POST", "url", PUBLIC_TARGET)));
		assertThat(created.status()).isEqualTo(201);
		try {
			this.broker.post("/contracts/publish",
					PactFiles.aPact()
						.between(this.consumer, this.provider)
						.withOrderTotal(100)
						.publishBody("1.0.0", "main", List.of()));

			JsonNode status = this.broker.get(statusPath()).json();

			// This context does not deliver, so the delivery the publication triggered
			// waits.
			assertThat(status.at("/summary/notRun").asInt()).isOne();
			assertThat(status.at("/summary/successful").asInt()).isZero();
			assertThat(status.at("/_embedded/triggeredWebhooks/0/status").asString()).isEqualTo("not_run");
			assertThat(status.at("/_embedded/triggeredWebhooks/0/name").asString()).isEqualTo("POST 203.0.113.10");
			assertThat(status.at("/_links/pb:error-logs").isEmpty()).isTrue();
			assertThat(this.broker.get("/dashboard/provider/" + this.provider + "/consumer/" + this.consumer)
				.json()
				.at("/items/0/webhookStatus")
				.asString()).isEqualTo("not_run");
			assertThat(this.broker
				.get("/pacts/provider/" + this.provider + "/consumer/nobody-" + this.consumer + "/webhooks/status")
				.status()).isEqualTo(404);
		}
		finally {
			// The delivery stays due in the database the tests share; without its
			// webhook,
			// a test context that dispatches records it as deleted and calls nothing
			// outside this machine.
			this.broker.delete("/webhooks/" + created.json().get("uuid").asString());
		}
	}

	private String statusPath() {
		return "/pacts/provider/" + this.provider + "/consumer/" + this.consumer + "/webhooks/status";
	}

}
