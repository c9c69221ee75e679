package io.concordat.publication.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PactContentTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String PACT = """
			{"consumer": {"name": "web"}, "provider": {"name": "orders"},
			 "interactions": [
			   {"description": "get order", "providerState": "an order exists",
			    "request": {"method": "GET", "path": "/orders/1"},
			    "response": {"status": 200, "body": {"id": 1}}},
			   {"description": "list orders", "request": {"method": "GET", "path": "/orders"},
			    "response": {"status": 200, "body": []}}],
			 "metadata": {"pactSpecification": {"version": "2.0.0"}}}
			""";

	private final PactParser parser = new PactParser();

	@Test
	void withInteractionIdsPutsTheIdFirstAndKeepsEverythingElseInOrder() {
		String served = PactContent.withInteractionIds("""
				{"provider": {"name": "orders"}, "consumer": {"name": "web"},
				 "interactions": [{"response": {"status": 200}, "description": "d", "request": {"method": "GET"}}],
				 "messages": [{"description": "m", "_id": "stale", "contents": {"b": 1, "a": 2}}],
				 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
				""");

		List<ContractInteraction> parsed = this.parser.parse(served).interactions();
		assertThat(served).isEqualTo("{\"provider\":{\"name\":\"orders\"},\"consumer\":{\"name\":\"web\"},"
				+ "\"interactions\":[{\"_id\":\"" + parsed.get(0).interactionId() + "\",\"response\":{\"status\":200},"
				+ "\"description\":\"d\",\"request\":{\"method\":\"GET\"}}],\"messages\":[{\"_id\":\""
				+ parsed.get(1).interactionId() + "\",\"description\":\"m\",\"contents\":{\"b\":1,\"a\":2}}],"
				+ "\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}");
	}

	@Test
	void withInteractionIdsUsesTheParsersInteractionIds() {
		String served = PactContent.withInteractionIds(PACT);

		JsonNode interactions = MAPPER.readTree(served).get("interactions");
		List<ContractInteraction> parsed = this.parser.parse(PACT).interactions();
		assertThat(interactions.get(0).get("_id").asString()).isEqualTo(parsed.get(0).interactionId());
		assertThat(interactions.get(1).get("_id").asString()).isEqualTo(parsed.get(1).interactionId());
		assertThat(this.parser.parse(served).sha()).isEqualTo(this.parser.parse(PACT).sha());
	}

	@Test
	void withInteractionIdsKeepsNumbersAsWritten() {
		String served = PactContent.withInteractionIds("""
				{"interactions": [{"description": "d", "request": {"method": "GET"},
				  "response": {"body": {"price": 9.50, "big": 123456789012345678901234567890, "e": 1.0}}}]}
				""");

		assertThat(served).contains("\"price\":9.50", "\"big\":123456789012345678901234567890", "\"e\":1.0");
	}

	@Test
	void withInteractionIdsRejectsWhatIsNotAJsonObject() {
		assertThatExceptionOfType(InvalidPactException.class).isThrownBy(() -> PactContent.withInteractionIds("[]"));
		assertThatExceptionOfType(InvalidPactException.class).isThrownBy(() -> PactContent.withInteractionIds("{"));
	}

	@Test
	void mergeReplacesAnInteractionWithTheSameDescriptionAndStateAndAppendsOthers() {
		MergeResult result = PactContent.merge(PACT, """
				{"consumer": {"name": "web"}, "provider": {"name": "orders"},
				 "interactions": [
				   {"description": "get order", "providerState": "an order exists",
				    "request": {"method": "GET", "path": "/orders/1"},
				    "response": {"status": 200, "body": {"id": 1, "total": 3}}},
				   {"description": "get order", "providerState": "no orders",
				    "request": {"method": "GET", "path": "/orders/1"}, "response": {"status": 404}}],
				 "metadata": {"pactSpecification": {"version": "2.0.0"}}}
				""");

		assertThat(result.conflict()).isFalse();
		JsonNode interactions = MAPPER.readTree(result.json()).get("interactions");
		assertThat(interactions).hasSize(3);
		assertThat(interactions.get(0).at("/response/body/total").asInt()).isEqualTo(3);
		assertThat(interactions.get(1).get("description").asString()).isEqualTo("list orders");
		assertThat(interactions.get(2).get("providerState").asString()).isEqualTo("no orders");
	}

	@Test
	void mergeTreatsVersion2AndVersion3ProviderStatesAlike() {
		MergeResult result = PactContent.merge(PACT, """
				{"interactions": [{"description": "get order", "providerStates": [{"name": "an order exists"}],
				  "request": {"method": "GET", "path": "/orders/1"}, "response": {"status": 500}}]}
				""");

		JsonNode interactions = MAPPER.readTree(result.json()).get("interactions");
		assertThat(interactions).hasSize(2);
		assertThat(interactions.get(0).at("/response/status").asInt()).isEqualTo(500);
	}

	@Test
	void mergeFlagsAConflictWhenTheSameInteractionChangesItsRequest() {
		MergeResult result = PactContent.merge(PACT, """
				{"interactions": [{"description": "get order", "providerState": "an order exists",
				  "request": {"method": "GET", "path": "/orders/2", "body": {"a": 1}},
				  "response": {"status": 200}}]}
				""");

		assertThat(result.conflict()).isTrue();
		assertThat(result.conflicts()).containsExactly(
				"the interaction \"get order\" given \"an order exists\" has a different request path, body");
		assertThat(MAPPER.readTree(result.json()).at("/interactions/0/request/path").asString()).isEqualTo("/orders/2");
	}

	@Test
	void mergeAddsMessagesAndKeepsTheExistingMetadata() {
		MergeResult result = PactContent.merge(PACT, """
				{"messages": [{"description": "m", "contents": {}}],
				 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
				""");

		JsonNode merged = MAPPER.readTree(result.json());
		assertThat(merged.get("interactions")).hasSize(2);
		assertThat(merged.get("messages")).hasSize(1);
		assertThat(merged.at("/metadata/pactSpecification/version").asString()).isEqualTo("2.0.0");
	}

	@Test
	void mergeOfTheSamePactChangesNothing() {
		MergeResult result = PactContent.merge(PACT, PACT);

		assertThat(result.conflicts()).isEmpty();
		assertThat(this.parser.parse(result.json()).sha()).isEqualTo(this.parser.parse(PACT).sha());
	}

	@Test
	void mergeKeepsElementsThatAreNotInteractionsAndReplacesANonArray() {
		MergeResult result = PactContent.merge("{\"interactions\": [1, {\"description\": \"d\"}], \"messages\": 3}",
				"{\"interactions\": [2, {\"description\": \"d\", \"x\": 1}], \"messages\": [{\"description\": \"m\"}]}");

		assertThat(result.json()).isEqualTo(
				"{\"interactions\":[1,{\"description\":\"d\",\"x\":1},2]," + "\"messages\":[{\"description\":\"m\"}]}");
		assertThat(result.conflict()).isFalse();
	}

	@Test
	void withInteractionIdsLeavesElementsThatAreNotObjectsAlone() {
		assertThat(PactContent.withInteractionIds("{\"interactions\": [1, null], \"messages\": {}}"))
			.isEqualTo("{\"interactions\":[1,null],\"messages\":{}}");
	}

	@Test
	void diffComparesTextThatIsNotJsonLineByLine() {
		assertThat(PactContent.diff("a\nb\nc", "a\nx\nc")).isEqualTo("@@ -1,3 +1,3 @@\n  a\n- b\n+ x\n  c");
	}

	@Test
	void diffShowsTheChangedLineWithContext() {
		String diff = PactContent.diff(PACT, PACT.replace("\"path\": \"/orders/1\"", "\"path\": \"/orders/{id}\""));

		assertThat(diff.lines()).containsExactly("@@ -9,5 +9,5 @@", "        \"request\": {",
				"          \"method\": \"GET\",", "-         \"path\": \"/orders/1\"",
				"+         \"path\": \"/orders/{id}\"", "        },", "        \"response\": {");
	}

	@Test
	void diffIgnoresKeyOrderAndFormatting() {
		String reordered = """
				{"metadata": {"pactSpecification": {"version": "2.0.0"}},
				 "interactions": [
				   {"response": {"body": {"id": 1}, "status": 200}, "description": "get order",
				    "request": {"path": "/orders/1", "method": "GET"}, "providerState": "an order exists"},
				   {"request": {"path": "/orders", "method": "GET"}, "description": "list orders",
				    "response": {"body": [], "status": 200}}],
				 "provider": {"name": "orders"}, "consumer": {"name": "web"}}
				""";

		assertThat(PactContent.diff(PACT, reordered)).isEmpty();
	}

	@Test
	void diffSeparatesDistantChangesIntoHunks() {
		List<Integer> values = new ArrayList<>(Collections.nCopies(20, 0));
		String before = values.toString();
		values.set(0, 1);
		values.set(19, 2);

		String diff = PactContent.diff(before, values.toString());

		assertThat(diff.lines().filter((line) -> line.startsWith("@@"))).containsExactly("@@ -1,4 +1,4 @@",
				"@@ -19,4 +19,4 @@");
		assertThat(diff).contains("-   0,\n+   1,", "-   0\n+   2");
	}

	@Test
	void diffIsShortenedForLargeChanges() {
		StringBuilder before = new StringBuilder("[");
		StringBuilder after = new StringBuilder("[");
		for (int i = 0; i < 500; i++) {
			before.append((i > 0) ? "," : "").append(i);
			after.append((i > 0) ? "," : "").append(i + 1000);
		}

		String diff = PactContent.diff(before.append(']').toString(), after.append(']').toString());

		assertThat(diff.lines()).hasSize(201);
		assertThat(diff.lines().toList()).last().asString().matches("\\.\\.\\. \\d+ more lines");
	}

}
