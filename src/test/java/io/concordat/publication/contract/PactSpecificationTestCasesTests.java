package io.concordat.publication.contract;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of the Pact specification's test cases (v2 to v4), wrapped into a pact of
 * its version, parses and keeps its matching rules.
 */
class PactSpecificationTestCasesTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String ROOT = "/pact-spec-testcases";

	private final PactParser parser = new PactParser();

	/** A rule as the test case writes it, in the normalised model's terms. */
	private record ExpectedRule(String part, String path, List<String> matcherTypes) {
	}

	static List<String> testCases() throws IOException, URISyntaxException {
		Path root = Path.of(Objects.requireNonNull(PactSpecificationTestCasesTests.class.getResource(ROOT)).toURI());
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".json"))
				.map((file) -> root.relativize(file).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
	}

	@Test
	void everyVersionAndKindOfTestCaseIsPresent() throws Exception {
		List<String> cases = testCases();
		assertThat(cases).hasSize(630);
		for (String prefix : List.of("version-2/testcases/request/", "version-2/testcases/response/",
				"version-3/testcases/request/", "version-3/testcases/response/", "version-3/testcases/message/",
				"version-4/testcases/request/", "version-4/testcases/response/", "version-4/testcases/message/")) {
			assertThat(cases).anyMatch((file) -> file.startsWith(prefix));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("testCases")
	void parsesTheExampleAndKeepsEveryMatchingRule(String file) throws Exception {
		JsonNode expected = MAPPER.readTree(getClass().getResourceAsStream(ROOT + "/" + file)).get("expected");
		String version = file.substring("version-".length(), "version-".length() + 1);
		String kind = file.split("/")[2];

		Contract contract = this.parser.parse(pact(version, kind, file, expected));

		assertThat(contract.interactions()).hasSize(1);
		ContractInteraction interaction = contract.interactions().get(0);
		assertThat(interaction.kind())
			.isEqualTo(kind.equals("message") ? InteractionKind.ASYNCHRONOUS_MESSAGE : InteractionKind.HTTP);
		FieldDirection direction = kind.equals("request") ? FieldDirection.SENDS : FieldDirection.READS;
		for (ExpectedRule rule : expectedRules(expected.get("matchingRules"))) {
			assertThat(interaction.matchingRules()).as("%s: normalised form of %s", file, rule)
				.anyMatch((actual) -> actual.direction() == direction && equivalent(actual, rule));
		}
		for (MatchingRule rule : interaction.matchingRules()) {
			for (ContractField field : interaction.fields()) {
				if (selects(rule, field)) {
					assertThat(field.matchers())
						.as("%s: matchers of %s %s selected by %s", file, field.part(), field.path(), rule)
						.isNotEmpty();
				}
			}
		}
	}

	private static String pact(String version, String kind, String file, JsonNode expected) {
		ObjectNode document = MAPPER.createObjectNode();
		document.putObject("consumer").put("name", "consumer");
		document.putObject("provider").put("name", "provider");
		ObjectNode interaction = MAPPER.createObjectNode();
		interaction.put("description", file);
		ArrayNode interactions = document
			.putArray(kind.equals("message") && version.equals("3") ? "messages" : "interactions");
		switch (kind) {
			case "request" -> {
				ObjectNode request = ((ObjectNode) expected).deepCopy();
				if (!request.has("method")) {
					request.put("method", "GET");
				}
				interaction.set("request", request);
				interaction.putObject("response").put("status", 200);
			}
			case "response" -> {
				interaction.putObject("request").put("method", "GET").put("path", "/");
				interaction.set("response", expected);
			}
			default -> interaction.setAll((ObjectNode) expected);
		}
		if (version.equals("4")) {
			interaction.put("type", kind.equals("message") ? "Asynchronous/Messages" : "Synchronous/HTTP");
		}
		interactions.add(interaction);
		document.putObject("metadata")
			.putObject("pactSpecification")
			.put("version", version.equals("4") ? "4.0" : version + ".0.0");
		return MAPPER.writeValueAsString(document);
	}

	private static List<ExpectedRule> expectedRules(JsonNode rules) {
		List<ExpectedRule> result = new ArrayList<>();
		if (rules == null) {
			return result;
		}
		for (Map.Entry<String, JsonNode> entry : rules.properties()) {
			String key = entry.getKey();
			if (key.startsWith("$.")) {
				result.add(flatRule(key, entry.getValue()));
				continue;
			}
			String part = switch (key) {
				case "content" -> "body";
				default -> key;
			};
			if (entry.getValue().has("matchers")) {
				result.add(new ExpectedRule(part, "$", types(entry.getValue().get("matchers"))));
				continue;
			}
			for (Map.Entry<String, JsonNode> rule : entry.getValue().properties()) {
				String path = part.equals("body") ? rule.getKey() : rule.getKey().replaceFirst("^\\$\\.", "");
				result.add(new ExpectedRule(part, path, types(rule.getValue().get("matchers"))));
			}
		}
		return result;
	}

	private static ExpectedRule flatRule(String key, JsonNode matcher) {
		List<String> types = List.of(type(matcher));
		if (key.equals("$.body") || key.startsWith("$.body.") || key.startsWith("$.body[")) {
			return new ExpectedRule("body", "$" + key.substring("$.body".length()), types);
		}
		if (key.startsWith("$.headers.")) {
			return new ExpectedRule("header", key.substring("$.headers.".length()), types);
		}
		if (key.startsWith("$.query.")) {
			return new ExpectedRule("query", key.substring("$.query.".length()), types);
		}
		return new ExpectedRule(key.substring(2), "$", types);
	}

	private static List<String> types(JsonNode matchers) {
		List<String> types = new ArrayList<>();
		matchers.forEach((matcher) -> types.add(type(matcher)));
		return types;
	}

	private static List<String> types(MatchingRule rule) {
		return rule.matchers().stream().map((matcher) -> String.valueOf(matcher.get("match"))).toList();
	}

	/** The matcher type as the specification defines it for rules without "match". */
	private static String type(JsonNode matcher) {
		if (matcher.has("match")) {
			return matcher.get("match").asString();
		}
		if (matcher.has("regex")) {
			return "regex";
		}
		return (matcher.has("min") || matcher.has("max")) ? "type" : "equality";
	}

	private static boolean equivalent(MatchingRule actual, ExpectedRule expected) {
		boolean samePath = actual.part().equals("header") ? actual.path().equalsIgnoreCase(expected.path())
				: actual.path().equals(expected.path());
		return actual.part().equals(expected.part()) && samePath && types(actual).equals(expected.matcherTypes());
	}

	/** Whether the rule's path selects the field itself or a value enclosing it. */
	private static boolean selects(MatchingRule rule, ContractField field) {
		if (rule.direction() != field.direction() || !rule.part().equals(field.part())) {
			return false;
		}
		return switch (rule.part()) {
			case "body" -> {
				PathExpression expression = PathExpression.parse(rule.path());
				yield expression != null && expression.match(segments(field.path())) != null;
			}
			case "header" -> rule.path().toLowerCase(Locale.ROOT).equals(field.path().toLowerCase(Locale.ROOT));
			default -> rule.path().equals(field.path()) || rule.path().equals("$");
		};
	}

	private static List<Object> segments(String concretePath) {
		PathExpression path = Objects.requireNonNull(PathExpression.parse(concretePath));
		return path.tokens()
			.stream()
			.map((token) -> (token.kind() == PathExpression.Kind.INDEX) ? (Object) token.index()
					: (Object) Objects.requireNonNull(token.name()))
			.toList();
	}

}
