package io.concordat.pacticipant.web;

import io.concordat.pacticipant.Change;
import io.concordat.web.FieldErrors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON merge-patch (RFC 7396) property: absent means unchanged, {@code null}
 * clears it, a string sets it; anything else is refused naming the field.
 */
final class MergePatch {

	private MergePatch() {
	}

	static @Nullable Change change(JsonNode patch, String field, FieldErrors errors) {
		if (!patch.has(field)) {
			return null;
		}
		JsonNode value = patch.get(field);
		if (value.isNull()) {
			return Change.to(null);
		}
		if (!value.isString()) {
			errors.add(field, "must be a string");
			return null;
		}
		return Change.to(value.asString());
	}

}
