package io.concordat.webhook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox of webhook deliveries. Rows are written with plain SQL in the
 * transaction of the publication or verification that triggered them (so they commit or
 * roll back together) and claimed with {@code FOR UPDATE SKIP LOCKED}, which JPA cannot
 * express: several dispatchers on one database each take different rows and never wait
 * for one another.
 */
@Component
class WebhookOutbox {

	private static final TypeReference<LinkedHashMap<String, String>> VARIABLES = new TypeReference<>() {
	};

	private static final String TRIGGERED_COLUMNS = """
			select t.uuid, t.webhook_uuid, t.event_name, w.request ->> 'method' as method, w.request ->> 'url' as url,
			       t.status, t.attempts_made, t.created_at
			from triggered_webhooks t left join webhooks w on w.id = t.webhook_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final int maxAttempts;

	private final List<Duration> retryDelays;

	WebhookOutbox(JdbcClient jdbc, JsonMapper json, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.retryDelays = List.copyOf(properties.retryDelays());
		this.maxAttempts = 1 + this.retryDelays.size();
	}

	/** Writes one pending delivery, in the caller's transaction. */
	@Transactional
	void add(Delivery delivery) {
		this.jdbc.sql("""
				insert into triggered_webhooks (uuid, webhook_id, webhook_uuid, event_name, variables, consumer_name,
				                                provider_name, consumer_version, verification_number, pact_sha)
				values (:uuid, :webhook, :webhookUuid, :event, :variables::jsonb, :consumer, :provider,
				        :consumerVersion, :verification, :sha)""")
			.param("uuid", Uuids.random())
			.param("webhook", delivery.webhookId())
			.param("webhookUuid", delivery.webhookUuid())
			.param("event", delivery.event().value())
			.param("variables", this.json.writeValueAsString(delivery.variables()))
			.param("consumer", delivery.consumer())
			.param("provider", delivery.provider())
			.param("consumerVersion", delivery.consumerVersion())
			.param("verification", delivery.verificationNumber())
			.param("sha", delivery.sha())
			.update();
	}

	/**
	 * Claims up to {@code limit} due deliveries for this caller: each gets its next
	 * attempt number and a lease, committed at once, so that another dispatcher skips
	 * them until the lease expires.
	 */
	@Transactional
	List<Claim> claim(int limit, Duration lease) {
		return this.jdbc
			.sql("""
					update triggered_webhooks t
					set attempts_made = t.attempts_made + 1, lease_until = clock_timestamp() + :lease * interval '1 millisecond',
					    updated_at = now()
					from (select id from triggered_webhooks
					      where status in ('not_run', 'retrying') and next_attempt_at <= clock_timestamp()
					        and (lease_until is null or lease_until < clock_timestamp())
					      order by next_attempt_at, id limit :limit
					      for update skip locked) due
					where t.id = due.id
					returning t.id, t.uuid, t.webhook_id, t.webhook_uuid, t.event_name, t.variables::text as variables,
					          t.attempts_made""")
			.param("lease", lease.toMillis())
			.param("limit", limit)
			.query((rs, n) -> new Claim(rs.getLong("id"), rs.getString("uuid"), (Long) rs.getObject("webhook_id"),
					rs.getString("webhook_uuid"), rs.getString("event_name"),
					this.json.readValue(rs.getString("variables"), VARIABLES), rs.getInt("attempts_made")))
			.list();
	}

	/**
	 * Records an attempt and moves the delivery on: done on success, retried after the
	 * next delay of the schedule, or failed when the schedule is used up. Only the
	 * attempt that holds the delivery moves it; an attempt that outlived its lease (the
	 * delivery was claimed again meanwhile) is still logged.
	 */
	@Transactional
	void record(Claim claim, Attempt attempt) {
		this.jdbc.sql("""
				insert into webhook_executions (triggered_webhook_id, attempt, success, request, response_status,
				                                response_headers, response_body, error, duration_ms, logs)
				values (:triggered, :attempt, :success, :request::jsonb, :status, :headers::jsonb, :body, :error,
				        :duration, :logs)
				on conflict (triggered_webhook_id, attempt) do nothing""")
			.param("triggered", claim.id())
			.param("attempt", claim.attempt())
			.param("success", attempt.success())
			.param("request", this.json.writeValueAsString(attempt.request()))
			.param("status", attempt.status())
			.param("headers",
					(attempt.responseHeaders() != null) ? this.json.writeValueAsString(attempt.responseHeaders())
							: null)
			.param("body", attempt.responseBody())
			.param("error", attempt.error())
			.param("duration", attempt.duration().toMillis())
			.param("logs", attempt.logs())
			.update();
		String status;
		Duration delay = Duration.ZERO;
		if (attempt.success()) {
			status = "success";
		}
		else if (attempt.retryable() && claim.attempt() < this.maxAttempts) {
			status = "retrying";
			delay = this.retryDelays.get(claim.attempt() - 1);
		}
		else {
			status = "failure";
		}
		this.jdbc.sql("""
				update triggered_webhooks
				set status = :status, lease_until = null, updated_at = now(),
				    next_attempt_at = clock_timestamp() + :delay * interval '1 millisecond'
				where id = :id and attempts_made = :attempt""")
			.param("status", status)
			.param("delay", delay.toMillis())
			.param("id", claim.id())
			.param("attempt", claim.attempt())
			.update();
	}

	@Transactional(readOnly = true)
	List<TriggeredWebhookView> forPublication(String provider, String consumer, String consumerVersion) {
		return this.jdbc.sql(TRIGGERED_COLUMNS + """
				where t.provider_name = :provider and t.consumer_name = :consumer and t.consumer_version = :version
				  and t.verification_number is null
				order by t.id""")
			.param("provider", provider)
			.param("consumer", consumer)
			.param("version", consumerVersion)
			.query((rs, n) -> view(rs))
			.list();
	}

	/** The latest delivery of each webhook that fired for an integration. */
	@Transactional(readOnly = true)
	List<TriggeredWebhookView> latestPerWebhook(String provider, String consumer) {
		return this.jdbc
			.sql(TRIGGERED_COLUMNS
					+ """
							where t.id in (select max(l.id) from triggered_webhooks l
							               where l.provider_name = :provider and l.consumer_name = :consumer group by l.webhook_uuid)
							order by t.id""")
			.param("provider", provider)
			.param("consumer", consumer)
			.query((rs, n) -> view(rs))
			.list();
	}

	@Transactional(readOnly = true)
	List<TriggeredWebhookView> forVerification(String provider, String consumer, String sha, long number) {
		return this.jdbc.sql(TRIGGERED_COLUMNS + """
				where t.provider_name = :provider and t.consumer_name = :consumer and t.pact_sha = :sha
				  and t.verification_number = :number
				order by t.id""")
			.param("provider", provider)
			.param("consumer", consumer)
			.param("sha", sha)
			.param("number", number)
			.query((rs, n) -> view(rs))
			.list();
	}

	@Transactional(readOnly = true)
	Optional<TriggeredWebhookView> find(String uuid) {
		return this.jdbc.sql(TRIGGERED_COLUMNS + "where t.uuid = :uuid")
			.param("uuid", uuid)
			.query((rs, n) -> view(rs))
			.optional();
	}

	/** Every attempt's log, oldest first. */
	@Transactional(readOnly = true)
	List<String> logs(String uuid) {
		return this.jdbc.sql("""
				select e.logs from webhook_executions e join triggered_webhooks t on t.id = e.triggered_webhook_id
				where t.uuid = :uuid order by e.attempt""").param("uuid", uuid).query(String.class).list();
	}

	private TriggeredWebhookView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		int made = rs.getInt("attempts_made");
		String status = rs.getString("status");
		int remaining = (status.equals("success") || status.equals("failure")) ? 0
				: Math.max(0, this.maxAttempts - made);
		return new TriggeredWebhookView(rs.getString("uuid"), rs.getString("webhook_uuid"), rs.getString("event_name"),
				rs.getString("method"), rs.getString("url"), status, made, remaining,
				rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * A delivery to write.
	 *
	 * @param webhookId the webhook's row
	 * @param webhookUuid the webhook's uuid
	 * @param event the event
	 * @param variables the template variables' values
	 * @param consumer the consumer's name
	 * @param provider the provider's name
	 * @param consumerVersion the consumer version
	 * @param verificationNumber the verification result's number, for its events
	 * @param sha the pact content
	 */
	record Delivery(long webhookId, String webhookUuid, EventName event, Map<String, String> variables, String consumer,
			String provider, String consumerVersion, @Nullable Long verificationNumber, String sha) {
	}

	/**
	 * A delivery claimed for one attempt.
	 *
	 * @param id its row
	 * @param uuid its uuid
	 * @param webhookId the webhook's row, unless the webhook was deleted
	 * @param webhookUuid the webhook's uuid
	 * @param eventName the event
	 * @param variables the template variables' values
	 * @param attempt this attempt's number, from 1
	 */
	record Claim(long id, String uuid, @Nullable Long webhookId, String webhookUuid, String eventName,
			Map<String, String> variables, int attempt) {
	}

}
