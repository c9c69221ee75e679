package io.concordat.publication.contract;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Records the fields of one side of an interaction (what the consumer sends, or what it
 * reads) with the matchers that govern each.
 */
final class FieldCollector {

	private final FieldDirection direction;

	private final EffectiveMatchers matchers;

	private final List<ContractField> fields;

	/**
	 * @param direction the side
	 * @param rules the side's normalised matching rules
	 * @param fields where the fields are added
	 */
	FieldCollector(FieldDirection direction, List<MatchingRule> rules, List<ContractField> fields) {
		this.direction = direction;
		this.matchers = new EffectiveMatchers(rules);
		this.fields = fields;
	}

	/** The method, path or status: a single value at {@code $}. */
	void value(String part, JsonNode value) {
		add(part, "$", value, this.matchers.forValue(part));
	}

	/** A header, query parameter or metadata entry. */
	void named(String part, String name, JsonNode value) {
		add(part, name, value, this.matchers.forName(part, name));
	}

	/**
	 * Every leaf of the body, and every empty object or array so that a consumer relying
	 * on one is recorded too.
	 */
	void body(@Nullable JsonNode content) {
		if (content != null) {
			walk(content, FieldPath.ROOT);
		}
	}

	private void walk(JsonNode node, FieldPath path) {
		if (node.isObject() && !node.isEmpty()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				walk(property.getValue(), path.property(property.getKey()));
			}
		}
		else if (node.isArray() && !node.isEmpty()) {
			for (int i = 0; i < node.size(); i++) {
				walk(node.get(i), path.index(i));
			}
		}
		else {
			add("body", path.toString(), node, this.matchers.forBody(path));
		}
	}

	private void add(String part, String path, JsonNode value, List<Map<String, Object>> matchers) {
		Object example = value.isContainer() ? null : Json.plain(value);
		this.fields.add(new ContractField(this.direction, part, path, Json.valueType(value), example, matchers));
	}

}
