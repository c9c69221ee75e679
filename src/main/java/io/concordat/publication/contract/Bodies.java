package io.concordat.publication.contract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns a body (or message contents) into the JSON whose fields the consumer relies on.
 */
final class Bodies {

	private static final Set<String> V4_BODY_KEYS = Set.of("content", "contentType", "encoded", "contentTypeHint");

	private Bodies() {
	}

	/**
	 * @param body the {@code body} or {@code contents} as written, {@code null} when
	 * absent
	 * @param v4 whether v4 body objects ({@code {"content": ..., "contentType": ...,
	 * "encoded": ...}}) are expected
	 * @return the JSON to walk, a string for content that is not JSON (text, XML, encoded
	 * bytes), or {@code null} when there is no body
	 */
	static @Nullable JsonNode content(@Nullable JsonNode body, boolean v4) {
		if (body == null || body.isMissingNode()) {
			return null;
		}
		if (!v4 || !isV4Body(body)) {
			return (v4 && body.isNull()) ? null : body;
		}
		JsonNode content = body.get("content");
		if (content == null) {
			return null;
		}
		JsonNode encoded = body.get("encoded");
		String contentType = Json.text(body, "contentType");
		if (encoded != null && encoded.isString() && encoded.stringValue().trim().equalsIgnoreCase("json")) {
			if (!content.isString()) {
				return content;
			}
			JsonNode parsed = Json.tryRead(content.stringValue());
			return (parsed != null) ? parsed : content;
		}
		boolean notEncoded = encoded == null || encoded.isNull() || (encoded.isBoolean() && !encoded.booleanValue());
		if (notEncoded && (contentType == null || isJson(contentType))) {
			return content;
		}
		return content.isString() ? content : Json.string(Json.compact(content));
	}

	private static boolean isV4Body(JsonNode body) {
		if (!body.isObject() || body.isEmpty()) {
			return false;
		}
		for (Map.Entry<String, JsonNode> property : body.properties()) {
			if (!V4_BODY_KEYS.contains(property.getKey())) {
				return false;
			}
		}
		return true;
	}

	/** {@code application/json}, {@code application/hal+json;charset=utf-8}, ... */
	private static boolean isJson(String contentType) {
		int semicolon = contentType.indexOf(';');
		String mediaType = ((semicolon >= 0) ? contentType.substring(0, semicolon) : contentType).trim()
			.toLowerCase(Locale.ROOT);
		return mediaType.endsWith("json") && mediaType.indexOf('/') > 0;
	}

}
