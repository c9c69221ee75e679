package io.concordat.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads request bodies field by field, collecting errors that name the field, so that a
 * bad body gets one 400 listing every problem instead of a deserialisation stack trace.
 */
public final class JsonBodies {

	private JsonBodies() {
	}

	/**
	 * The body as an object; anything else is a 400. A missing body counts as an empty
	 * object.
	 */
	public static JsonNode object(@Nullable JsonNode body) {
		if (body == null || body.isNull() || body.isMissingNode()) {
			return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
		}
		if (!body.isObject()) {
			throw InvalidRequestException.field("body", "must be a JSON object");
		}
		return body;
	}

	/**
	 * A string property, or null when absent or null; a value of another type is
	 * reported.
	 */
	public static @Nullable String string(JsonNode body, String field, FieldErrors errors) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			errors.add(field, "must be a string");
			return null;
		}
		return value.asString();
	}

	/**
	 * A list of strings, or null when absent; non-string items are reported with their
	 * index.
	 */
	public static @Nullable List<String> strings(JsonNode body, String field, FieldErrors errors) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			errors.add(field, "must be an array");
			return null;
		}
		List<String> strings = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			if (value.get(i).isString()) {
				strings.add(value.get(i).asString());
			}
			else {
				errors.add(field, i, "must be a string");
			}
		}
		return strings;
	}

	/**
	 * The top-level properties of a merge patch: present keys map to their value
	 * (strings, numbers, booleans as Java values; null as null), absent keys are absent.
	 */
	public static Map<String, @Nullable Object> mergePatch(@Nullable JsonNode body) {
		JsonNode object = object(body);
		Map<String, @Nullable Object> changes = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			JsonNode value = property.getValue();
			Object plain;
			if (value.isNull()) {
				plain = null;
			}
			else if (value.isString()) {
				plain = value.asString();
			}
			else if (value.isBoolean()) {
				plain = value.asBoolean();
			}
			else if (value.isNumber()) {
				plain = value.numberValue();
			}
			else {
				plain = value;
			}
			changes.put(property.getKey(), plain);
		}
		return changes;
	}

	/**
	 * The JSON pointer of the first key or string holding a NUL character, or null when
	 * there is none: PostgreSQL can store NUL in neither text nor jsonb.
	 */
	public static @Nullable String nulAt(JsonNode node) {
		return nulAt(node, "");
	}

	/** The JSON pointer of the first key or string holding NUL, or null. */
	private static @Nullable String nulAt(JsonNode node, String pointer) {
		if (node.isString()) {
			return (node.asString().indexOf('\0') >= 0) ? pointer : null;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = nulAt(node.get(i), pointer + "/" + i);
				if (found != null) {
					return found;
				}
			}
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String key = property.getKey();
				String here = pointer + "/" + (key.indexOf('\0') >= 0 ? key.replace("\0", "\\u0000") : key);
				if (key.indexOf('\0') >= 0) {
					return here;
				}
				String found = nulAt(property.getValue(), here);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
