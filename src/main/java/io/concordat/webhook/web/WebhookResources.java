package io.concordat.webhook.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.web.Link;
import io.concordat.web.Links;
import io.concordat.web.Timestamps;
import io.concordat.webhook.Attempt;
import io.concordat.webhook.EventName;
import io.concordat.webhook.PacticipantSelector;
import io.concordat.webhook.Redaction;
import io.concordat.webhook.TriggeredWebhookView;
import io.concordat.webhook.WebhookStatus;
import io.concordat.webhook.WebhookRequest;
import io.concordat.webhook.WebhookView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The Pact Broker's HAL shapes for webhooks, triggered webhooks and test executions.
 * Credentials are redacted here, in the only place a webhook is rendered.
 */
@Component
class WebhookResources {

	private final Links links;

	WebhookResources(Links links) {
		this.links = links;
	}

	String href(String uuid) {
		return this.links.href("webhooks", uuid);
	}

	Map<String, Object> webhook(WebhookView webhook) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("uuid", webhook.uuid());
		if (webhook.description() != null) {
			body.put("description", webhook.description());
		}
		if (webhook.consumer() != null) {
			body.put("consumer", selector(webhook.consumer()));
		}
		if (webhook.provider() != null) {
			body.put("provider", selector(webhook.provider()));
		}
		body.put("enabled", webhook.enabled());
		body.put("request", request(Redaction.of(webhook.request())));
		body.put("events", events(webhook.events()));
		body.put("createdAt", Timestamps.format(webhook.createdAt()));
		if (!webhook.updatedAt().equals(webhook.createdAt())) {
			body.put("updatedAt", Timestamps.format(webhook.updatedAt()));
		}
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(href(webhook.uuid()), title(webhook)));
		rels.put("pb:execute", Link.to(href(webhook.uuid()) + "/execute",
				"Test the execution of the webhook with the latest matching pact or verification by sending a POST request to this URL"));
		String consumer = (webhook.consumer() != null) ? webhook.consumer().name() : null;
		String provider = (webhook.provider() != null) ? webhook.provider().name() : null;
		if (consumer != null) {
			rels.put("pb:consumer", Link.to(this.links.href("pacticipants", consumer), "Consumer", consumer));
		}
		if (provider != null) {
			rels.put("pb:provider", Link.to(this.links.href("pacticipants", provider), "Provider", provider));
		}
		if (consumer != null && provider != null) {
			rels.put("pb:pact-webhooks",
					Link.to(this.links.href("webhooks", "provider", provider, "consumer", consumer),
							"All webhooks for consumer " + consumer + " and provider " + provider));
		}
		rels.put("pb:webhooks", Link.to(this.links.href("webhooks"), "All webhooks"));
		body.put("_links", rels);
		return body;
	}

	Map<String, Object> collection(String self, List<WebhookView> webhooks) {
		List<Link> entries = new ArrayList<>();
		for (WebhookView webhook : webhooks) {
			entries.add(Link.to(href(webhook.uuid()), title(webhook), webhook.description()));
		}
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(self, "Webhooks"));
		rels.put("pb:create", Link.to(self, "POST to create a webhook"));
		rels.put("pb:webhooks", entries);
		return Map.of("_links", rels);
	}

	Map<String, Object> execution(Attempt attempt) {
		Map<String, Object> body = new LinkedHashMap<>();
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("headers", attempt.request().getOrDefault("headers", Map.of()));
		if (attempt.request().containsKey("body")) {
			request.put("body", attempt.request().get("body"));
		}
		request.put("url", attempt.request().get("url"));
		body.put("request", request);
		if (attempt.status() != null) {
			Map<String, Object> response = new LinkedHashMap<>();
			response.put("status", attempt.status());
			Map<String, String> headers = new LinkedHashMap<>();
			if (attempt.responseHeaders() != null) {
				attempt.responseHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
			}
			response.put("headers", headers);
			response.put("body", attempt.responseBody());
			body.put("response", response);
		}
		if (attempt.error() != null) {
			body.put("error", Map.of("message", attempt.error()));
		}
		body.put("logs", attempt.logs());
		body.put("success", attempt.success());
		body.put("_links", Map.of());
		return body;
	}

	Map<String, Object> triggered(String self, String title, List<TriggeredWebhookView> triggered) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (TriggeredWebhookView delivery : triggered) {
			entries.add(triggered(delivery));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("_embedded", Map.of("triggeredWebhooks", entries));
		body.put("_links", Map.of("self", Link.to(self, title)));
		return body;
	}

	/**
	 * {@code /pacts/provider/{p}/consumer/{c}/webhooks/status}: a summary by outcome of
	 * each webhook's latest delivery, the deliveries, and the logs of those that failed.
	 */
	Map<String, Object> status(String self, String provider, String consumer, WebhookStatus status) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("successful", status.count("success"));
		summary.put("failed", status.count("failure"));
		summary.put("retrying", status.count("retrying"));
		summary.put("notRun", status.count("not_run"));
		List<Map<String, Object>> entries = new ArrayList<>();
		List<Link> errorLogs = new ArrayList<>();
		for (TriggeredWebhookView delivery : status.latest()) {
			entries.add(triggered(delivery));
			if (delivery.status().equals("failure") || delivery.status().equals("retrying")) {
				errorLogs.add(Link.to(this.links.href("triggered-webhooks", delivery.uuid(), "logs"), "Error logs",
						name(delivery)));
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("summary", summary);
		body.put("_embedded", Map.of("triggeredWebhooks", entries));
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(self, "Webhooks status"));
		rels.put("pb:error-logs", errorLogs);
		rels.put("pb:pact-webhooks",
				Link.to(this.links.href("pacts", "provider", provider, "consumer", consumer, "webhooks"),
						"Webhooks for the pact between " + consumer + " and " + provider));
		rels.put("pb:consumer", Link.to(this.links.href("pacticipants", consumer), "Consumer", consumer));
		rels.put("pb:provider", Link.to(this.links.href("pacticipants", provider), "Provider", provider));
		body.put("_links", rels);
		return body;
	}

	private Map<String, Object> triggered(TriggeredWebhookView delivery) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name(delivery));
		body.put("status", delivery.status());
		body.put("attemptsMade", delivery.attemptsMade());
		body.put("attemptsRemaining", delivery.attemptsRemaining());
		body.put("triggerType", "resource_creation");
		body.put("eventName", delivery.eventName());
		body.put("triggeredAt", Timestamps.format(delivery.triggeredAt()));
		String logs = this.links.href("triggered-webhooks", delivery.uuid(), "logs");
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("pb:logs", Link.to(logs, "Webhook execution logs", name(delivery)));
		rels.put("logs", Link.to(logs, "DEPRECATED - Use pb:logs", name(delivery)));
		rels.put("pb:webhook", Link.to(href(delivery.webhookUuid()), "Webhook"));
		body.put("_links", rels);
		return body;
	}

	private static String name(TriggeredWebhookView delivery) {
		if (delivery.method() == null || delivery.url() == null) {
			return "(deleted webhook)";
		}
		String host = delivery.url().replaceFirst("^[A-Za-z]+://", "").replaceFirst("[/?#].*$", "");
		return delivery.method() + " " + host;
	}

	private static String title(WebhookView webhook) {
		return (webhook.description() != null) ? webhook.description() : "Webhook " + webhook.uuid();
	}

	private static Map<String, String> selector(PacticipantSelector selector) {
		return (selector.name() != null) ? Map.of("name", selector.name())
				: Map.of("label", String.valueOf(selector.label()));
	}

	private static List<Map<String, String>> events(List<EventName> events) {
		return events.stream().map((event) -> Map.of("name", event.value())).toList();
	}

	private static Map<String, Object> request(WebhookRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("method", request.method());
		body.put("url", request.url());
		if (!request.headers().isEmpty()) {
			body.put("headers", request.headers());
		}
		putIfPresent(body, "body", request.body());
		putIfPresent(body, "username", request.username());
		putIfPresent(body, "password", request.password());
		return body;
	}

	private static void putIfPresent(Map<String, Object> body, String key, @Nullable Object value) {
		if (value != null) {
			body.put(key, value);
		}
	}

}
