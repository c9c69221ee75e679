package io.concordat.publication.contract;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hashes that identify an interaction ({@code _id}) and a pact's content
 * ({@code sha}) whatever the formatting, key order or interaction order.
 */
final class ContentIdentity {

	private ContentIdentity() {
	}

	/** The interaction with keys sorted recursively and its {@code _id} dropped. */
	static String canonicalInteraction(JsonNode interaction) {
		if (interaction.isObject() && interaction.has("_id")) {
			ObjectNode copy = ((ObjectNode) interaction).deepCopy();
			copy.remove("_id");
			return Json.canonical(copy);
		}
		return Json.canonical(interaction);
	}

	/** SHA-1 (hex) of {@link #canonicalInteraction}. */
	static String interactionId(JsonNode interaction) {
		return Json.sha1Hex(canonicalInteraction(interaction));
	}

	/**
	 * SHA-256 (hex) of {@code {"interactions": [...], "messages": [...],
	 * "pact_specification_version": ...}}, each array in canonical order, or of the whole
	 * canonical document when it has neither array.
	 * @param document the pact
	 * @param specificationVersion the version it declares
	 * @param interactions the canonical {@code interactions}, {@code null} when absent
	 * @param messages the canonical {@code messages}, {@code null} when absent
	 */
	static String sha(JsonNode document, String specificationVersion, @Nullable List<String> interactions,
			@Nullable List<String> messages) {
		if (interactions == null && messages == null) {
			return Json.sha256Hex(Json.canonical(document));
		}
		StringBuilder content = new StringBuilder("{");
		if (interactions != null) {
			content.append("\"interactions\":").append(sortedArray(interactions)).append(',');
		}
		if (messages != null) {
			content.append("\"messages\":").append(sortedArray(messages)).append(',');
		}
		content.append("\"pact_specification_version\":")
			.append(Json.compact(Json.string(specificationVersion)))
			.append('}');
		return Json.sha256Hex(content.toString());
	}

	private static String sortedArray(List<String> elements) {
		List<String> sorted = new ArrayList<>(elements);
		sorted.sort(null);
		return "[" + String.join(",", sorted) + "]";
	}

}
