package io.concordat.publication.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The concrete path of a value in a body: {@code $.items[0].id}, {@code $['a b']}.
 */
final class FieldPath {

	static final FieldPath ROOT = new FieldPath(Collections.emptyList(), "$");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final List<Object> segments;

	private final String text;

	private FieldPath(List<Object> segments, String text) {
		this.segments = segments;
		this.text = text;
	}

	FieldPath property(String name) {
		String step = IDENTIFIER.matcher(name).matches() ? "." + name
				: "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
		return new FieldPath(append(name), this.text + step);
	}

	FieldPath index(int index) {
		return new FieldPath(append(index), this.text + "[" + index + "]");
	}

	private List<Object> append(Object segment) {
		List<Object> next = new ArrayList<>(this.segments.size() + 1);
		next.addAll(this.segments);
		next.add(segment);
		return Collections.unmodifiableList(next);
	}

	/** Property names and element indexes below the root. */
	List<Object> segments() {
		return this.segments;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
