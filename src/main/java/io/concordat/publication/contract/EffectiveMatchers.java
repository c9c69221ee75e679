package io.concordat.publication.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Picks, for each field of one side of an interaction, the matching rule that governs it.
 */
final class EffectiveMatchers {

	private record BodyRule(PathExpression expression, MatchingRule rule) {
	}

	private final List<MatchingRule> rules;

	private final List<BodyRule> bodyRules = new ArrayList<>();

	/**
	 * @param rules the normalised rules of one side (one direction)
	 */
	EffectiveMatchers(List<MatchingRule> rules) {
		this.rules = rules;
		for (MatchingRule rule : rules) {
			if (rule.part().equals("body")) {
				PathExpression expression = PathExpression.parse(rule.path());
				if (expression != null) {
					this.bodyRules.add(new BodyRule(expression, rule));
				}
			}
		}
	}

	/**
	 * The most specific rule whose expression selects the field or, failing that, the
	 * closest value enclosing it; the first in document order wins a tie.
	 */
	List<Map<String, Object>> forBody(FieldPath path) {
		@Nullable MatchingRule best = null;
		PathExpression.@Nullable Match bestMatch = null;
		for (BodyRule candidate : this.bodyRules) {
			PathExpression.Match match = candidate.expression().match(path.segments());
			if (match != null && (bestMatch == null || match.beats(bestMatch))) {
				best = candidate.rule();
				bestMatch = match;
			}
		}
		return matchers(best);
	}

	/** Headers are named case-insensitively, query parameters and metadata exactly. */
	List<Map<String, Object>> forName(String part, String name) {
		for (MatchingRule rule : this.rules) {
			if (rule.part().equals(part)
					&& (part.equals("header") ? rule.path().equalsIgnoreCase(name) : rule.path().equals(name))) {
				return rule.matchers();
			}
		}
		return List.of();
	}

	/** The method, path or status. */
	List<Map<String, Object>> forValue(String part) {
		for (MatchingRule rule : this.rules) {
			if (rule.part().equals(part)) {
				return rule.matchers();
			}
		}
		return List.of();
	}

	private static List<Map<String, Object>> matchers(@Nullable MatchingRule rule) {
		return (rule != null) ? rule.matchers() : List.of();
	}

}
