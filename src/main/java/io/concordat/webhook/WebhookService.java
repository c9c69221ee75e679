package io.concordat.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.concordat.pacticipant.PacticipantRef;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.Upserted;
import io.concordat.publication.PactService;
import io.concordat.publication.PactView;
import io.concordat.web.FieldErrors;
import io.concordat.web.InvalidRequestException;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook definitions, their test execution, and the deliveries events triggered.
 */
@Service
@Transactional
public class WebhookService {

	/** The Pact Broker's rule for client-chosen ids (PUT /webhooks/{uuid}). */
	private static final Pattern UUID = Pattern.compile("^[A-Za-z0-9_\\-]{16,}$");

	private final WebhookStore store;

	private final WebhookOutbox outbox;

	private final WebhookClient client;

	private final OutboundPolicy policy;

	private final PacticipantService pacticipants;

	private final PactService pacts;

	WebhookService(WebhookStore store, WebhookOutbox outbox, WebhookClient client, OutboundPolicy policy,
			PacticipantService pacticipants, PactService pacts) {
		this.store = store;
		this.outbox = outbox;
		this.client = client;
		this.policy = policy;
		this.pacticipants = pacticipants;
		this.pacts = pacts;
	}

	/** {@code POST /webhooks}: a new webhook with a generated uuid. */
	public WebhookView create(SaveWebhook webhook) {
		String uuid = Uuids.random();
		save(uuid, webhook);
		return get(uuid);
	}

	/**
	 * {@code PUT /webhooks/{uuid}}: creates the webhook with this uuid or replaces it.
	 */
	public Upserted<WebhookView> createOrReplace(String uuid, SaveWebhook webhook) {
		if (!UUID.matcher(uuid).matches()) {
			throw InvalidRequestException.field("uuid",
					"must be at least 16 characters long and contain only letters, digits, - and _");
		}
		boolean created = save(uuid, webhook);
		return new Upserted<>(get(uuid), created);
	}

	@Transactional(readOnly = true)
	public Optional<WebhookView> find(String uuid) {
		return this.store.find(uuid);
	}

	@Transactional(readOnly = true)
	public WebhookView get(String uuid) {
		return find(uuid).orElseThrow(() -> notFound(uuid));
	}

	public void delete(String uuid) {
		if (!this.store.delete(uuid)) {
			throw notFound(uuid);
		}
	}

	/**
	 * Webhooks for a consumer and/or provider by name ({@code /webhooks/consumer/{c}},
	 * …), or every webhook when both are null.
	 */
	@Transactional(readOnly = true)
	public List<WebhookView> list(@Nullable String consumer, @Nullable String provider) {
		return this.store.scoped(consumer, provider);
	}

	/**
	 * {@code POST /webhooks/{uuid}/execute}: calls the webhook now, as the newest pact of
	 * its consumer and provider would (placeholders when there is none), without writing
	 * a delivery. The outbound policy applies as to any delivery. Outside a transaction,
	 * so that a slow receiver holds no database connection.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Attempt execute(String uuid) {
		WebhookView webhook = get(uuid);
		Map<String, String> variables = new LinkedHashMap<>();
		String consumer = (webhook.consumer() != null && webhook.consumer().name() != null) ? webhook.consumer().name()
				: "placeholder-consumer";
		String provider = (webhook.provider() != null && webhook.provider().name() != null) ? webhook.provider().name()
				: "placeholder-provider";
		Optional<PactView> latest = this.pacts.latest(provider, consumer);
		variables.put("consumerName", consumer);
		variables.put("providerName", provider);
		variables.put("consumerVersionNumber", latest.map(PactView::consumerVersion).orElse("placeholder-version"));
		variables.put("providerVersionNumber", "");
		variables.put("eventName", "test");
		WebhookTriggers.statuses(variables, null);
		return this.client.send(webhook.request(), variables);
	}

	/** The deliveries a consumer version's pact publication triggered. */
	@Transactional(readOnly = true)
	public List<TriggeredWebhookView> triggeredByPublication(String provider, String consumer, String version) {
		return this.outbox.forPublication(provider, consumer, version);
	}

	/**
	 * The webhooks of an integration and how their latest deliveries went (the Pact
	 * Broker's webhook status of a pact, and the dashboard's).
	 */
	@Transactional(readOnly = true)
	public WebhookStatus statusOf(String provider, String consumer) {
		return new WebhookStatus(!this.store.scoped(consumer, provider).isEmpty(),
				this.outbox.latestPerWebhook(provider, consumer));
	}

	/** The deliveries a verification result triggered. */
	@Transactional(readOnly = true)
	public List<TriggeredWebhookView> triggeredByVerification(String provider, String consumer, String sha,
			long number) {
		return this.outbox.forVerification(provider, consumer, sha, number);
	}

	@Transactional(readOnly = true)
	public Optional<TriggeredWebhookView> triggered(String uuid) {
		return this.outbox.find(uuid);
	}

	/** Every attempt's log of a delivery, oldest first (credentials redacted). */
	@Transactional(readOnly = true)
	public List<String> logs(String uuid) {
		return this.outbox.logs(uuid);
	}

	private boolean save(String uuid, SaveWebhook webhook) {
		FieldErrors errors = new FieldErrors();
		Long consumerId = pacticipantId("consumer", webhook.consumer(), errors);
		Long providerId = pacticipantId("provider", webhook.provider(), errors);
		this.policy.refusal(Templates.placeholders(webhook.request().url()))
			.ifPresent((reason) -> errors.add("request.url", reason));
		errors.throwIfAny();
		return this.store.save(uuid, webhook, consumerId, providerId);
	}

	private @Nullable Long pacticipantId(String field, @Nullable PacticipantSelector selector, FieldErrors errors) {
		if (selector == null || selector.name() == null) {
			return null;
		}
		Optional<PacticipantRef> found = this.pacticipants.findRef(selector.name());
		if (found.isEmpty()) {
			errors.add(field + ".name", "does not match an existing pacticipant");
			return null;
		}
		return found.get().id();
	}

	private static NotFoundException notFound(String uuid) {
		return new NotFoundException("No webhook with uuid " + uuid + " found");
	}

}
