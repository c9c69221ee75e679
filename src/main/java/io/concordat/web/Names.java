package io.concordat.web;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for every name Concordat stores and looks up: pacticipant names, version
 * numbers, branches, tags, labels, environment names, application instances. It applies
 * alike whether the name arrives in a body or is implied by a path ({@code PUT
 * …/versions/{v}/tags/{t}} creates the version and the tag).
 *
 * <p>
 * A name is at most {@value #MAX_LENGTH} characters, so that it fits the indexes that
 * find it (PostgreSQL refuses an index row over about 2.7 kB), and it is one line of
 * printable text: a control character cannot be shown in a CLI table or a link, and
 * PostgreSQL cannot store NUL at all. {@code .} and {@code ..} are refused because a URL
 * path cannot carry them: clients resolve them away before the request is sent, so the
 * links to such a name would lead elsewhere.
 */
public final class Names {

	public static final int MAX_LENGTH = 255;

	private Names() {
	}

	/**
	 * What is wrong with a name, in words a user can act on.
	 * @return the problem, or null for an acceptable name
	 */
	public static @Nullable String problem(String name) {
		if (name.isBlank()) {
			return "must be filled";
		}
		if (name.length() > MAX_LENGTH) {
			return "must be at most " + MAX_LENGTH + " characters long";
		}
		if (name.equals(".") || name.equals("..")) {
			return "cannot be '.' or '..'";
		}
		return textProblem(name);
	}

	/**
	 * What is wrong with any text that must be stored as one line (a name, or a
	 * description such as a display name), length aside.
	 * @return the problem, or null for acceptable text
	 */
	public static @Nullable String textProblem(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				return "cannot contain multiple lines";
			}
			if (c == '\0') {
				return "cannot contain NUL characters";
			}
			if (Character.isISOControl(c)) {
				return "cannot contain control characters";
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "is not valid Unicode text";
			}
		}
		return null;
	}

	/** Adds the name's problem, if it has one, to the errors. */
	public static void check(String field, @Nullable String name, FieldErrors errors) {
		String problem = (name != null) ? problem(name) : null;
		if (problem != null) {
			errors.add(field, problem);
		}
	}

	/** Adds the problem of a list item, naming its index. */
	public static void check(String field, int index, @Nullable String name, FieldErrors errors) {
		String problem = (name != null) ? problem(name) : null;
		if (problem != null) {
			errors.add(field, index, problem);
		}
	}

	/** Throws a 400 naming the field when the name is not acceptable. */
	public static String require(String field, String name) {
		String problem = problem(name);
		if (problem != null) {
			throw InvalidRequestException.field(field, problem);
		}
		return name;
	}

}
