package io.concordat.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook definitions. Plain SQL rather than JPA: the request template is one
 * {@code jsonb} document and the events a {@code text[]}, both read and written whole,
 * and triggering matches webhooks to an event in one query over those columns.
 */
@Repository
class WebhookStore {

	private static final String COLUMNS = """
			select uuid, description, consumer_name, consumer_label, provider_name, provider_label, enabled,
			       events, request::text as request, created_at, updated_at from webhooks
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	WebhookStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<WebhookView> find(String uuid) {
		return this.jdbc.sql(COLUMNS + "where uuid = :uuid").param("uuid", uuid).query(this::row).optional();
	}

	/** The request template of the webhook with this row id, if it still exists. */
	Optional<WebhookRequest> findById(@Nullable Long id) {
		if (id == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select request::text from webhooks where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(this::request);
	}

	Optional<Long> idOf(String uuid) {
		return this.jdbc.sql("select id from webhooks where uuid = :uuid")
			.param("uuid", uuid)
			.query(Long.class)
			.optional();
	}

	/**
	 * Inserts the webhook, or replaces the one with this uuid.
	 * @return whether it was created
	 */
	boolean save(String uuid, SaveWebhook webhook, @Nullable Long consumerId, @Nullable Long providerId) {
		return this.jdbc.sql("""
				insert into webhooks (uuid, description, consumer_id, consumer_name, consumer_label, provider_id,
				                      provider_name, provider_label, enabled, events, request)
				values (:uuid, :description, :consumerId, :consumerName, :consumerLabel, :providerId, :providerName,
				        :providerLabel, :enabled, :events::text[], :request::jsonb)
				on conflict (uuid) do update set description = excluded.description,
				    consumer_id = excluded.consumer_id, consumer_name = excluded.consumer_name,
				    consumer_label = excluded.consumer_label, provider_id = excluded.provider_id,
				    provider_name = excluded.provider_name, provider_label = excluded.provider_label,
				    enabled = excluded.enabled, events = excluded.events, request = excluded.request,
				    updated_at = now()
				returning (xmax = 0) as created""")
			.param("uuid", uuid)
			.param("description", webhook.description())
			.param("consumerId", consumerId)
			.param("consumerName", (webhook.consumer() != null) ? webhook.consumer().name() : null)
			.param("consumerLabel", (webhook.consumer() != null) ? webhook.consumer().label() : null)
			.param("providerId", providerId)
			.param("providerName", (webhook.provider() != null) ? webhook.provider().name() : null)
			.param("providerLabel", (webhook.provider() != null) ? webhook.provider().label() : null)
			.param("enabled", webhook.enabled())
			.param("events", webhook.events().stream().map(EventName::value).toArray(String[]::new))
			.param("request", requestJson(webhook.request()))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether any webhook could be triggered at all, so that without any an event costs
	 * one probe.
	 */
	boolean anyEnabled() {
		return this.jdbc.sql("select exists (select 1 from webhooks where enabled)").query(Boolean.class).single();
	}

	boolean delete(String uuid) {
		return this.jdbc.sql("delete from webhooks where uuid = :uuid").param("uuid", uuid).update() > 0;
	}

	/**
	 * Webhooks whose consumer and provider selectors are exactly these names (null: no
	 * selector on that side), for the per-pacticipant collections; {@code anyConsumer}
	 * ignores the consumer side.
	 */
	List<WebhookView> scoped(@Nullable String consumer, @Nullable String provider) {
		StringBuilder where = new StringBuilder("where true");
		if (consumer != null) {
			where.append(" and consumer_name = :consumer");
		}
		if (provider != null) {
			where.append(" and provider_name = :provider");
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(COLUMNS + where + " order by created_at, id");
		if (consumer != null) {
			statement = statement.param("consumer", consumer);
		}
		if (provider != null) {
			statement = statement.param("provider", provider);
		}
		return statement.query(this::row).list();
	}

	/**
	 * The enabled webhooks an event between this consumer and provider triggers: each
	 * side's selector is absent, names the pacticipant, or is one of its labels.
	 */
	List<Triggered> triggeredBy(EventName event, long consumerId, List<String> consumerLabels, long providerId,
			List<String> providerLabels) {
		return this.jdbc.sql("""
				select id, uuid, request::text as request from webhooks
				where enabled and :event = any(events)
				  and ((consumer_id is null and consumer_label is null) or consumer_id = :consumer
				       or consumer_label = any(:consumerLabels::text[]))
				  and ((provider_id is null and provider_label is null) or provider_id = :provider
				       or provider_label = any(:providerLabels::text[]))
				order by id""")
			.param("event", event.value())
			.param("consumer", consumerId)
			.param("consumerLabels", consumerLabels.toArray(String[]::new))
			.param("provider", providerId)
			.param("providerLabels", providerLabels.toArray(String[]::new))
			.query((rs, n) -> new Triggered(rs.getLong("id"), rs.getString("uuid"), request(rs.getString("request"))))
			.list();
	}

	String requestJson(WebhookRequest request) {
		ObjectNode node = this.json.createObjectNode();
		node.put("method", request.method());
		node.put("url", request.url());
		ObjectNode headers = node.putObject("headers");
		request.headers().forEach(headers::put);
		if (request.body() != null) {
			node.set("body", request.body());
		}
		if (request.username() != null) {
			node.put("username", request.username());
		}
		if (request.password() != null) {
			node.put("password", request.password());
		}
		return this.json.writeValueAsString(node);
	}

	WebhookRequest request(String text) {
		JsonNode node = this.json.readTree(text);
		Map<String, String> headers = new LinkedHashMap<>();
		node.path("headers").properties().forEach((entry) -> headers.put(entry.getKey(), entry.getValue().asString()));
		JsonNode body = node.get("body");
		return new WebhookRequest(node.path("method").asString(), node.path("url").asString(), headers,
				(body == null || body.isNull()) ? null : body, text(node, "username"), text(node, "password"));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private WebhookView row(ResultSet rs, int n) throws SQLException {
		Array array = rs.getArray("events");
		List<EventName> events = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			EventName.of((String) value).ifPresent(events::add);
		}
		return new WebhookView(rs.getString("uuid"), rs.getString("description"),
				selector(rs.getString("consumer_name"), rs.getString("consumer_label")),
				selector(rs.getString("provider_name"), rs.getString("provider_label")), rs.getBoolean("enabled"),
				events, request(rs.getString("request")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static @Nullable PacticipantSelector selector(@Nullable String name, @Nullable String label) {
		return (name == null && label == null) ? null : new PacticipantSelector(name, label);
	}

	/**
	 * A webhook an event triggers.
	 *
	 * @param id its row
	 * @param uuid its uuid
	 * @param request its request template
	 */
	record Triggered(long id, String uuid, WebhookRequest request) {
	}

}
