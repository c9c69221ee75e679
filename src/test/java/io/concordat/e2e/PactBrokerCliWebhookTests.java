package io.concordat.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import io.concordat.support.Receiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official {@code pact-broker} CLI's webhook commands against Concordat, with a real
 * receiver on 127.0.0.1 (allowed here; refused by default).
 */
@ConcordatTest
@ExtendWith(PactCli.RequiresNode.class)
@TestPropertySource(properties = { "concordat.webhooks.allowed-hosts=127.0.0.1",
		"concordat.webhooks.retry-delays=PT0.3S,PT0.6S", "concordat.webhooks.poll-interval=PT0.05S",
		"concordat.webhooks.dispatcher-enabled=true", "concordat.webhooks.read-timeout=PT5S" })
class PactBrokerCliWebhookTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private PactCli cli;

	private Broker broker;

	private Receiver receiver;

	private final String consumer = Names.unique("web");

	private final String provider = Names.unique("orders");

	@BeforeAll
	static void installCli() {
		PactCli.install();
	}

	@BeforeEach
	void connect() {
		this.cli = PactCli.against("http://localhost:" + this.port);
		this.broker = Broker.at(this.port);
		this.receiver = Receiver.start();
		this.broker.post("/pacticipants", Map.of("name", this.consumer));
		this.broker.post("/pacticipants", Map.of("name", this.provider));
	}

	@AfterEach
	void close() {
		this.receiver.close();
	}

	@Test
	void createWebhookMakesAWebhookThatAChangedPactTriggers() {
		String hook = "/created/" + this.consumer;
		PactCli.Result created = this.cli.run("create-webhook",
				this.receiver.url(hook) + "?version=${pactbroker.consumerVersionNumber}", "-X", "POST", "-H",
				"Content-Type: application/json", "-d", "{\"pact\": \"${pactbroker.pactUrl}\"}", "--user", "ci:hunter2",
				"--consumer", this.consumer, "--provider", this.provider, "--description", "Build the provider",
				"--contract-content-changed");
		assertThat(created.exitCode()).as(created.toString()).isZero();
		assertThat(created.stdout()).as(created.toString()).contains("\"description\":\"Build the provider\"");

		JsonNode webhooks = this.broker.get("/webhooks/provider/" + this.provider + "/consumer/" + this.consumer)
			.json();
		String href = webhooks.at("/_links/pb:webhooks/0/href").asString();
		JsonNode webhook = this.broker.get(href.substring(this.broker.baseUrl().length())).json();
		assertThat(webhook.get("description").asString()).isEqualTo("Build the provider");
		assertThat(webhook.at("/request/username").asString()).isEqualTo("ci");
		assertThat(webhook.at("/request/password").asString()).isEqualTo("**********");
		assertThat(webhook.at("/events/0/name").asString()).isEqualTo("contract_content_changed");

		PactFiles pact = PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(42);
		assertThat(this.broker.post("/contracts/publish", pact.publishBody("1.0.0", "main", List.of())).status())
			.isEqualTo(200);

		Receiver.Request received = this.receiver
			.await((request) -> request.path().equals(hook), 1, Duration.ofSeconds(15))
			.get(0);
		assertThat(received.query()).isEqualTo("version=1.0.0");
		assertThat(received.header("Authorization")).isEqualTo("Basic Y2k6aHVudGVyMg==");
		assertThat(JSON.readTree(received.body()).get("pact").asString()).contains("/pact-version/");
	}

	@Test
	void createOrUpdateWebhookCreatesThenUpdatesAndTestWebhookCallsTheReceiver() {
		String uuid = Names.unique("cli-webhook-uuid-0000");
		String hook = "/tested/" + this.consumer;
		PactCli.Result created = this.cli.run("create-or-update-webhook", this.receiver.url("/first"), "--uuid", uuid,
				"-X", "POST", "--provider", this.provider, "--description", "first", "--contract-published");
		assertThat(created.exitCode()).as(created.toString()).isZero();
		PactCli.Result updated = this.cli.run("create-or-update-webhook",
				this.receiver.url(hook) + "?consumer=${pactbroker.consumerName}", "--uuid", uuid, "-X", "POST",
				"--provider", this.provider, "--description", "second", "--provider-verification-published");
		assertThat(updated.exitCode()).as(updated.toString()).isZero();
		assertThat(updated.stdout()).contains("\"description\":\"second\"", "\"updatedAt\"");
		JsonNode webhook = this.broker.get("/webhooks/" + uuid).json();
		assertThat(webhook.get("description").asString()).isEqualTo("second");
		assertThat(webhook.at("/events/0/name").asString()).isEqualTo("provider_verification_published");

		PactCli.Result tested = this.cli.run("test-webhook", "--uuid", uuid);
		assertThat(tested.exitCode()).as(tested.toString()).isZero();
		assertThat(tested.stdout()).contains("\"success\":true", "Received response for webhook with status 200");
		List<Receiver.Request> received = this.receiver.await((request) -> request.path().equals(hook), 1,
				Duration.ofSeconds(5));
		assertThat(received).hasSize(1);
		assertThat(received.get(0).query()).isEqualTo("consumer=placeholder-consumer");
		assertThat(this.receiver.requestsTo("/first")).isEmpty();
	}

}
