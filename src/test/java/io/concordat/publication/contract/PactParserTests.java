package io.concordat.publication.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PactParserTests {

	private final PactParser parser = new PactParser();

	@Test
	void readsTheSpecificationVersionFromEachOfItsSpellings() {
		assertThat(version("{\"pactSpecification\": {\"version\": \"3.0.0\"}}")).isEqualTo("3.0.0");
		assertThat(version("{\"pact-specification\": {\"version\": \"1.1.0\"}}")).isEqualTo("1.1.0");
		assertThat(version("{\"pactSpecificationVersion\": \"1.0.0\"}")).isEqualTo("1.0.0");
		assertThat(version("{\"pactSpecification\": {\"version\": 4.0}}")).isEqualTo("4.0");
	}

	@Test
	void assumesVersion2WhenTheDocumentDeclaresNone() {
		assertThat(version("{}")).isEqualTo("2.0.0");
		assertThat(
				this.parser.parse("{\"consumer\": {\"name\": \"web\"}, \"interactions\": []}").specificationVersion())
			.isEqualTo("2.0.0");
	}

	@Test
	void readsConsumerAndProviderNames() {
		Contract contract = this.parser.parse("""
				{"consumer": {"name": "web"}, "provider": {"name": "orders"}, "interactions": []}
				""");

		assertThat(contract.consumerName()).isEqualTo("web");
		assertThat(contract.providerName()).isEqualTo("orders");
		assertThat(contract.interactions()).isEmpty();
	}

	@Test
	void acceptsAnEmptyPactThatOnlyNamesItsParties() {
		Contract contract = this.parser
			.parse("{\"consumer\": {\"name\": \"web\"}, \"provider\": {\"name\": \"orders\"}}");

		assertThat(contract.interactions()).isEmpty();
		assertThat(contract.sha()).hasSize(64);
	}

	@Test
	void readsTheHttpRequestAndResponseLine() {
		ContractInteraction interaction = single("""
				{"description": "get an order",
				 "request": {"method": "get", "path": "/orders/1"},
				 "response": {"status": 404}}
				""");

		assertThat(interaction.kind()).isEqualTo(InteractionKind.HTTP);
		assertThat(interaction.description()).isEqualTo("get an order");
		assertThat(interaction.requestMethod()).isEqualTo("GET");
		assertThat(interaction.requestPath()).isEqualTo("/orders/1");
		assertThat(interaction.responseStatus()).isEqualTo(404);
		assertThat(interaction.fields())
			.extracting(ContractField::direction, ContractField::part, ContractField::path, ContractField::valueType,
					ContractField::example)
			.containsExactly(tuple(FieldDirection.SENDS, "method", "$", "string", "GET"),
					tuple(FieldDirection.SENDS, "path", "$", "string", "/orders/1"),
					tuple(FieldDirection.READS, "status", "$", "integer", 404));
	}

	@Test
	void defaultsThePathAndStatusAsPactDoes() {
		ContractInteraction interaction = single("""
				{"description": "d", "request": {"method": "GET"}, "response": {}}
				""");

		assertThat(interaction.requestPath()).isEqualTo("/");
		assertThat(interaction.responseStatus()).isEqualTo(200);
	}

	@Test
	void readsEachQueryParameterOfAVersion2QueryString() {
		ContractInteraction interaction = single("""
				{"description": "d", "request": {"method": "GET", "path": "/", "query": "q=a%20b&tag=x&tag=y&flag"},
				 "response": {"status": 200}}
				""");

		assertThat(fields(interaction, "query"))
			.extracting(ContractField::path, ContractField::valueType, ContractField::example)
			.containsExactly(tuple("q", "string", "a b"), tuple("tag", "array", null), tuple("flag", "string", ""));
	}

	@Test
	void readsVersion3QueryMapsAndVersion4HeaderLists() {
		Contract contract = this.parser.parse("""
				{"interactions": [{"type": "Synchronous/HTTP", "description": "d",
				  "request": {"method": "GET", "path": "/", "query": {"q": ["x"], "tag": ["a", "b"]},
				              "headers": {"Accept": ["application/json", "text/plain"]}},
				  "response": {"status": 200, "headers": {"Content-Type": "application/json"}}}],
				 "metadata": {"pactSpecification": {"version": "4.0"}}}
				""");
		ContractInteraction interaction = contract.interactions().get(0);

		assertThat(fields(interaction, "query")).extracting(ContractField::path, ContractField::example)
			.containsExactly(tuple("q", "x"), tuple("tag", null));
		assertThat(fields(interaction, "header"))
			.extracting(ContractField::direction, ContractField::path, ContractField::example)
			.containsExactly(tuple(FieldDirection.SENDS, "Accept", "application/json, text/plain"),
					tuple(FieldDirection.READS, "Content-Type", "application/json"));
	}

	@Test
	void walksBodyLeavesWithConcretePathsAndPlainExamples() {
		ContractInteraction interaction = single("""
				{"description": "d", "request": {"method": "POST", "path": "/",
				  "body": {"name": "a", "count": 3, "big": 12345678901, "price": 9.50, "ok": true, "none": null,
				           "items": [{"id": 1}], "key with space": "k", "2": "two"}},
				 "response": {"status": 201}}
				""");

		assertThat(fields(interaction, "body"))
			.extracting(ContractField::path, ContractField::valueType, ContractField::example)
			.containsExactly(tuple("$.name", "string", "a"), tuple("$.count", "integer", 3),
					tuple("$.big", "integer", 12345678901L), tuple("$.price", "number", new BigDecimal("9.50")),
					tuple("$.ok", "boolean", true), tuple("$.none", "null", null), tuple("$.items[0].id", "integer", 1),
					tuple("$['key with space']", "string", "k"), tuple("$['2']", "string", "two"));
	}

	@Test
	void recordsEmptyObjectsAndArraysSoThatAConsumerReadingThemIsKnown() {
		ContractInteraction interaction = single("""
				{"description": "d", "request": {"method": "GET", "path": "/"},
				 "response": {"status": 200, "body": {"items": [], "links": {}}}}
				""");

		assertThat(fields(interaction, "body"))
			.extracting(ContractField::path, ContractField::valueType, ContractField::example)
			.containsExactly(tuple("$.items", "array", null), tuple("$.links", "object", null));
	}

	@Test
	void recordsABodyThatIsAnEmptyArrayAtTheRoot() {
		ContractInteraction interaction = single("""
				{"description": "d", "request": {"method": "GET", "path": "/"}, "response": {"status": 200, "body": []}}
				""");

		assertThat(fields(interaction, "body")).extracting(ContractField::path, ContractField::valueType)
			.containsExactly(tuple("$", "array"));
	}

	@Test
	void normalisesVersion2FlatRulesAndAppliesThemToFields() {
		ContractInteraction interaction = single("""
				{"description": "d",
				 "request": {"method": "GET", "path": "/orders/1", "query": "q=x",
				             "headers": {"Accept": "application/json"},
				             "matchingRules": {"$.path": {"match": "regex", "regex": "/orders/\\\\d+"},
				                               "$.query.q": {"match": "type"},
				                               "$.headers.accept": {"match": "regex", "regex": "json"}}},
				 "response": {"status": 200, "body": {"items": [{"id": 1}]},
				              "matchingRules": {"$.body": {"match": "type"},
				                                "$.body.items[*].id": {"match": "integer"}}}}
				""");

		assertThat(interaction.matchingRules())
			.extracting(MatchingRule::direction, MatchingRule::part, MatchingRule::path)
			.containsExactly(tuple(FieldDirection.SENDS, "path", "$"), tuple(FieldDirection.SENDS, "query", "q"),
					tuple(FieldDirection.SENDS, "header", "accept"), tuple(FieldDirection.READS, "body", "$"),
					tuple(FieldDirection.READS, "body", "$.items[*].id"));
		assertThat(matchers(interaction, "path", "$"))
			.containsExactly(Map.of("match", "regex", "regex", "/orders/\\d+"));
		assertThat(matchers(interaction, "query", "q")).containsExactly(Map.of("match", "type"));
		assertThat(matchers(interaction, "header", "Accept"))
			.containsExactly(Map.of("match", "regex", "regex", "json"));
		assertThat(matchers(interaction, "body", "$.items[0].id")).containsExactly(Map.of("match", "integer"));
	}

	@Test
	void appliesMatchersInferredFromTheirKeys() {
		ContractInteraction interaction = single("""
				{"description": "d", "request": {"method": "GET", "path": "/"},
				 "response": {"status": 200, "body": {"id": "42", "tags": ["a"]},
				              "matchingRules": {"$.body.id": {"regex": "\\\\d+"}, "$.body.tags": {"min": 1}}}}
				""");

		assertThat(matchers(interaction, "body", "$.id")).containsExactly(Map.of("match", "regex", "regex", "\\d+"));
		assertThat(matchers(interaction, "body", "$.tags[0]")).containsExactly(Map.of("match", "type", "min", 1));
	}

	@Test
	void cascadesATypeRuleOnAnArrayToItsElementsUnlessAMoreSpecificRuleApplies() {
		ContractInteraction interaction = single("""
				{"description": "d", "request": {"method": "GET", "path": "/"},
				 "response": {"status": 200,
				   "body": {"items": [{"id": 1, "name": "a", "tags": ["x"]}], "total": 1},
				   "matchingRules": {"body": {
				     "$.items": {"matchers": [{"match": "type", "min": 1}]},
				     "$.items[*].id": {"matchers": [{"match": "integer"}]},
				     "$.items[*].tags[*]": {"matchers": [{"match": "regex", "regex": "[a-z]"}]}}}}}
				""");

		assertThat(matchers(interaction, "body", "$.items[0].name")).containsExactly(Map.of("match", "type", "min", 1));
		assertThat(matchers(interaction, "body", "$.items[0].id")).containsExactly(Map.of("match", "integer"));
		assertThat(matchers(interaction, "body", "$.items[0].tags[0]"))
			.containsExactly(Map.of("match", "regex", "regex", "[a-z]"));
		assertThat(matchers(interaction, "body", "$.total")).isEmpty();
	}

	@Test
	void prefersTheRuleThatSelectsTheFieldExactlyOverAWildcard() {
		ContractInteraction interaction = single("""
				{"description": "d", "request": {"method": "GET", "path": "/"},
				 "response": {"status": 200, "body": {"a": {"b": 1, "c": 2}},
				   "matchingRules": {"body": {"$.a.*": {"matchers": [{"match": "type"}]},
				                              "$.a.b": {"matchers": [{"match": "integer"}]}}}}}
				""");

		assertThat(matchers(interaction, "body", "$.a.b")).containsExactly(Map.of("match", "integer"));
		assertThat(matchers(interaction, "body", "$.a.c")).containsExactly(Map.of("match", "type"));
	}

	@Test
	void readsAVersion4BodyWhoseJsonIsEncodedAsAString() {
		ContractInteraction interaction = singleV4(
				"""
						{"type": "Synchronous/HTTP", "description": "d", "request": {"method": "GET", "path": "/"},
						 "response": {"status": 200,
						   "body": {"contentType": "application/json", "encoded": "json", "content": "{\\"id\\": 7, \\"tags\\": []}"},
						   "matchingRules": {"body": {"$.id": {"matchers": [{"match": "integer"}]}}}}}
						""");

		assertThat(fields(interaction, "body"))
			.extracting(ContractField::path, ContractField::example, ContractField::matchers)
			.containsExactly(tuple("$.id", 7, List.of(Map.of("match", "integer"))), tuple("$.tags", null, List.of()));
	}

	@Test
	void readsAVersion4JsonBodyFromItsContent() {
		ContractInteraction interaction = singleV4("""
				{"type": "Synchronous/HTTP", "description": "d",
				 "request": {"method": "POST", "path": "/",
				   "body": {"contentType": "application/vnd.api+json", "encoded": false, "content": {"a": "b"}}},
				 "response": {"status": 200}}
				""");

		assertThat(fields(interaction, "body"))
			.extracting(ContractField::direction, ContractField::path, ContractField::example)
			.containsExactly(tuple(FieldDirection.SENDS, "$.a", "b"));
	}

	@Test
	void treatsEncodedOrNonJsonVersion4BodiesAsOneStringLeaf() {
		ContractInteraction interaction = singleV4("""
				{"type": "Synchronous/HTTP", "description": "d",
				 "request": {"method": "POST", "path": "/",
				   "body": {"contentType": "application/octet-stream", "encoded": "base64", "content": "AAEC"}},
				 "response": {"status": 200,
				   "body": {"contentType": "application/xml", "encoded": false, "content": "<a><b>1</b></a>"}}}
				""");

		assertThat(fields(interaction, "body"))
			.extracting(ContractField::direction, ContractField::path, ContractField::valueType, ContractField::example)
			.containsExactly(tuple(FieldDirection.SENDS, "$", "string", "AAEC"),
					tuple(FieldDirection.READS, "$", "string", "<a><b>1</b></a>"));
	}

	@Test
	void readsVersion3MessagesAsAsynchronousMessagesTheConsumerReads() {
		Contract contract = this.parser.parse("""
				{"consumer": {"name": "worker"}, "provider": {"name": "orders"},
				 "messages": [{"description": "an order was placed", "providerStates": [{"name": "an order"}],
				   "contents": {"orderId": 1, "lines": [{"sku": "A"}]},
				   "metaData": {"contentType": "application/json", "partition": 3},
				   "matchingRules": {"body": {"$.lines": {"matchers": [{"match": "type", "min": 1}]}},
				                     "metadata": {"partition": {"matchers": [{"match": "integer"}]}}}}],
				 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
				""");
		ContractInteraction message = contract.interactions().get(0);

		assertThat(contract.interactionsCount()).isZero();
		assertThat(contract.messagesCount()).isOne();
		assertThat(message.kind()).isEqualTo(InteractionKind.ASYNCHRONOUS_MESSAGE);
		assertThat(message.requestMethod()).isNull();
		assertThat(message.responseStatus()).isNull();
		assertThat(message.matchingRules()).extracting(MatchingRule::direction).containsOnly(FieldDirection.READS);
		assertThat(message.fields())
			.extracting(ContractField::direction, ContractField::part, ContractField::path, ContractField::example)
			.containsExactly(tuple(FieldDirection.READS, "body", "$.orderId", 1),
					tuple(FieldDirection.READS, "body", "$.lines[0].sku", "A"),
					tuple(FieldDirection.READS, "metadata", "contentType", "application/json"),
					tuple(FieldDirection.READS, "metadata", "partition", 3));
		assertThat(matchers(message, "body", "$.lines[0].sku")).containsExactly(Map.of("match", "type", "min", 1));
		assertThat(matchers(message, "metadata", "partition")).containsExactly(Map.of("match", "integer"));
	}

	@Test
	void readsVersion4AsynchronousMessages() {
		Contract contract = this.parser
			.parse("""
					{"interactions": [{"type": "Asynchronous/Messages", "description": "m",
					   "contents": {"contentType": "application/json", "encoded": false, "content": {"a": "1-2"}},
					   "metadata": {"destination": "a/b"},
					   "matchingRules": {"content": {"$.a": {"matchers": [{"match": "regex", "regex": "\\\\d+-\\\\d+"}]}}}}],
					 "metadata": {"pactSpecification": {"version": "4.0"}}}
					""");
		ContractInteraction message = contract.interactions().get(0);

		assertThat(message.kind()).isEqualTo(InteractionKind.ASYNCHRONOUS_MESSAGE);
		assertThat(message.matchingRules()).extracting(MatchingRule::direction, MatchingRule::part, MatchingRule::path)
			.containsExactly(tuple(FieldDirection.READS, "body", "$.a"));
		assertThat(matchers(message, "body", "$.a")).containsExactly(Map.of("match", "regex", "regex", "\\d+-\\d+"));
		assertThat(fields(message, "metadata")).extracting(ContractField::path, ContractField::example)
			.containsExactly(tuple("destination", "a/b"));
	}

	@Test
	void readsVersion4SynchronousMessagesAsSentRequestAndReadResponses() {
		Contract contract = this.parser.parse("""
				{"interactions": [{"type": "Synchronous/Messages", "description": "ask",
				   "request": {"contents": {"contentType": "application/json", "content": {"q": "x"}},
				               "metadata": {"topic": "questions"},
				               "matchingRules": {"body": {"$.q": {"matchers": [{"match": "type"}]}}}},
				   "response": [{"contents": {"contentType": "application/json", "content": {"a": 1}},
				                 "matchingRules": {"body": {"$.a": {"matchers": [{"match": "integer"}]}}}},
				                {"contents": {"contentType": "text/plain", "content": "done"}}]}],
				 "metadata": {"pactSpecification": {"version": "4.0"}}}
				""");
		ContractInteraction interaction = contract.interactions().get(0);

		assertThat(interaction.kind()).isEqualTo(InteractionKind.SYNCHRONOUS_MESSAGE);
		assertThat(contract.messagesCount()).isOne();
		assertThat(interaction.matchingRules()).extracting(MatchingRule::direction, MatchingRule::path)
			.containsExactly(tuple(FieldDirection.SENDS, "$.q"), tuple(FieldDirection.READS, "$.a"));
		assertThat(interaction.fields())
			.extracting(ContractField::direction, ContractField::part, ContractField::path, ContractField::example,
					ContractField::matchers)
			.containsExactly(tuple(FieldDirection.SENDS, "body", "$.q", "x", List.of(Map.of("match", "type"))),
					tuple(FieldDirection.SENDS, "metadata", "topic", "questions", List.of()),
					tuple(FieldDirection.READS, "body", "$.a", 1, List.of(Map.of("match", "integer"))),
					tuple(FieldDirection.READS, "body", "$", "done", List.of()));
	}

	@Test
	void readsAVersion2ProviderState() {
		ContractInteraction interaction = single("""
				{"description": "d", "providerState": "an order exists",
				 "request": {"method": "GET", "path": "/"}, "response": {"status": 200}}
				""");

		assertThat(interaction.providerStates()).containsExactly(new ProviderState("an order exists", Map.of()));
	}

	@Test
	void readsVersion3ProviderStatesWithTheirParameters() {
		ContractInteraction interaction = single(
				"""
						{"description": "d",
						 "providerStates": [{"name": "an order exists", "params": {"id": 1, "lines": ["a"]}}, {"name": "a user"}],
						 "request": {"method": "GET", "path": "/"}, "response": {"status": 200}}
						""");

		assertThat(interaction.providerStates()).containsExactly(
				new ProviderState("an order exists", Map.of("id", 1, "lines", List.of("a"))),
				new ProviderState("a user", Map.of()));
	}

	@Test
	void hasNoProviderStateWhenTheVersion2StateIsEmpty() {
		ContractInteraction interaction = single("""
				{"description": "d", "providerState": "", "request": {"method": "GET", "path": "/"}, "response": {}}
				""");

		assertThat(interaction.providerStates()).isEmpty();
	}

	@Test
	void readsThePendingFlag() {
		ContractInteraction interaction = singleV4("""
				{"type": "Synchronous/HTTP", "description": "d", "pending": true,
				 "request": {"method": "GET", "path": "/"}, "response": {"status": 200}}
				""");

		assertThat(interaction.pending()).isTrue();
	}

	@Test
	void numbersInteractionsThenMessagesInDocumentOrder() {
		Contract contract = this.parser.parse("""
				{"interactions": [{"description": "a", "request": {"method": "GET"}, "response": {}},
				                  {"description": "b", "request": {"method": "GET"}, "response": {}}],
				 "messages": [{"description": "c", "contents": {}}]}
				""");

		assertThat(contract.interactions()).extracting(ContractInteraction::position, ContractInteraction::description)
			.containsExactly(tuple(0, "a"), tuple(1, "b"), tuple(2, "c"));
		assertThat(contract.interactionsCount()).isEqualTo(2);
		assertThat(contract.messagesCount()).isEqualTo(1);
	}

	private String version(String metadata) {
		return this.parser.parse("{\"interactions\": [], \"metadata\": " + metadata + "}").specificationVersion();
	}

	private ContractInteraction single(String interaction) {
		return this.parser.parse("{\"interactions\": [" + interaction + "]}").interactions().get(0);
	}

	private ContractInteraction singleV4(String interaction) {
		return this.parser
			.parse("{\"interactions\": [" + interaction
					+ "], \"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}}}")
			.interactions()
			.get(0);
	}

	private static List<ContractField> fields(ContractInteraction interaction, String part) {
		return interaction.fields().stream().filter((field) -> field.part().equals(part)).toList();
	}

	private static List<Map<String, Object>> matchers(ContractInteraction interaction, String part, String path) {
		return fields(interaction, part).stream()
			.filter((field) -> field.path().equals(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + part + " field " + path + " in " + interaction.fields()))
			.matchers();
	}

}
