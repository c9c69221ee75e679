package io.concordat.publication.contract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Reads one element of {@code interactions} or {@code messages}, recording what is wrong
 * with it as problems named after the part at fault.
 */
final class InteractionReader {

	private record HttpLine(@Nullable String method, @Nullable String path, @Nullable Integer status) {
	}

	private final boolean v4Document;

	private final List<String> problems;

	/**
	 * @param v4Document whether the document declares specification 4 or later, whose
	 * bodies are {@code {"content": ..., "contentType": ..., "encoded": ...}} objects
	 * @param problems where problems are added
	 */
	InteractionReader(boolean v4Document, List<String> problems) {
		this.v4Document = v4Document;
		this.problems = problems;
	}

	/**
	 * @param element the interaction or message
	 * @param location how problems name it, e.g. {@code interactions[2]}
	 * @param position its index in the document
	 * @param interactionId its {@code _id}
	 * @param message whether it comes from the v3 {@code messages} array
	 * @return the interaction, or {@code null} when it has problems
	 */
	@Nullable ContractInteraction read(JsonNode element, String location, int position, String interactionId, boolean message) {
		if (!element.isObject()) {
			this.problems.add(location + " must be an object");
			return null;
		}
		int problemsBefore = this.problems.size();
		@Nullable InteractionKind kind = message ? InteractionKind.ASYNCHRONOUS_MESSAGE : kind(element, location);
		String description = description(element, location);
		List<ProviderState> providerStates = providerStates(element, location);
		boolean v4Bodies = this.v4Document || element.has("type");
		List<MatchingRule> rules = new ArrayList<>();
		List<ContractField> fields = new ArrayList<>();
		HttpLine line = new HttpLine(null, null, null);
		if (kind == InteractionKind.HTTP) {
			line = http(element, location, v4Bodies, rules, fields);
		}
		else if (kind == InteractionKind.ASYNCHRONOUS_MESSAGE) {
			contents(element, FieldDirection.READS, v4Bodies, rules, fields);
		}
		else if (kind == InteractionKind.SYNCHRONOUS_MESSAGE) {
			synchronousMessage(element, location, v4Bodies, rules, fields);
		}
		if (kind == null || this.problems.size() > problemsBefore) {
			return null;
		}
		JsonNode pending = element.get("pending");
		return new ContractInteraction(position, interactionId, kind, description, providerStates, line.method(),
				line.path(), line.status(), pending != null && pending.isBoolean() && pending.booleanValue(),
				List.copyOf(rules), List.copyOf(fields));
	}

	private @Nullable InteractionKind kind(JsonNode interaction, String location) {
		JsonNode type = interaction.get("type");
		if (type == null || type.isNull()) {
			return InteractionKind.HTTP;
		}
		if (!type.isString()) {
			this.problems.add(location + ".type must be a string");
			return null;
		}
		String name = type.stringValue().trim();
		if (name.equalsIgnoreCase("Synchronous/HTTP")) {
			return InteractionKind.HTTP;
		}
		if (name.equalsIgnoreCase("Asynchronous/Messages")) {
			return InteractionKind.ASYNCHRONOUS_MESSAGE;
		}
		if (name.equalsIgnoreCase("Synchronous/Messages")) {
			return InteractionKind.SYNCHRONOUS_MESSAGE;
		}
		this.problems.add(location + ".type '" + name
				+ "' is not one of Synchronous/HTTP, Asynchronous/Messages, Synchronous/Messages");
		return null;
	}

	private String description(JsonNode interaction, String location) {
		JsonNode description = interaction.get("description");
		if (description == null || description.isNull()) {
			this.problems.add(location + ".description is missing");
			return "";
		}
		if (!description.isString()) {
			this.problems.add(location + ".description must be a string");
			return "";
		}
		return description.stringValue();
	}

	private List<ProviderState> providerStates(JsonNode interaction, String location) {
		JsonNode states = interaction.get("providerStates");
		if (states != null && !states.isNull()) {
			return providerStateList(states, location + ".providerStates");
		}
		// v1 and v2 name a single state; early pacts spelled it provider_state
		String key = interaction.has("providerState") ? "providerState" : "provider_state";
		JsonNode state = interaction.get(key);
		if (state == null || state.isNull()) {
			return List.of();
		}
		if (!state.isString()) {
			this.problems.add(location + "." + key + " must be a string");
			return List.of();
		}
		return state.stringValue().isBlank() ? List.of() : List.of(new ProviderState(state.stringValue(), Map.of()));
	}

	private List<ProviderState> providerStateList(JsonNode states, String location) {
		if (!states.isArray()) {
			this.problems.add(location + " must be an array");
			return List.of();
		}
		List<ProviderState> result = new ArrayList<>();
		for (int i = 0; i < states.size(); i++) {
			JsonNode state = states.get(i);
			String at = location + "[" + i + "]";
			if (state.isString()) {
				result.add(new ProviderState(state.stringValue(), Map.of()));
			}
			else if (!state.isObject()) {
				this.problems.add(at + " must be an object");
			}
			else {
				ProviderState providerState = providerState(state, at);
				if (providerState != null) {
					result.add(providerState);
				}
			}
		}
		return List.copyOf(result);
	}

	private @Nullable ProviderState providerState(JsonNode state, String at) {
		JsonNode name = state.get("name");
		JsonNode params = state.get("params");
		if (name == null || name.isNull()) {
			this.problems.add(at + ".name is missing");
			return null;
		}
		if (!name.isString()) {
			this.problems.add(at + ".name must be a string");
			return null;
		}
		if (params != null && !params.isNull() && !params.isObject()) {
			this.problems.add(at + ".params must be an object");
			return null;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> values = (params != null && params.isObject()) ? (Map<String, Object>) Json.plain(params)
				: Map.of();
		return new ProviderState(name.stringValue(), values);
	}

	private HttpLine http(JsonNode interaction, String location, boolean v4Bodies, List<MatchingRule> rules,
			List<ContractField> fields) {
		JsonNode request = requiredObject(interaction, "request", location);
		JsonNode response = requiredObject(interaction, "response", location);
		String method = null;
		String path = null;
		Integer status = null;
		if (request != null) {
			String at = location + ".request";
			List<MatchingRule> requestRules = MatchingRuleReader.read(request.get("matchingRules"),
					FieldDirection.SENDS);
			rules.addAll(requestRules);
			FieldCollector sends = new FieldCollector(FieldDirection.SENDS, requestRules, fields);
			method = method(request, at);
			path = path(request, at);
			if (method != null) {
				sends.value("method", Json.string(method));
			}
			if (path != null) {
				sends.value("path", Json.string(path));
			}
			query(request.get("query"), at, sends);
			headers(request.get("headers"), at, sends);
			sends.body(Bodies.content(request.get("body"), v4Bodies));
		}
		if (response != null) {
			String at = location + ".response";
			List<MatchingRule> responseRules = MatchingRuleReader.read(response.get("matchingRules"),
					FieldDirection.READS);
			rules.addAll(responseRules);
			FieldCollector reads = new FieldCollector(FieldDirection.READS, responseRules, fields);
			status = status(response, at);
			if (status != null) {
				reads.value("status", Json.MAPPER.getNodeFactory().numberNode(status));
			}
			headers(response.get("headers"), at, reads);
			reads.body(Bodies.content(response.get("body"), v4Bodies));
		}
		return new HttpLine(method, path, status);
	}

	private @Nullable String method(JsonNode request, String at) {
		JsonNode method = request.get("method");
		if (method == null || method.isNull() || (method.isString() && method.stringValue().isBlank())) {
			this.problems.add(at + ".method is missing");
			return null;
		}
		if (!method.isString()) {
			this.problems.add(at + ".method must be a string");
			return null;
		}
		// Pact compares methods case-insensitively; v1 pacts often wrote them in lower
		// case
		return method.stringValue().trim().toUpperCase(Locale.ROOT);
	}

	private @Nullable String path(JsonNode request, String at) {
		JsonNode path = request.get("path");
		if (path == null || path.isNull()) {
			return "/";
		}
		if (!path.isString()) {
			this.problems.add(at + ".path must be a string");
			return null;
		}
		return path.stringValue();
	}

	private @Nullable Integer status(JsonNode response, String at) {
		JsonNode status = response.get("status");
		if (status == null || status.isNull()) {
			return 200;
		}
		if (status.isIntegralNumber() && status.canConvertToInt()) {
			return status.intValue();
		}
		if (status.isString() && status.stringValue().trim().matches("\\d{1,9}")) {
			return Integer.parseInt(status.stringValue().trim());
		}
		this.problems.add(at + ".status must be an integer");
		return null;
	}

	private void query(@Nullable JsonNode query, String at, FieldCollector sends) {
		if (query == null || query.isNull()) {
			return;
		}
		Map<String, List<String>> parameters;
		if (query.isString()) {
			parameters = parseQuery(query.stringValue());
		}
		else if (query.isObject()) {
			parameters = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> parameter : query.properties()) {
				parameters.put(parameter.getKey(), values(parameter.getValue()));
			}
		}
		else {
			this.problems.add(at + ".query must be a string or an object");
			return;
		}
		parameters.forEach((name, values) -> sends.named("query", name, queryValue(values)));
	}

	/** A v1/v2 query string: {@code a=1&b=x%20y&a=2}. */
	private static Map<String, List<String>> parseQuery(String query) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		String text = query.startsWith("?") ? query.substring(1) : query;
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private static List<String> values(JsonNode value) {
		List<String> values = new ArrayList<>();
		if (value.isArray()) {
			value.forEach((element) -> values.add(scalarText(element)));
		}
		else if (!value.isNull()) {
			values.add(scalarText(value));
		}
		return values;
	}

	private static String scalarText(JsonNode node) {
		if (node.isNull()) {
			return "";
		}
		return node.isContainer() ? Json.compact(node) : node.asString();
	}

	/** One value as a string; a repeated parameter as the array of its values. */
	private static JsonNode queryValue(List<String> values) {
		if (values.size() == 1) {
			return Json.string(values.get(0));
		}
		ArrayNode array = Json.MAPPER.createArrayNode();
		values.forEach(array::add);
		return array;
	}

	private void headers(@Nullable JsonNode headers, String at, FieldCollector side) {
		if (headers == null || headers.isNull()) {
			return;
		}
		if (!headers.isObject()) {
			this.problems.add(at + ".headers must be an object");
			return;
		}
		for (Map.Entry<String, JsonNode> header : headers.properties()) {
			JsonNode value = header.getValue();
			// v4 splits header values into a list; HTTP joins them with commas
			side.named("header", header.getKey(),
					value.isArray() ? Json.string(String.join(", ", values(value))) : value);
		}
	}

	private void synchronousMessage(JsonNode interaction, String location, boolean v4Bodies, List<MatchingRule> rules,
			List<ContractField> fields) {
		JsonNode request = requiredObject(interaction, "request", location);
		if (request != null) {
			contents(request, FieldDirection.SENDS, v4Bodies, rules, fields);
		}
		JsonNode responses = interaction.get("response");
		if (responses == null || responses.isNull()) {
			return;
		}
		if (!responses.isArray()) {
			this.problems.add(location + ".response must be an array");
			return;
		}
		for (int i = 0; i < responses.size(); i++) {
			JsonNode response = responses.get(i);
			if (response.isObject()) {
				contents(response, FieldDirection.READS, v4Bodies, rules, fields);
			}
			else {
				this.problems.add(location + ".response[" + i + "] must be an object");
			}
		}
	}

	/** A message, or one request or response of a synchronous message. */
	private void contents(JsonNode message, FieldDirection direction, boolean v4Bodies, List<MatchingRule> rules,
			List<ContractField> fields) {
		List<MatchingRule> own = MatchingRuleReader.read(message.get("matchingRules"), direction);
		rules.addAll(own);
		FieldCollector side = new FieldCollector(direction, own, fields);
		side.body(Bodies.content(message.get("contents"), v4Bodies));
		// v3 wrote metaData, v4 metadata
		JsonNode metadata = message.has("metadata") ? message.get("metadata") : message.get("metaData");
		if (metadata != null && metadata.isObject()) {
			for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
				side.named("metadata", entry.getKey(), entry.getValue());
			}
		}
	}

	private @Nullable JsonNode requiredObject(JsonNode parent, String name, String location) {
		JsonNode value = parent.get(name);
		if (value == null || value.isNull()) {
			this.problems.add(location + "." + name + " is missing");
			return null;
		}
		if (!value.isObject()) {
			this.problems.add(location + "." + name + " must be an object");
			return null;
		}
		return value;
	}

}
