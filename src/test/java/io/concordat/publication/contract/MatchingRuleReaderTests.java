package io.concordat.publication.contract;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MatchingRuleReaderTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void readsVersion2FlatRulesIntoCategoriesWithBodyPathsFromTheRoot() {
		List<MatchingRule> rules = read("""
				{
				  "$.body": {"match": "type"},
				  "$.body.items[*].id": {"match": "type"},
				  "$.body['a b']": {"match": "type"},
				  "$.headers.Accept": {"match": "regex", "regex": "json"},
				  "$.headers['Content-Type']": {"match": "regex", "regex": "json"},
				  "$.query.q": {"match": "regex", "regex": "\\\\w+"},
				  "$.path": {"match": "regex", "regex": "/items/\\\\d+"}
				}
				""", FieldDirection.SENDS);

		assertThat(rules).extracting(MatchingRule::part, MatchingRule::path)
			.containsExactly(tuple("body", "$"), tuple("body", "$.items[*].id"), tuple("body", "$['a b']"),
					tuple("header", "Accept"), tuple("header", "Content-Type"), tuple("query", "q"),
					tuple("path", "$"));
		assertThat(rules).allSatisfy((rule) -> {
			assertThat(rule.direction()).isEqualTo(FieldDirection.SENDS);
			assertThat(rule.combine()).isEqualTo("AND");
		});
	}

	@Test
	void readsVersion3RulesByCategoryWithPlainOrPathLikeNames() {
		List<MatchingRule> rules = read("""
				{
				  "body": {"$.id": {"matchers": [{"match": "integer"}, {"match": "number"}], "combine": "OR"}},
				  "header": {"Accept": {"matchers": [{"match": "regex", "regex": "json"}]},
				             "$.X-Trace": {"matchers": [{"match": "type"}]},
				             "$['X-Other']": {"matchers": [{"match": "type"}]}},
				  "query": {"q": {"matchers": [{"match": "type"}]}},
				  "path": {"matchers": [{"match": "regex", "regex": "/.*"}], "combine": "AND"},
				  "status": {"$": {"matchers": [{"match": "statusCode", "status": "success"}]}},
				  "metaData": {"contentType": {"matchers": [{"match": "type"}]}}
				}
				""", FieldDirection.READS);

		assertThat(rules).extracting(MatchingRule::part, MatchingRule::path, MatchingRule::combine)
			.containsExactly(tuple("body", "$.id", "OR"), tuple("header", "Accept", "AND"),
					tuple("header", "X-Trace", "AND"), tuple("header", "X-Other", "AND"), tuple("query", "q", "AND"),
					tuple("path", "$", "AND"), tuple("status", "$", "AND"), tuple("metadata", "contentType", "AND"));
		assertThat(rules.get(0).matchers()).containsExactly(Map.of("match", "integer"), Map.of("match", "number"));
	}

	@Test
	void readsVersion4MessageContentRulesAsBodyRules() {
		List<MatchingRule> rules = read("""
				{"content": {"$.a": {"matchers": [{"match": "regex", "regex": "\\\\d+"}]}}}
				""", FieldDirection.READS);

		assertThat(rules).extracting(MatchingRule::part, MatchingRule::path).containsExactly(tuple("body", "$.a"));
	}

	@Test
	void infersTheMatcherTypeFromItsKeysWhenMatchIsAbsent() {
		List<MatchingRule> rules = read("""
				{
				  "$.body.a": {"regex": "\\\\d+"},
				  "$.body.b": {"min": 1},
				  "$.body.c": {"max": 5},
				  "$.body.d": {"timestamp": "yyyy-MM-dd'T'HH:mm:ss"},
				  "$.body.e": {"date": "yyyy-MM-dd"},
				  "$.body.f": {"time": "HH:mm"},
				  "$.body.g": {"include": "abc"},
				  "$.body.h": {}
				}
				""", FieldDirection.READS);

		assertThat(rules).extracting((rule) -> rule.matchers().get(0))
			.containsExactly(Map.of("match", "regex", "regex", "\\d+"), Map.of("match", "type", "min", 1),
					Map.of("match", "type", "max", 5),
					Map.of("match", "timestamp", "timestamp", "yyyy-MM-dd'T'HH:mm:ss"),
					Map.of("match", "date", "date", "yyyy-MM-dd"), Map.of("match", "time", "time", "HH:mm"),
					Map.of("match", "include", "include", "abc"), Map.of("match", "equality"));
	}

	@Test
	void infersMatchersInsideVersion3MatcherLists() {
		List<MatchingRule> rules = read("""
				{"body": {"$.animals": {"matchers": [{"min": 2}]}}}
				""", FieldDirection.SENDS);

		assertThat(rules.get(0).matchers()).containsExactly(Map.of("match", "type", "min", 2));
	}

	@Test
	void putsMatchFirstInEachMatcher() {
		List<MatchingRule> rules = read("""
				{"body": {"$.a": {"matchers": [{"regex": "x", "match": "regex"}]}}}
				""", FieldDirection.SENDS);

		assertThat(rules.get(0).matchers().get(0).keySet()).containsExactly("match", "regex");
	}

	@Test
	void skipsEntriesThatAreNotRules() {
		assertThat(read("""
				{"body": {"$.a": "type", "$.b": {"matchers": []}}, "header": 3, "$.body.c": null}
				""", FieldDirection.SENDS)).isEmpty();
		assertThat(MatchingRuleReader.read(MAPPER.readTree("[1]"), FieldDirection.SENDS)).isEmpty();
		assertThat(MatchingRuleReader.read(null, FieldDirection.SENDS)).isEmpty();
	}

	private static List<MatchingRule> read(String json, FieldDirection direction) {
		JsonNode rules = MAPPER.readTree(json);
		return MatchingRuleReader.read(rules, direction);
	}

}
