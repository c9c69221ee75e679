package io.concordat.publication.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

class InvalidPactTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String HTTP = "{\"description\": \"d\", \"request\": {\"method\": \"GET\", \"path\": \"/\"}, "
			+ "\"response\": {\"status\": 200}}";

	private final PactParser parser = new PactParser();

	static Stream<Arguments> invalidDocuments() {
		return Stream.of(Arguments.of("not JSON", "{\"interactions\": [", "content is not valid JSON: "),
				Arguments.of("empty", "  ", "content is not valid JSON: the document is empty"),
				Arguments.of("trailing content", "{} {}", "content is not valid JSON: "),
				Arguments.of("array at top level", "[" + HTTP + "]", "the pact must be a JSON object"),
				Arguments.of("string at top level", "\"pact\"", "the pact must be a JSON object"),
				Arguments.of("no interactions", "{\"metadata\": {}}",
						"the document is not a pact: it has no interactions or messages"),
				Arguments.of("interactions not an array", "{\"interactions\": {}}", "interactions must be an array"),
				Arguments.of("messages not an array", "{\"messages\": \"m\"}", "messages must be an array"),
				Arguments.of("interaction not an object", "{\"interactions\": [" + HTTP + ", 3]}",
						"interactions[1] must be an object"),
				Arguments.of("message not an object",
						"{\"messages\": [{\"description\": \"m\", \"contents\": {}}, []]}",
						"messages[1] must be an object"),
				Arguments.of("missing method",
						"{\"interactions\": [" + HTTP + ", " + HTTP + ", "
								+ "{\"description\": \"x\", \"request\": {\"path\": \"/\"}, \"response\": {}}]}",
						"interactions[2].request.method is missing"),
				Arguments.of("method not a string",
						"{\"interactions\": [{\"description\": \"x\", \"request\": {\"method\": 1}, \"response\": {}}]}",
						"interactions[0].request.method must be a string"),
				Arguments.of("missing description",
						"{\"interactions\": [{\"request\": {\"method\": \"GET\"}, \"response\": {}}]}",
						"interactions[0].description is missing"),
				Arguments.of("message without description", "{\"messages\": [{\"contents\": {}}]}",
						"messages[0].description is missing"),
				Arguments.of("missing request", "{\"interactions\": [{\"description\": \"x\", \"response\": {}}]}",
						"interactions[0].request is missing"),
				Arguments.of("response not an object",
						"{\"interactions\": [{\"description\": \"x\", \"request\": {\"method\": \"GET\"}, "
								+ "\"response\": 200}]}",
						"interactions[0].response must be an object"),
				Arguments.of("status not an integer",
						"{\"interactions\": [{\"description\": \"x\", \"request\": {\"method\": \"GET\"}, "
								+ "\"response\": {\"status\": \"ok\"}}]}",
						"interactions[0].response.status must be an integer"),
				Arguments.of("status out of range",
						"{\"interactions\": [{\"description\": \"x\", \"request\": {\"method\": \"GET\"}, "
								+ "\"response\": {\"status\": 1e40}}]}",
						"interactions[0].response.status must be an integer"),
				Arguments.of("headers not an object",
						"{\"interactions\": [{\"description\": \"x\", \"request\": {\"method\": \"GET\", "
								+ "\"headers\": [\"Accept\"]}, \"response\": {}}]}",
						"interactions[0].request.headers must be an object"),
				Arguments.of("query a number",
						"{\"interactions\": [{\"description\": \"x\", \"request\": {\"method\": \"GET\", "
								+ "\"query\": 1}, \"response\": {}}]}",
						"interactions[0].request.query must be a string or an object"),
				Arguments.of("provider states not an array",
						"{\"interactions\": [{\"description\": \"x\", \"providerStates\": {\"name\": \"s\"}, "
								+ "\"request\": {\"method\": \"GET\"}, \"response\": {}}]}",
						"interactions[0].providerStates must be an array"),
				Arguments.of("provider state without name",
						"{\"interactions\": [{\"description\": \"x\", \"providerStates\": [{\"params\": {}}], "
								+ "\"request\": {\"method\": \"GET\"}, \"response\": {}}]}",
						"interactions[0].providerStates[0].name is missing"),
				Arguments.of("unknown v4 type",
						"{\"interactions\": [{\"type\": \"Carrier/Pigeon\", \"description\": \"x\"}]}",
						"interactions[0].type 'Carrier/Pigeon' is not one of"),
				Arguments.of("synchronous message responses not a list",
						"{\"interactions\": [{\"type\": \"Synchronous/Messages\", \"description\": \"x\", "
								+ "\"request\": {\"contents\": {}}, \"response\": {}}]}",
						"interactions[0].response must be an array"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidDocuments")
	void rejectsADocumentNamingThePartAtFault(String name, String json, String problem) {
		InvalidPactException exception = catchThrowableOfType(InvalidPactException.class,
				() -> this.parser.parse(json));

		assertThat(exception).as("exception for %s", name).isNotNull();
		assertThat(exception.problems()).anySatisfy((actual) -> assertThat(actual).startsWith(problem));
	}

	@Test
	void locatesJsonSyntaxErrorsWithoutNamingTheParser() {
		List<String> problems = catchThrowableOfType(InvalidPactException.class,
				() -> this.parser.parse("{\n  \"interactions\": [\n"))
			.problems();

		assertThat(problems).singleElement()
			.asString()
			.startsWith("content is not valid JSON: ")
			.contains("(line 3, column 1)")
			.doesNotContain("Source", "Jackson", "Feature");
		assertThat(catchThrowableOfType(InvalidPactException.class, () -> this.parser.parse("{} []")).problems())
			.containsExactly("content is not valid JSON: unexpected content after the end of the document "
					+ "(line 1, column 4)");
	}

	@Test
	void rejectsNullInput() {
		assertThat(catchThrowableOfType(InvalidPactException.class, () -> this.parser.parse(null)).problems())
			.containsExactly("content is not valid JSON: the document is empty");
	}

	@Test
	void reportsEveryProblemAtOnce() {
		InvalidPactException exception = catchThrowableOfType(InvalidPactException.class, () -> this.parser.parse("""
				{"interactions": [{"request": {"method": "GET"}, "response": {}},
				                  {"description": "x", "request": {}, "response": {}}],
				 "messages": [1]}
				"""));

		assertThat(exception.problems()).containsExactly("interactions[0].description is missing",
				"interactions[1].request.method is missing", "messages[0] must be an object");
		assertThat(exception.getMessage()).isEqualTo(String.join("; ", exception.problems()));
	}

	@Test
	void summarisesProblemsBeyondTwenty() {
		String interactions = String.join(",", java.util.Collections.nCopies(25, "{}"));

		InvalidPactException exception = catchThrowableOfType(InvalidPactException.class,
				() -> this.parser.parse("{\"interactions\": [" + interactions + "]}"));

		assertThat(exception.problems()).hasSize(21).last().isEqualTo("and 55 more problems");
	}

	@Test
	void rejectsNestingTooDeepToReadAsInvalidJson() {
		String deep = "{\"interactions\": [" + "[".repeat(5000) + "]".repeat(5000) + "]}";

		assertThat(catchThrowableOfType(InvalidPactException.class, () -> this.parser.parse(deep)).problems())
			.singleElement()
			.asString()
			.startsWith("content is not valid JSON: ");
	}

	/**
	 * Every value of some valid pacts replaced by values of every other JSON type: the
	 * parser either reads the result or rejects it with an {@link InvalidPactException},
	 * never with anything else.
	 */
	@Test
	void rejectsMalformedPactsOnlyWithInvalidPactException() {
		List<String> samples = List.of("""
				{"consumer": {"name": "c"}, "provider": {"name": "p"},
				 "interactions": [{"description": "d", "providerState": "s",
				   "request": {"method": "GET", "path": "/a", "query": "q=1", "headers": {"Accept": "a"},
				               "body": {"x": [1, {"y": null}]}},
				   "response": {"status": 200, "headers": {"H": "v"}, "body": [true, 1.5],
				                "matchingRules": {"$.body[*]": {"match": "type"}, "$.headers.H": {"regex": "v"}}}}],
				 "metadata": {"pactSpecification": {"version": "2.0.0"}}}
				""", """
				{"consumer": {"name": "c"}, "provider": {"name": "p"},
				 "messages": [{"description": "m", "providerStates": [{"name": "s", "params": {"a": 1}}],
				   "contents": {"a": [1]}, "metaData": {"k": "v"},
				   "matchingRules": {"body": {"$.a": {"matchers": [{"min": 1}], "combine": "OR"}}}}],
				 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
				""",
				"""
						{"consumer": {"name": "c"}, "provider": {"name": "p"},
						 "interactions": [
						   {"type": "Synchronous/HTTP", "description": "h", "pending": true,
						    "request": {"method": "POST", "path": "/", "query": {"q": ["1"]}, "headers": {"A": ["x"]},
						                "body": {"contentType": "application/json", "encoded": "json", "content": "{}"},
						                "matchingRules": {"path": {"matchers": [{"match": "regex", "regex": "/"}]}}},
						    "response": {"status": 200, "body": {"contentType": "text/plain", "encoded": false, "content": "t"}}},
						   {"type": "Asynchronous/Messages", "description": "a",
						    "contents": {"contentType": "application/json", "content": {"k": 1}}, "metadata": {"m": 1},
						    "matchingRules": {"content": {"$.k": {"matchers": [{"match": "integer"}]}}}},
						   {"type": "Synchronous/Messages", "description": "s",
						    "request": {"contents": {"content": "x"}, "metadata": {}},
						    "response": [{"contents": {"contentType": "application/json", "content": [1]}}]}],
						 "metadata": {"pactSpecification": {"version": "4.0"}}}
						""");
		List<JsonNode> replacements = List.of(MAPPER.nullNode(), MAPPER.getNodeFactory().numberNode(7),
				MAPPER.getNodeFactory().numberNode(-1.5), MAPPER.getNodeFactory().stringNode("x"),
				MAPPER.getNodeFactory().booleanNode(true), MAPPER.createArrayNode(), MAPPER.createObjectNode(),
				MAPPER.createArrayNode().add(1), MAPPER.createObjectNode().put("a", 1));
		int parsed = 0;
		for (String sample : samples) {
			JsonNode document = MAPPER.readTree(sample);
			for (String mutated : mutations(document, replacements)) {
				try {
					this.parser.parse(mutated);
				}
				catch (InvalidPactException ex) {
					assertThat(ex.problems()).isNotEmpty();
				}
				catch (RuntimeException ex) {
					fail("%s parsing %s", ex, mutated);
				}
				parsed++;
			}
		}
		assertThat(parsed).isGreaterThan(1000);
	}

	private static List<String> mutations(JsonNode document, List<JsonNode> replacements) {
		List<String> result = new ArrayList<>();
		collect(document, document, replacements, result);
		return result;
	}

	private static void collect(JsonNode root, JsonNode node, List<JsonNode> replacements, List<String> result) {
		if (node instanceof ObjectNode object) {
			for (String name : List.copyOf(object.propertyNames())) {
				JsonNode original = object.get(name);
				for (JsonNode replacement : replacements) {
					object.set(name, replacement);
					result.add(MAPPER.writeValueAsString(root));
				}
				object.remove(name);
				result.add(MAPPER.writeValueAsString(root));
				object.set(name, original);
				collect(root, original, replacements, result);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode original = array.get(i);
				for (JsonNode replacement : replacements) {
					array.set(i, replacement);
					result.add(MAPPER.writeValueAsString(root));
				}
				array.set(i, original);
				collect(root, original, replacements, result);
			}
		}
	}

}
