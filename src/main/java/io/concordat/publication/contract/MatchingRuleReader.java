package io.concordat.publication.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code matchingRules} object, v2 flat ({@code "$.body.id": {...}}) or v3/v4
 * nested by category ({@code "body": {"$.id": {"matchers": [...]}}}), into
 * {@link MatchingRule}s of the v3 shape.
 *
 * <p>
 * Entries that cannot be understood are skipped rather than rejected: the Pact Broker
 * stores such pacts, and Pact implementations ignore what they cannot read.
 */
final class MatchingRuleReader {

	private MatchingRuleReader() {
	}

	static List<MatchingRule> read(@Nullable JsonNode rules, FieldDirection direction) {
		if (rules == null || !rules.isObject()) {
			return List.of();
		}
		List<MatchingRule> result = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : rules.properties()) {
			String key = entry.getKey();
			if (key.trim().startsWith("$")) {
				readFlat(key.trim(), entry.getValue(), direction, result);
			}
			else {
				readCategory(part(key), entry.getValue(), direction, result);
			}
		}
		return List.copyOf(result);
	}

	private static void readCategory(String part, JsonNode category, FieldDirection direction,
			List<MatchingRule> result) {
		if (!category.isObject()) {
			return;
		}
		// Single-value categories (path, status) may hold the rule itself
		JsonNode matchers = category.get("matchers");
		if (matchers != null && matchers.isArray()) {
			add(direction, part, "$", category, result);
			return;
		}
		for (Map.Entry<String, JsonNode> entry : category.properties()) {
			add(direction, part, path(part, entry.getKey()), entry.getValue(), result);
		}
	}

	/** {@code $.body.a}, {@code $.headers.Accept}, {@code $.query.q}, {@code $.path}. */
	private static void readFlat(String key, JsonNode rule, FieldDirection direction, List<MatchingRule> result) {
		PathExpression expression = PathExpression.parse(key);
		if (expression == null || expression.tokens().isEmpty()) {
			return;
		}
		PathExpression.Token first = expression.tokens().get(0);
		if (first.kind() != PathExpression.Kind.NAME || first.name() == null) {
			return;
		}
		String part = part(first.name());
		String path;
		if (isNamed(part)) {
			String name = (expression.tokens().size() > 1) ? expression.tokens().get(1).name() : null;
			path = (name != null) ? name : "$" + remainder(key, first.name());
		}
		else if (isSingleValue(part)) {
			path = "$";
		}
		else {
			path = "$" + remainder(key, first.name());
		}
		add(direction, part, path, rule, result);
	}

	/** What follows the category step, in the key's own notation. */
	private static String remainder(String key, String category) {
		String dotted = "$." + category;
		if (key.startsWith(dotted)) {
			return key.substring(dotted.length());
		}
		int close = key.indexOf(']');
		return (close >= 0) ? key.substring(close + 1) : "";
	}

	private static void add(FieldDirection direction, String part, String path, JsonNode rule,
			List<MatchingRule> result) {
		List<Map<String, Object>> matchers = new ArrayList<>();
		String combine = "AND";
		if (rule.isObject() && rule.has("matchers")) {
			JsonNode list = rule.get("matchers");
			if (list.isArray()) {
				list.forEach((matcher) -> addMatcher(matcher, matchers));
			}
			else {
				addMatcher(list, matchers);
			}
			String declared = Json.text(rule, "combine");
			if (declared != null && declared.trim().equalsIgnoreCase("OR")) {
				combine = "OR";
			}
		}
		else if (rule.isArray()) {
			rule.forEach((matcher) -> addMatcher(matcher, matchers));
		}
		else {
			addMatcher(rule, matchers);
		}
		if (!matchers.isEmpty()) {
			result.add(new MatchingRule(direction, part, path, combine, List.copyOf(matchers)));
		}
	}

	private static void addMatcher(JsonNode node, List<Map<String, Object>> matchers) {
		Map<String, Object> matcher = matcher(node);
		if (matcher != null) {
			matchers.add(matcher);
		}
	}

	/** The matcher with {@code match} first, inferred from its keys when absent. */
	private static @Nullable Map<String, Object> matcher(JsonNode node) {
		if (!node.isObject()) {
			return null;
		}
		JsonNode declared = node.get("match");
		String match = (declared != null && declared.isValueNode() && !declared.isNull()) ? declared.asString()
				: inferred(node);
		Map<String, @Nullable Object> matcher = new LinkedHashMap<>();
		matcher.put("match", match);
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			if (!property.getKey().equals("match")) {
				matcher.put(property.getKey(), Json.plain(property.getValue()));
			}
		}
		return Collections.unmodifiableMap(matcher);
	}

	/** The matcher a v2/v3 rule without {@code match} stands for, as Pact reads it. */
	private static String inferred(JsonNode node) {
		if (node.has("regex")) {
			return "regex";
		}
		if (node.has("min") || node.has("max")) {
			return "type";
		}
		if (node.has("timestamp")) {
			return "timestamp";
		}
		if (node.has("time")) {
			return "time";
		}
		if (node.has("date")) {
			return "date";
		}
		if (node.has("include")) {
			return "include";
		}
		return "equality";
	}

	private static String path(String part, String key) {
		if (isSingleValue(part)) {
			return "$";
		}
		if (isNamed(part)) {
			return name(key);
		}
		return key.trim();
	}

	/**
	 * {@code Accept}, {@code $.Accept} and {@code $['Accept']} all name the header
	 * Accept.
	 */
	private static String name(String key) {
		if (!key.startsWith("$")) {
			return key;
		}
		PathExpression expression = PathExpression.parse(key);
		if (expression != null && expression.tokens().size() == 1 && expression.tokens().get(0).name() != null) {
			return expression.tokens().get(0).name();
		}
		return key;
	}

	private static String part(String category) {
		return switch (category.trim().toLowerCase(Locale.ROOT)) {
			case "body", "content" -> "body";
			case "header", "headers" -> "header";
			case "query" -> "query";
			case "path" -> "path";
			case "status" -> "status";
			case "method" -> "method";
			case "metadata" -> "metadata";
			default -> category.trim();
		};
	}

	private static boolean isNamed(String part) {
		return part.equals("header") || part.equals("query") || part.equals("metadata");
	}

	private static boolean isSingleValue(String part) {
		return part.equals("path") || part.equals("status") || part.equals("method");
	}

}
