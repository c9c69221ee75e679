package io.concordat.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Validation failures, each naming the field (and, for list items, the index) it is
 * about. Rendered as the Pact Broker's {@code {"errors": {"field": ["msg (at index
 * N)"]}}} or as problem+json with a JSON pointer.
 */
public final class FieldErrors {

	private final List<FieldError> errors = new ArrayList<>();

	public FieldErrors add(String field, String message) {
		this.errors.add(new FieldError(field, null, message));
		return this;
	}

	public FieldErrors add(String field, int index, String message) {
		this.errors.add(new FieldError(field, index, message));
		return this;
	}

	public boolean isEmpty() {
		return this.errors.isEmpty();
	}

	public List<FieldError> all() {
		return List.copyOf(this.errors);
	}

	/** Throws a 400 naming every collected problem, if there is any. */
	public void throwIfAny() {
		if (!isEmpty()) {
			throw new InvalidRequestException(this);
		}
	}

	/**
	 * The legacy shape: messages grouped by field, list items suffixed with their index.
	 */
	public Map<String, List<String>> byField() {
		Map<String, List<String>> grouped = new LinkedHashMap<>();
		for (FieldError error : this.errors) {
			String message = (error.index() != null) ? error.message() + " (at index " + error.index() + ")"
					: error.message();
			grouped.computeIfAbsent(error.field(), (key) -> new ArrayList<>()).add(message);
		}
		return grouped;
	}

	@Override
	public String toString() {
		return byField().toString();
	}

	/**
	 * @param field the body property, dotted for nested ones ({@code request.url})
	 * @param index the position in a list property, if the problem is about one item
	 * @param message what is wrong, in the Pact Broker's words where it has them
	 */
	public record FieldError(String field, @Nullable Integer index, String message) {

		public String pointer() {
			String pointer = "/" + this.field.replace(".", "/");
			return (this.index != null) ? pointer + "/" + this.index : pointer;
		}

	}

}
