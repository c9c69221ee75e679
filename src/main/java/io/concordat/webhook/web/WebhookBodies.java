package io.concordat.webhook.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.concordat.web.FieldErrors;
import io.concordat.web.JsonBodies;
import io.concordat.webhook.EventName;
import io.concordat.webhook.PacticipantSelector;
import io.concordat.webhook.SaveWebhook;
import io.concordat.webhook.WebhookRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a webhook body into a {@link SaveWebhook}, reporting every problem with the Pact
 * Broker's dotted field names ({@code request.url}, {@code consumer.name}). As there,
 * {@code events} defaults to {@code contract_content_changed} and {@code enabled} to
 * true.
 */
final class WebhookBodies {

	private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

	private WebhookBodies() {
	}

	static SaveWebhook read(@Nullable JsonNode body, @Nullable PacticipantSelector consumerFromPath,
			@Nullable PacticipantSelector providerFromPath) {
		JsonNode object = JsonBodies.object(body);
		FieldErrors errors = new FieldErrors();
		String description = JsonBodies.string(object, "description", errors);
		PacticipantSelector consumer = (consumerFromPath != null) ? consumerFromPath
				: selector(object, "consumer", errors);
		PacticipantSelector provider = (providerFromPath != null) ? providerFromPath
				: selector(object, "provider", errors);
		boolean enabled = true;
		JsonNode enabledNode = object.get("enabled");
		if (enabledNode != null && !enabledNode.isNull()) {
			if (enabledNode.isBoolean()) {
				enabled = enabledNode.asBoolean();
			}
			else {
				errors.add("enabled", "must be one of: true, false");
			}
		}
		List<EventName> events = events(object, errors);
		WebhookRequest request = request(object, errors);
		errors.throwIfAny();
		return new SaveWebhook(description, consumer, provider, enabled, events, request);
	}

	private static @Nullable PacticipantSelector selector(JsonNode body, String field, FieldErrors errors) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			errors.add(field, "must be an object with a name or a label");
			return null;
		}
		String name = JsonBodies.string(node, "name", new FieldErrors());
		String label = JsonBodies.string(node, "label", new FieldErrors());
		if (name != null && label != null) {
			errors.add(field, "cannot specify both a name and a label");
			return null;
		}
		if (name == null && label == null) {
			errors.add(field + ".name", "must be filled, or a label given instead");
			return null;
		}
		if ((name != null && name.isBlank()) || (label != null && label.isBlank())) {
			errors.add(field + ((name != null) ? ".name" : ".label"), "must be filled");
			return null;
		}
		return new PacticipantSelector(name, label);
	}

	private static List<EventName> events(JsonNode body, FieldErrors errors) {
		JsonNode node = body.get("events");
		if (node == null || node.isNull()) {
			return List.of(EventName.CONTRACT_CONTENT_CHANGED);
		}
		if (!node.isArray() || node.isEmpty()) {
			errors.add("events", "must contain at least one event");
			return List.of();
		}
		List<EventName> events = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode name = node.get(i).path("name");
			Optional<EventName> event = name.isString() ? EventName.of(name.asString()) : Optional.empty();
			if (event.isPresent()) {
				if (!events.contains(event.get())) {
					events.add(event.get());
				}
			}
			else {
				errors.add("events", i, "name must be one of " + String.join(", ",
						java.util.Arrays.stream(EventName.values()).map(EventName::value).toList()));
			}
		}
		return events;
	}

	private static WebhookRequest request(JsonNode body, FieldErrors errors) {
		JsonNode request = body.get("request");
		if (request == null || request.isNull()) {
			errors.add("request", "is missing");
			return new WebhookRequest("POST", "", Map.of(), null, null, null);
		}
		if (!request.isObject()) {
			errors.add("request", "must be an object");
			return new WebhookRequest("POST", "", Map.of(), null, null, null);
		}
		String method = nested(request, "method", errors);
		if (method == null) {
			errors.add("request.method", "is missing");
		}
		else if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
			errors.add("request.method", "must be one of " + String.join(", ", METHODS.stream().sorted().toList()));
		}
		String url = nested(request, "url", errors);
		if (url == null || url.isBlank()) {
			errors.add("request.url", "is missing");
		}
		Map<String, String> headers = new LinkedHashMap<>();
		JsonNode headerNode = request.get("headers");
		if (headerNode != null && !headerNode.isNull()) {
			if (!headerNode.isObject()) {
				errors.add("request.headers", "must be an object");
			}
			else {
				for (Map.Entry<String, JsonNode> header : headerNode.properties()) {
					if (!header.getValue().isValueNode() || header.getValue().isNull()) {
						errors.add("request.headers." + header.getKey(), "must be a string");
						continue;
					}
					// Header names are case-insensitive; the Pact Broker echoes them
					// lower-cased.
					headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().asString());
				}
			}
		}
		JsonNode requestBody = request.get("body");
		String username = nested(request, "username", errors);
		String password = nested(request, "password", errors);
		return new WebhookRequest((method != null) ? method.toUpperCase(Locale.ROOT) : "POST", (url != null) ? url : "",
				headers, (requestBody == null || requestBody.isNull()) ? null : requestBody, username, password);
	}

	private static @Nullable String nested(JsonNode request, String field, FieldErrors errors) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			errors.add("request." + field, "must be a string");
			return null;
		}
		return value.asString();
	}

}
