package io.concordat.publication.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContractIdentityTests {

	private static final String PACT = """
			{"consumer": {"name": "web"}, "provider": {"name": "orders"},
			 "interactions": [
			   {"description": "get order", "providerState": "an order exists",
			    "request": {"method": "GET", "path": "/orders/1"},
			    "response": {"status": 200, "body": {"id": 1, "total": 9.50}}},
			   {"description": "list orders",
			    "request": {"method": "GET", "path": "/orders"},
			    "response": {"status": 200, "body": []}}],
			 "metadata": {"pactSpecification": {"version": "2.0.0"}}}
			""";

	private final PactParser parser = new PactParser();

	@Test
	void interactionIdIsTheSha1OfTheInteractionWithSortedKeysAndNoId() throws Exception {
		Contract contract = this.parser.parse("""
				{"interactions": [{"response": {"status": 200}, "_id": "stale",
				  "request": {"path": "/", "method": "GET", "body": {"b": [2, {"z": 1, "_id": "x"}], "a": 1}},
				  "description": "d"}]}
				""");

		String canonical = "{\"description\":\"d\",\"request\":{\"body\":{\"a\":1,\"b\":[2,{\"_id\":\"x\",\"z\":1}]},"
				+ "\"method\":\"GET\",\"path\":\"/\"},\"response\":{\"status\":200}}";
		assertThat(contract.interactions().get(0).interactionId()).isEqualTo(hash("SHA-1", canonical));
	}

	@Test
	void interactionIdIsStableAcrossFormattingAndKeyOrder() {
		String compact = "{\"interactions\":[{\"description\":\"d\",\"request\":{\"method\":\"GET\",\"path\":\"/\"},"
				+ "\"response\":{\"status\":200}}]}";
		String reordered = """
				{ "interactions" : [ {
				    "response" : { "status" : 200 },
				    "request" : { "path" : "/", "method" : "GET" },
				    "description" : "d" } ] }
				""";

		assertThat(id(reordered)).isEqualTo(id(compact));
		assertThat(id(compact.replace("\"/\"", "\"/x\""))).isNotEqualTo(id(compact));
	}

	@Test
	void shaIsTheSha256OfTheSortedInteractionsAndTheSpecificationVersion() throws Exception {
		Contract contract = this.parser.parse("""
				{"consumer": {"name": "web"},
				 "interactions": [{"description": "b", "request": {"method": "GET"}, "response": {}},
				                  {"description": "a", "request": {"method": "GET"}, "response": {}}],
				 "metadata": {"pactSpecification": {"version": "2.0.0"}}}
				""");

		String content = "{\"interactions\":[{\"description\":\"a\",\"request\":{\"method\":\"GET\"},\"response\":{}},"
				+ "{\"description\":\"b\",\"request\":{\"method\":\"GET\"},\"response\":{}}],"
				+ "\"pact_specification_version\":\"2.0.0\"}";
		assertThat(contract.sha()).isEqualTo(hash("SHA-256", content));
	}

	@Test
	void shaIgnoresKeyOrderInteractionOrderWhitespaceNamesAndMetadata() {
		String reordered = """
				{
				  "metadata": {"pactSpecification": {"version": "2.0.0"}, "pact-jvm": {"version": "4.6.17"}},
				  "provider": {"name": "billing"},
				  "consumer": {"name": "mobile"},
				  "interactions": [
				    {"response": {"body": [], "status": 200}, "request": {"path": "/orders", "method": "GET"},
				     "description": "list orders"},
				    {"request": {"path": "/orders/1", "method": "GET"}, "providerState": "an order exists",
				     "description": "get order", "_id": "whatever",
				     "response": {"body": {"total": 9.50, "id": 1}, "status": 200}}
				  ]
				}
				""";

		assertThat(sha(reordered)).isEqualTo(sha(PACT));
	}

	@Test
	void shaChangesWhenAResponseBodyValueChanges() {
		assertThat(sha(PACT.replace("\"total\": 9.50", "\"total\": 9.51"))).isNotEqualTo(sha(PACT));
	}

	@Test
	void shaChangesWithTheSpecificationVersion() {
		assertThat(sha(PACT.replace("\"version\": \"2.0.0\"", "\"version\": \"3.0.0\""))).isNotEqualTo(sha(PACT));
	}

	@Test
	void shaOfAPactWithoutInteractionsCoversTheWholeDocument() throws Exception {
		Contract contract = this.parser
			.parse("{\"provider\": {\"name\": \"orders\"}, \"consumer\": {\"name\": \"web\"}}");

		assertThat(contract.sha())
			.isEqualTo(hash("SHA-256", "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"orders\"}}"));
	}

	@Test
	void shaCoversMessagesAlongsideInteractions() {
		String withMessage = PACT.replace("\"metadata\"",
				"\"messages\": [{\"description\": \"m\", \"contents\": {\"a\": 1}}], \"metadata\"");

		assertThat(sha(withMessage)).isNotEqualTo(sha(PACT));
		assertThat(sha(withMessage.replace("\"a\": 1", "\"a\": 2"))).isNotEqualTo(sha(withMessage));
	}

	private String id(String json) {
		return this.parser.parse(json).interactions().get(0).interactionId();
	}

	private String sha(String json) {
		return this.parser.parse(json).sha();
	}

	private static String hash(String algorithm, String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
