package io.concordat.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.concordat.ConcordatTest;
import io.concordat.pacticipant.PacticipantDetails;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.publication.PublicationService;
import io.concordat.publication.PublishContracts;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import io.concordat.support.Receiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks delivered to a real receiver on 127.0.0.1 (allowed here, refused by default):
 * which events fire, what the receiver gets, retries, recovery of a delivery a crashed
 * dispatcher left in flight, and several dispatchers sharing one outbox.
 */
@ConcordatTest
@TestPropertySource(properties = { "concordat.webhooks.allowed-hosts=127.0.0.1",
		"concordat.webhooks.retry-delays=PT0.3S,PT0.6S", "concordat.webhooks.poll-interval=PT0.05S",
		"concordat.webhooks.dispatcher-enabled=true", "concordat.webhooks.read-timeout=PT5S" })
class WebhookDeliveryTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	PacticipantService pacticipants;

	@Autowired
	PublicationService publications;

	@Autowired
	WebhookOutbox outbox;

	@Autowired
	WebhookStore store;

	@Autowired
	WebhookClient client;

	@Autowired
	WebhookProperties properties;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private Broker broker;

	private Receiver receiver;

	private String consumer;

	private String provider;

	@BeforeEach
	void start(Broker broker) {
		this.broker = broker;
		this.receiver = Receiver.start();
		this.consumer = Names.unique("web");
		this.provider = Names.unique("orders");
		this.pacticipants.create(this.consumer, PacticipantDetails.none());
		this.pacticipants.create(this.provider, PacticipantDetails.none());
	}

	@AfterEach
	void stop() {
		this.receiver.close();
	}

	@Test
	void publishingChangedContentFiresContractContentChangedWithTheVariablesRendered() {
		String hook = "/changed/" + this.consumer;
		Map<String, Object> body = new LinkedHashMap<>();
		for (String variable : List.of("consumerName", "providerName", "consumerVersionNumber", "consumerVersionBranch",
				"consumerVersionTags", "providerVersionNumber", "pactUrl", "verificationResultUrl",
				"githubVerificationStatus", "bitbucketVerificationStatus", "azureDevOpsVerificationStatus",
				"gitlabVerificationStatus", "consumerLabels", "providerLabels", "eventName", "buildUrl",
				"providerVersionBranch", "providerVersionTags", "providerVersionDescriptions",
				"currentlyDeployedProviderVersionNumber")) {
			body.put(variable, "${pactbroker." + variable + "}");
		}
		body.put("unknown", "${pactbroker.noSuchThing}");
		createWebhook(List.of("contract_content_changed"),
				request(this.receiver.url(hook)
						+ "?version=${pactbroker.consumerVersionNumber}&branch=${pactbroker.consumerVersionBranch}",
						body, Map.of("X-Consumer", "${pactbroker.consumerName}")));
		this.broker.put("/pacticipants/" + this.consumer + "/labels/frontend", Map.of());

		publish("1.0.0", "feat/x y", 4599);
		publish("2.0.0", "main", 1234);
		publish("3.0.0", "main", 1234);

		List<Receiver.Request> received = this.receiver.await((request) -> request.path().equals(hook), 2, WAIT);
		Receiver.Request second = received.stream()
			.filter((request) -> request.query().contains("version=2.0.0"))
			.findFirst()
			.orElseThrow();
		assertThat(received.get(0).query()).isEqualTo("version=1.0.0&branch=feat%2Fx%20y");
		assertThat(second.method()).isEqualTo("POST");
		assertThat(second.header("X-Consumer")).isEqualTo(this.consumer);
		JsonNode sent = JSON.readTree(second.body());
		assertThat(sent.get("consumerName").asString()).isEqualTo(this.consumer);
		assertThat(sent.get("providerName").asString()).isEqualTo(this.provider);
		assertThat(sent.get("consumerVersionNumber").asString()).isEqualTo("2.0.0");
		assertThat(sent.get("consumerVersionBranch").asString()).isEqualTo("main");
		assertThat(sent.get("consumerLabels").asString()).isEqualTo("frontend");
		assertThat(sent.get("eventName").asString()).isEqualTo("contract_content_changed");
		assertThat(sent.get("githubVerificationStatus").asString()).isEqualTo("pending");
		assertThat(sent.get("bitbucketVerificationStatus").asString()).isEqualTo("INPROGRESS");
		assertThat(sent.get("providerVersionNumber").asString()).isEmpty();
		assertThat(sent.get("unknown").asString()).isEqualTo("${pactbroker.noSuchThing}");
		String pactUrl = sent.get("pactUrl").asString();
		assertThat(pactUrl).startsWith(this.broker.baseUrl() + "/pacts/provider/" + this.provider + "/consumer/"
				+ this.consumer + "/pact-version/");
		assertThat(this.broker.get(pactUrl.substring(this.broker.baseUrl().length())).status()).isEqualTo(200);

		// Identical content as a new version: no contract_content_changed, nothing
		// triggered (read from the outbox, so no waiting for something not to happen).
		assertThat(triggered("3.0.0")).isEmpty();
		JsonNode delivered = awaitStatus("2.0.0", "success");
		assertThat(delivered.get("eventName").asString()).isEqualTo("contract_content_changed");
		assertThat(delivered.get("attemptsMade").asInt()).isEqualTo(1);
		assertThat(this.receiver.requestsTo(hook)).hasSize(2);
	}

	@Test
	void aFailingReceiverIsRetriedOnTheScheduleAndTheLogsShowEveryAttempt() {
		String hook = "/failing/" + this.consumer;
		this.receiver.answer(hook, 503);
		createWebhook(List.of("contract_published"), request(this.receiver.url(hook), Map.of("a", "b"),
				Map.of("Authorization", "Bearer very-secret", "Content-Type", "application/json")));

		publish("1.0.0", "main", 4599);

		List<Receiver.Request> attempts = this.receiver.await((request) -> request.path().equals(hook), 3, WAIT);
		assertThat(attempts.get(0).header("Authorization")).isEqualTo("Bearer very-secret");
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(600));
		JsonNode failed = awaitStatus("1.0.0", "failure");
		assertThat(failed.get("attemptsMade").asInt()).isEqualTo(3);
		assertThat(failed.get("attemptsRemaining").asInt()).isZero();
		Response logs = this.broker.get(path(failed.at("/_links/pb:logs/href").asString()),
				Map.of("Accept", "text/plain"));
		assertThat(logs.contentType()).startsWith("text/plain");
		assertThat(logs.body().split("Received response for webhook with status 503", -1)).hasSize(4);
		assertThat(logs.body()).contains("authorization: **********").doesNotContain("very-secret");
		assertThat(this.receiver.requestsTo(hook)).hasSize(3);
	}

	@Test
	void aDeliveryLeftInFlightByACrashedDispatcherIsDeliveredOnceItsLeaseExpires() {
		String hook = "/crashed/" + this.consumer;
		createWebhook(List.of("contract_published"), request(this.receiver.url(hook), null, Map.of()));

		// A dispatcher claims the delivery (in the publishing transaction, so no other
		// dispatcher can see it first) and dies before sending: nothing but its lease
		// is left.
		List<WebhookOutbox.Claim> claimed = this.transactions.execute((status) -> {
			this.publications.publish(new PublishContracts(this.consumer, "1.0.0", "main", List.of(), null,
					List.of(new PublishContracts.ContractToPublish(this.consumer, this.provider,
							PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(1).json(), false))));
			return this.outbox.claim(100, Duration.ofMillis(700))
				.stream()
				.filter((claim) -> claim.variables().get("consumerName").equals(this.consumer))
				.toList();
		});
		assertThat(claimed).hasSize(1);

		this.receiver.await((request) -> request.path().equals(hook), 1, WAIT);
		JsonNode delivered = awaitStatus("1.0.0", "success");
		assertThat(delivered.get("attemptsMade").asInt()).as("the lost attempt counts").isEqualTo(2);
		assertThat(this.receiver.requestsTo(hook)).hasSize(1);
	}

	@Test
	void twoDispatchersOnOneDatabaseDeliverEachDeliveryExactlyOnce() throws Exception {
		String hook = "/shared/" + this.consumer;
		String uuid = createWebhook(List.of("contract_published"),
				request(this.receiver.url(hook) + "/${pactbroker.consumerVersionNumber}", null, Map.of()));
		long webhookId = this.store.idOf(uuid).orElseThrow();
		int deliveries = 60;
		this.transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < deliveries; i++) {
				this.outbox.add(new WebhookOutbox.Delivery(webhookId, uuid, EventName.CONTRACT_PUBLISHED,
						Map.of("consumerVersionNumber", "v" + i), this.consumer, this.provider, "v" + i, null, "sha"));
			}
		});

		// Two more dispatchers over the same outbox, next to the one this application
		// runs: three replicas.
		List<WebhookDispatcher> replicas = List.of(replica(), replica());
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> running = new ArrayList<>();
			Instant deadline = Instant.now().plus(WAIT);
			for (WebhookDispatcher replica : replicas) {
				running.add(threads.submit(() -> {
					while (Instant.now().isBefore(deadline)
							&& this.receiver.requests((r) -> r.path().startsWith(hook)).size() < deliveries) {
						replica.dispatchDue();
					}
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
		finally {
			threads.shutdownNow();
		}

		Map<String, Integer> hits = new HashMap<>();
		this.receiver.requests((r) -> r.path().startsWith(hook)).forEach((r) -> hits.merge(r.path(), 1, Integer::sum));
		assertThat(hits).hasSize(deliveries).allSatisfy((path, count) -> assertThat(count).as(path).isEqualTo(1));
		Supplier<List<Integer>> attempts = () -> this.jdbc
			.sql("""
					select count(e.id)::int from triggered_webhooks t left join webhook_executions e on e.triggered_webhook_id = t.id
					where t.webhook_uuid = :uuid group by t.id""")
			.param("uuid", uuid)
			.query(Integer.class)
			.list();
		awaitTrue(() -> attempts.get().stream().allMatch((count) -> count == 1));
		assertThat(attempts.get()).hasSize(deliveries).containsOnly(1);
	}

	@Test
	void aTargetThatIsRefusedWhenTheDeliveryIsMadeIsNotCalledAndNotRetried() {
		// Saved before it was refused (as if the name resolved elsewhere then); the check
		// at delivery looks at the address it resolves to now.
		String uuid = Names.unique("refused-webhook-uuid");
		SaveWebhook webhook = new SaveWebhook("metadata", PacticipantSelector.named(this.consumer), null, true,
				List.of(EventName.CONTRACT_PUBLISHED),
				new WebhookRequest("POST", "http://169.254.169.254/latest/meta-data", Map.of(), null, null, null));
		this.store.save(uuid, webhook, this.pacticipants.getRef(this.consumer).id(), null);

		publish("1.0.0", "main", 1);

		JsonNode refused = awaitStatus("1.0.0", "failure");
		assertThat(refused.get("attemptsMade").asInt()).isEqualTo(1);
		String logs = this.broker.get(path(refused.at("/_links/pb:logs/href").asString()), Map.of()).body();
		assertThat(logs).contains("169.254.169.254", "a link-local address", "which webhooks may not call");
		assertThat(logs).doesNotContain("Received response");
	}

	@Test
	void aNameResolvingToLoopbackIsRefusedAtDeliveryUnlessItsAddressIsAllowed() {
		// [::1] is loopback but not the allowed 127.0.0.1.
		Attempt attempt = this.client.send(
				new WebhookRequest("POST", "http://[::1]:" + this.receiver.port() + "/v6", Map.of(), null, null, null),
				Map.of());
		assertThat(attempt.success()).isFalse();
		assertThat(attempt.retryable()).isFalse();
		assertThat(attempt.error()).contains("a loopback address");
		assertThat(this.receiver.requestsTo("/v6")).isEmpty();
	}

	@Test
	void republishingTheSameInteractionsInAnotherOrderIsNotAContentChange() {
		String hook = "/reordered/" + this.consumer;
		createWebhook(List.of("contract_content_changed"), request(this.receiver.url(hook), null, Map.of()));
		PactFiles ab = PactFiles.aPact()
			.between(this.consumer, this.provider)
			.withInteraction("a", "/a", Map.of("id", 1))
			.withInteraction("b", "/b", Map.of("id", 2));
		PactFiles ba = PactFiles.aPact()
			.between(this.consumer, this.provider)
			.withInteraction("b", "/b", Map.of("id", 2))
			.withInteraction("a", "/a", Map.of("id", 1));
		assertThat(this.broker.post("/contracts/publish", ab.publishBody("1.0.0", "main", List.of())).status())
			.isEqualTo(200);
		assertThat(this.broker.post("/contracts/publish", ba.publishBody("1.1.0", "main", List.of())).status())
			.isEqualTo(200);

		assertThat(triggered("1.0.0")).hasSize(1);
		assertThat(triggered("1.1.0")).isEmpty();
	}

	@Test
	void aFailedVerificationFiresPublishedAndFailedForWebhooksOfTheProvidersLabel() {
		String hook = "/verified/" + this.consumer;
		String label = Names.unique("team");
		this.broker.put("/pacticipants/" + this.provider + "/labels/" + label, Map.of());
		Map<String, Object> body = new LinkedHashMap<>();
		for (String variable : List.of("eventName", "providerVersionNumber", "providerVersionBranch",
				"consumerVersionNumber", "verificationResultUrl", "githubVerificationStatus",
				"gitlabVerificationStatus", "azureDevOpsVerificationStatus", "bitbucketVerificationStatus", "buildUrl",
				"providerLabels")) {
			body.put(variable, "${pactbroker." + variable + "}");
		}
		Response created = this.broker.post("/webhooks",
				Map.of("provider", Map.of("label", label), "events",
						List.of(Map.of("name", "provider_verification_published"),
								Map.of("name", "provider_verification_failed"),
								Map.of("name", "provider_verification_succeeded")),
						"request", request(this.receiver.url(hook), body, Map.of())));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		publish("1.0.0", "main", 4599);

		JsonNode pact = this.broker
			.get("/pacts/provider/" + this.provider + "/consumer/" + this.consumer + "/version/1.0.0")
			.json();
		Response result = this.broker.post(path(pact.at("/_links/pb:publish-verification-results/href").asString()),
				Map.of("success", false, "providerApplicationVersion", "2.1.0", "providerApplicationVersionBranch",
						"main", "buildUrl", "https://ci.example/orders/210"));
		assertThat(result.status()).as(result.body()).isEqualTo(201);

		List<Receiver.Request> received = this.receiver.await((request) -> request.path().equals(hook), 2, WAIT);
		List<JsonNode> sent = received.stream().map((request) -> JSON.readTree(request.body())).toList();
		assertThat(sent).extracting((node) -> node.get("eventName").asString())
			.containsExactlyInAnyOrder("provider_verification_published", "provider_verification_failed");
		JsonNode failed = sent.get(0);
		assertThat(failed.get("providerVersionNumber").asString()).isEqualTo("2.1.0");
		assertThat(failed.get("providerVersionBranch").asString()).isEqualTo("main");
		assertThat(failed.get("consumerVersionNumber").asString()).isEqualTo("1.0.0");
		assertThat(failed.get("verificationResultUrl").asString())
			.isEqualTo(result.json().at("/_links/self/href").asString());
		assertThat(failed.get("githubVerificationStatus").asString()).isEqualTo("failure");
		assertThat(failed.get("gitlabVerificationStatus").asString()).isEqualTo("failed");
		assertThat(failed.get("azureDevOpsVerificationStatus").asString()).isEqualTo("failed");
		assertThat(failed.get("bitbucketVerificationStatus").asString()).isEqualTo("FAILED");
		assertThat(failed.get("buildUrl").asString()).isEqualTo("https://ci.example/orders/210");
		assertThat(failed.get("providerLabels").asString()).isEqualTo(label);
		JsonNode triggered = this.broker.get(path(result.json().at("/_links/pb:triggered-webhooks/href").asString()))
			.json();
		assertThat(triggered.at("/_embedded/triggeredWebhooks").findValuesAsString("eventName"))
			.containsExactlyInAnyOrder("provider_verification_published", "provider_verification_failed");
	}

	@Test
	void aContractRequiringVerificationTriggersOneDeliveryPerProviderVersionThatHasNotVerifiedIt() {
		String hook = "/requiring/" + this.consumer;
		String provider = Names.unique("orders-main");
		this.broker.post("/pacticipants", Map.of("name", provider, "mainBranch", "main"));
		String environment = Names.unique("production");
		String uuid = this.broker.post("/environments", Map.of("name", environment, "production", true))
			.json()
			.get("uuid")
			.asString();
		this.broker.put("/pacticipants/" + provider + "/branches/main/versions/1.5.0", Map.of());
		this.broker.put("/pacticipants/" + provider + "/branches/main/versions/2.0.0", Map.of());
		assertThat(this.broker
			.post("/pacticipants/" + provider + "/versions/1.5.0/deployed-versions/environment/" + uuid, Map.of())
			.status()).isEqualTo(201);
		Response created = this.broker.post("/webhooks/provider/" + provider + "/consumer/" + this.consumer,
				Map.of("events", List.of(Map.of("name", "contract_requiring_verification_published")), "request",
						request(this.receiver.url(hook) + "/${pactbroker.providerVersionNumber}",
								"${pactbroker.providerVersionDescriptions}|${pactbroker.providerVersionBranch}|"
										+ "${pactbroker.currentlyDeployedProviderVersionNumber}",
								Map.of())));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		PactFiles pact = PactFiles.aPact().between(this.consumer, provider).withOrderTotal(7);
		this.broker.post("/contracts/publish", pact.publishBody("1.0.0", "main", List.of()));
		List<Receiver.Request> received = this.receiver.await((request) -> request.path().startsWith(hook), 2, WAIT);
		Map<String, String> byVersion = new HashMap<>();
		received.forEach((request) -> byVersion.put(request.path().substring(hook.length() + 1), request.body()));
		assertThat(byVersion).containsOnly(Map.entry("2.0.0", "latest version from main branch|main|"),
				Map.entry("1.5.0", "currently deployed in " + environment + "|main|1.5.0"));

		// Once the head of main verified this content, only the deployed version still
		// has to: a new consumer version with the same content triggers one delivery.
		JsonNode published = this.broker
			.get("/pacts/provider/" + provider + "/consumer/" + this.consumer + "/version/1.0.0")
			.json();
		assertThat(this.broker
			.post(path(published.at("/_links/pb:publish-verification-results/href").asString()),
					Map.of("success", true, "providerApplicationVersion", "2.0.0"))
			.status()).isEqualTo(201);
		this.broker.post("/contracts/publish", pact.publishBody("1.1.0", "main", List.of()));
		List<JsonNode> second = this.broker
			.get("/pacts/provider/" + provider + "/consumer/" + this.consumer + "/version/1.1.0/triggered-webhooks")
			.json()
			.at("/_embedded/triggeredWebhooks")
			.valueStream()
			.toList();
		assertThat(second).hasSize(1);
		this.receiver.await((request) -> request.path().equals(hook + "/1.5.0"), 2, WAIT);
	}

	@Test
	void aDispatcherShuttingDownLetsTheAttemptInFlightFinish() {
		String hook = "/slow/" + this.consumer;
		this.receiver.delay(hook, Duration.ofMillis(800));
		createWebhook(List.of("contract_published"), request(this.receiver.url(hook), null, Map.of()));
		// This application's dispatcher steps aside, so that the replica is the one
		// sending.
		this.dispatcher.stop();
		WebhookDispatcher replica = replica();
		try {
			replica.start();
			publish("1.0.0", "main", 3);
			this.receiver.await((request) -> request.path().equals(hook), 1, WAIT);

			replica.stop();

			List<JsonNode> delivered = triggered("1.0.0");
			assertThat(delivered).hasSize(1);
			assertThat(delivered.get(0).get("status").asString()).isEqualTo("success");
			assertThat(delivered.get(0).get("attemptsMade").asInt()).isEqualTo(1);
		}
		finally {
			replica.stop();
			this.dispatcher.start();
		}
	}

	private WebhookDispatcher replica() {
		return new WebhookDispatcher(this.outbox, this.store, this.client, this.properties);
	}

	private String createWebhook(List<String> events, Map<String, Object> request) {
		Response created = this.broker.post("/webhooks/provider/" + this.provider + "/consumer/" + this.consumer,
				Map.of("description", "test", "events", events.stream().map((name) -> Map.of("name", name)).toList(),
						"request", request));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("uuid").asString();
	}

	private static Map<String, Object> request(String url, Object body, Map<String, String> headers) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("method", "POST");
		request.put("url", url);
		request.put("headers", headers);
		if (body != null) {
			request.put("body", body);
		}
		return request;
	}

	private void publish(String version, String branch, int total) {
		PactFiles pact = PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(total);
		Response published = this.broker.post("/contracts/publish", pact.publishBody(version, branch, List.of()));
		assertThat(published.status()).as(published.body()).isEqualTo(200);
	}

	private List<JsonNode> triggered(String version) {
		Response response = this.broker.get("/pacts/provider/" + this.provider + "/consumer/" + this.consumer
				+ "/version/" + version + "/triggered-webhooks");
		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> found = new ArrayList<>();
		response.json().at("/_embedded/triggeredWebhooks").forEach(found::add);
		return found;
	}

	private JsonNode awaitStatus(String version, String status) {
		Instant deadline = Instant.now().plus(WAIT);
		List<JsonNode> found = List.of();
		while (Instant.now().isBefore(deadline)) {
			found = triggered(version);
			if (found.size() == 1 && found.get(0).get("status").asString().equals(status)) {
				return found.get(0);
			}
			pause();
		}
		throw new AssertionError("Expected one " + status + " delivery for " + version + ", got " + found);
	}

	private static void awaitTrue(Supplier<Boolean> condition) {
		Instant deadline = Instant.now().plus(WAIT);
		while (!condition.get() && Instant.now().isBefore(deadline)) {
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(25);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String path(String href) {
		return href.substring(this.broker.baseUrl().length());
	}

}
