package io.concordat.publication.contract;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A matching rule's path expression in the JSONPath-like syntax Pact uses: {@code $},
 * {@code .name}, {@code ['name']}, {@code [0]}, {@code [*]} and {@code .*}.
 */
final class PathExpression {

	enum Kind {

		/** {@code .name} or {@code ['name']}. */
		NAME,
		/** {@code [0]}. */
		INDEX,
		/** {@code .*}: any property or element. */
		ANY,
		/** {@code [*]}: any element. */
		ANY_INDEX

	}

	/**
	 * A step below the root.
	 *
	 * @param kind what the step selects
	 * @param name the property name ({@link Kind#NAME} only)
	 * @param index the element index ({@link Kind#INDEX} only)
	 */
	record Token(Kind kind, @Nullable String name, int index) {

		/**
		 * Pact's weights: a named or indexed step outweighs a wildcard, a step that does
		 * not select the segment rules the expression out.
		 */
		int weight(Object segment) {
			return switch (this.kind) {
				case NAME -> (segment instanceof Integer i) ? (Integer.toString(i).equals(this.name) ? 2 : 0)
						: (segment.equals(this.name) ? 2 : 0);
				case INDEX -> (segment instanceof Integer i && i == this.index) ? 2 : 0;
				case ANY -> 1;
				case ANY_INDEX -> (segment instanceof Integer) ? 1 : 0;
			};
		}

	}

	/**
	 * How an expression selects a field.
	 *
	 * @param whole whether it selects the field itself rather than an enclosing value
	 * @param depth how many steps below the root it spans
	 * @param exactSteps how many of those steps name a property or index exactly; Pact's
	 * product of step weights (2 exact, 1 wildcard) orders expressions of the same depth
	 * just as this count does
	 */
	record Match(boolean whole, int depth, int exactSteps) {

		/** Whether this match should win over {@code other}. */
		boolean beats(Match other) {
			if (this.whole != other.whole) {
				return this.whole;
			}
			if (!this.whole && this.depth != other.depth) {
				return this.depth > other.depth;
			}
			return this.exactSteps > other.exactSteps;
		}

	}

	private final List<Token> tokens;

	private PathExpression(List<Token> tokens) {
		this.tokens = tokens;
	}

	List<Token> tokens() {
		return this.tokens;
	}

	/**
	 * How this expression selects the field at {@code path} (segments below the root:
	 * property names and element indexes), or {@code null} when it selects neither the
	 * field nor a value enclosing it.
	 */
	@Nullable Match match(List<Object> path) {
		int depth = this.tokens.size();
		if (depth > path.size()) {
			return null;
		}
		int exact = 0;
		for (int i = 0; i < depth; i++) {
			int weight = this.tokens.get(i).weight(path.get(i));
			if (weight == 0) {
				return null;
			}
			if (weight == 2) {
				exact++;
			}
		}
		return new Match(depth == path.size(), depth, exact);
	}

	/** The expression, or {@code null} when it is not a path expression Pact can read. */
	static @Nullable PathExpression parse(@Nullable String expression) {
		if (expression == null) {
			return null;
		}
		String text = expression.trim();
		if (!text.startsWith("$")) {
			return null;
		}
		List<Token> tokens = new ArrayList<>();
		int i = 1;
		int length = text.length();
		while (i < length) {
			char c = text.charAt(i);
			if (c == '.') {
				int start = i + 1;
				int end = start;
				while (end < length && text.charAt(end) != '.' && text.charAt(end) != '[') {
					end++;
				}
				String name = text.substring(start, end);
				if (name.isEmpty()) {
					return null;
				}
				tokens.add(name.equals("*") ? new Token(Kind.ANY, null, -1) : new Token(Kind.NAME, name, -1));
				i = end;
			}
			else if (c == '[') {
				int close = bracket(text, i + 1, tokens);
				if (close < 0) {
					return null;
				}
				i = close + 1;
			}
			else {
				return null;
			}
		}
		return new PathExpression(List.copyOf(tokens));
	}

	/** Reads a bracketed step starting after {@code [}; the index of its {@code ]}. */
	private static int bracket(String text, int start, List<Token> tokens) {
		if (start >= text.length()) {
			return -1;
		}
		char first = text.charAt(start);
		if (first == '\'' || first == '"') {
			StringBuilder name = new StringBuilder();
			int i = start + 1;
			while (i < text.length() && text.charAt(i) != first) {
				char c = text.charAt(i);
				if (c == '\\' && i + 1 < text.length()) {
					i++;
					c = text.charAt(i);
				}
				name.append(c);
				i++;
			}
			if (i + 1 >= text.length() || text.charAt(i + 1) != ']') {
				return -1;
			}
			tokens.add(new Token(Kind.NAME, name.toString(), -1));
			return i + 1;
		}
		int close = text.indexOf(']', start);
		if (close < 0) {
			return -1;
		}
		String inside = text.substring(start, close).trim();
		if (inside.equals("*")) {
			tokens.add(new Token(Kind.ANY_INDEX, null, -1));
			return close;
		}
		if (inside.isEmpty() || inside.length() > 9 || !inside.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return -1;
		}
		tokens.add(new Token(Kind.INDEX, null, Integer.parseInt(inside)));
		return close;
	}

}
