package io.concordat.publication.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Operations on stored pact documents: what the Pact Broker adds when serving them, how
 * it merges a pact published again with {@code PATCH}, and how it shows a rejected
 * change.
 */
public final class PactContent {

	private static final List<String> INTERACTION_ARRAYS = List.of("interactions", "messages");

	private static final List<String> REQUEST_PROPERTIES = List.of("method", "path", "query", "headers", "body");

	private static final int DIFF_CONTEXT = 2;

	private static final int DIFF_MAX_LINES = 200;

	private PactContent() {
	}

	/**
	 * The document with each interaction and message given its {@code _id} as its first
	 * key, as the Pact Broker serves pacts; everything else keeps its order.
	 * @param json a pact
	 * @return the pact, compact
	 * @throws InvalidPactException when the text is not a JSON object
	 */
	public static String withInteractionIds(String json) {
		ObjectNode document = Json.readObject(json);
		for (String key : INTERACTION_ARRAYS) {
			JsonNode array = document.get(key);
			if (array instanceof ArrayNode elements) {
				for (int i = 0; i < elements.size(); i++) {
					if (elements.get(i) instanceof ObjectNode interaction) {
						elements.set(i, withId(interaction));
					}
				}
			}
		}
		return Json.compact(document);
	}

	private static ObjectNode withId(ObjectNode interaction) {
		ObjectNode result = Json.newObject();
		result.put("_id", ContentIdentity.interactionId(interaction));
		for (Map.Entry<String, JsonNode> property : interaction.properties()) {
			if (!property.getKey().equals("_id")) {
				result.set(property.getKey(), property.getValue());
			}
		}
		return result;
	}

	/**
	 * Merges the interactions and messages of {@code newJson} into {@code existingJson}:
	 * one with the same description and provider states replaces the existing one, any
	 * other is appended. The rest of the existing document is kept.
	 * @param existingJson the pact already published
	 * @param newJson the pact published again
	 * @return the merged pact and the interactions whose request changed
	 * @throws InvalidPactException when either text is not a JSON object
	 */
	public static MergeResult merge(String existingJson, String newJson) {
		ObjectNode existing = Json.readObject(existingJson);
		ObjectNode incoming = Json.readObject(newJson);
		List<String> conflicts = new ArrayList<>();
		for (String key : INTERACTION_ARRAYS) {
			if (!(incoming.get(key) instanceof ArrayNode additions)) {
				continue;
			}
			ArrayNode merged = (existing.get(key) instanceof ArrayNode current) ? current : existing.putArray(key);
			for (JsonNode addition : additions) {
				int index = indexOfSameInteraction(merged, addition);
				if (index < 0) {
					merged.add(addition);
					continue;
				}
				String conflict = conflict(merged.get(index), addition);
				if (conflict != null) {
					conflicts.add(conflict);
				}
				merged.set(index, addition);
			}
		}
		return new MergeResult(Json.compact(existing), conflicts);
	}

	private static int indexOfSameInteraction(ArrayNode interactions, JsonNode interaction) {
		if (!interaction.isObject()) {
			return -1;
		}
		JsonNode states = providerStates(interaction);
		for (int i = 0; i < interactions.size(); i++) {
			JsonNode candidate = interactions.get(i);
			if (candidate.isObject() && Objects.equals(candidate.get("description"), interaction.get("description"))
					&& providerStates(candidate).equals(states)) {
				return i;
			}
		}
		return -1;
	}

	/** {@code providerState} and {@code providerStates} in one comparable shape. */
	private static ArrayNode providerStates(JsonNode interaction) {
		ArrayNode result = Json.MAPPER.createArrayNode();
		JsonNode states = interaction.get("providerStates");
		if (states != null && states.isArray()) {
			for (JsonNode state : states) {
				JsonNode name = state.isObject() ? state.get("name") : state;
				if (name == null) {
					name = Json.MAPPER.getNodeFactory().nullNode();
				}
				JsonNode params = state.path("params");
				result.addObject().set("name", name).set("params", params.isObject() ? params : Json.newObject());
			}
			return result;
		}
		JsonNode state = interaction.get("providerState");
		if (state != null && state.isString() && !state.stringValue().isBlank()) {
			result.addObject().set("name", state).set("params", Json.newObject());
		}
		return result;
	}

	private static @Nullable String conflict(JsonNode existing, JsonNode incoming) {
		JsonNode before = existing.path("request");
		JsonNode after = incoming.path("request");
		List<String> changed = new ArrayList<>();
		for (String property : REQUEST_PROPERTIES) {
			if (!Objects.equals(before.get(property), after.get(property))) {
				changed.add(property);
			}
		}
		if (changed.isEmpty()) {
			return null;
		}
		StringBuilder description = new StringBuilder("the interaction ").append(text(incoming.get("description")));
		List<String> states = new ArrayList<>();
		providerStates(incoming).forEach((state) -> states.add(text(state.get("name"))));
		if (!states.isEmpty()) {
			description.append(" given ").append(String.join(" and ", states));
		}
		return description.append(" has a different request ").append(String.join(", ", changed)).toString();
	}

	private static String text(@Nullable JsonNode node) {
		return (node == null) ? "\"\"" : Json.compact(node);
	}

	/**
	 * A short line diff of the two documents, each pretty-printed with sorted keys:
	 * {@code @@ -a,b +c,d @@} hunks of {@code -} removed, {@code +} added and unchanged
	 * context lines.
	 * @param oldJson the earlier document
	 * @param newJson the later document
	 * @return the diff, empty when the documents have the same content
	 */
	public static String diff(String oldJson, String newJson) {
		return LineDiff.diff(lines(oldJson), lines(newJson), DIFF_CONTEXT, DIFF_MAX_LINES);
	}

	private static List<String> lines(String json) {
		JsonNode node = Json.tryRead(json);
		if (node == null) {
			return List.of(json.split("\n", -1));
		}
		StringBuilder out = new StringBuilder();
		pretty(node, "", out);
		return List.of(out.toString().split("\n"));
	}

	/** One value per line, so that a diff points at the value that changed. */
	private static void pretty(JsonNode node, String indent, StringBuilder out) {
		String inner = indent + "  ";
		if (node.isObject() && !node.isEmpty()) {
			List<String> names = new ArrayList<>(node.propertyNames());
			names.sort(null);
			out.append("{\n");
			for (int i = 0; i < names.size(); i++) {
				out.append(inner).append(Json.compact(Json.string(names.get(i)))).append(": ");
				pretty(node.get(names.get(i)), inner, out);
				out.append((i < names.size() - 1) ? ",\n" : "\n");
			}
			out.append(indent).append('}');
		}
		else if (node.isArray() && !node.isEmpty()) {
			out.append("[\n");
			for (int i = 0; i < node.size(); i++) {
				out.append(inner);
				pretty(node.get(i), inner, out);
				out.append((i < node.size() - 1) ? ",\n" : "\n");
			}
			out.append(indent).append(']');
		}
		else {
			out.append(Json.compact(node));
		}
	}

}
