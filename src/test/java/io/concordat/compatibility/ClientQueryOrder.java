package io.concordat.compatibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matrix queries of the client pacts in the order the clients send them.
 *
 * <p>
 * A client sends {@code q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar&…},
 * selector by selector, and the order is the meaning: Rack-style nesting starts a new
 * selector when a key repeats. Pact models keep a query as a map of names to values, so
 * pact-jvm replays it grouped by name ({@code q[][pacticipant]=Foo&q[][pacticipant]=Bar&
 * q[][version]=1…}), and the V2 client's pact (recorded through the Rust core) even
 * stores it grouped. The Ruby client's pact keeps the query string as the client sent it;
 * both pacts describe the same requests, so the harness replays each matrix request with
 * the Ruby pact's query for the same description and provider state.
 */
final class ClientQueryOrder {

	private static final String RECORDED_IN_ORDER = "client-pacts/pact_broker_client-pact_broker.json";

	private static final Map<String, String> QUERIES = load();

	private ClientQueryOrder() {
	}

	/**
	 * The query as the client sends it, or null when the pacts do not record one for this
	 * interaction.
	 */
	static String of(String description, String providerState) {
		return QUERIES.get(key(description, providerState));
	}

	private static Map<String, String> load() {
		try (InputStream in = ClientQueryOrder.class.getClassLoader().getResourceAsStream(RECORDED_IN_ORDER)) {
			JsonNode pact = JsonMapper.builder().build().readTree(in);
			Map<String, String> queries = new HashMap<>();
			for (JsonNode interaction : pact.get("interactions")) {
				JsonNode query = interaction.path("request").path("query");
				if (query.isString() && query.asString().contains("q%5B%5D")) {
					queries.put(key(interaction.get("description").asString(),
							interaction.path("providerState").asString("")), query.asString());
				}
			}
			return queries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String key(String description, String providerState) {
		return description + "\u0000" + providerState;
	}

}
