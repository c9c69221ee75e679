package io.concordat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds small pact documents for tests: defaults for everything, overrides by name.
 * {@code PactFiles.aPact().between("web", "orders").withOrderTotal(4599).json()}.
 */
public final class PactFiles {

	private static final JsonMapper json = JsonMapper.builder().build();

	private String consumer = "web";

	private String provider = "orders";

	private String specification = "3.0.0";

	private final List<Map<String, Object>> interactions = new ArrayList<>();

	private List<Map<String, Object>> providerStates = List.of(Map.of("name", "an order exists"));

	private PactFiles() {
	}

	public static PactFiles aPact() {
		return new PactFiles();
	}

	public PactFiles between(String consumer, String provider) {
		this.consumer = consumer;
		this.provider = provider;
		return this;
	}

	/**
	 * A GET /orders/1 interaction whose response has {@code total_cents} matched by type.
	 */
	public PactFiles withOrderTotal(int totalCents) {
		return withInteraction("a request for order 1", "/orders/1", Map.of("id", 1, "total_cents", totalCents));
	}

	public PactFiles withInteraction(String description, String path, Map<String, Object> responseBody) {
		Map<String, Object> interaction = new LinkedHashMap<>();
		interaction.put("description", description);
		interaction.put("providerStates", this.providerStates);
		interaction.put("request", Map.of("method", "GET", "path", path));
		Map<String, Object> rules = new LinkedHashMap<>();
		responseBody.keySet()
			.forEach((key) -> rules.put("$." + key,
					Map.of("combine", "AND", "matchers", List.of(Map.of("match", "type")))));
		interaction.put("response", Map.of("status", 200, "headers", Map.of("Content-Type", "application/json"), "body",
				responseBody, "matchingRules", Map.of("body", rules)));
		this.interactions.add(interaction);
		return this;
	}

	/**
	 * The provider states of the interactions added after this (each a map with a
	 * {@code name} and optional {@code params}); "an order exists" unless changed.
	 */
	@SafeVarargs
	public final PactFiles inStates(Map<String, Object>... states) {
		this.providerStates = List.of(states);
		return this;
	}

	/**
	 * A plain HTTP interaction with a JSON response, without provider states or matching
	 * rules.
	 */
	public PactFiles withInteraction(String description, String method, String path, int status,
			Map<String, ?> responseBody) {
		Map<String, Object> interaction = new LinkedHashMap<>();
		interaction.put("description", description);
		interaction.put("request", Map.of("method", method, "path", path));
		interaction.put("response",
				Map.of("status", status, "headers", Map.of("Content-Type", "application/json"), "body", responseBody));
		this.interactions.add(interaction);
		return this;
	}

	/** {@code count} distinct interactions, for volume tests. */
	public PactFiles withInteractions(int count, String seed) {
		for (int i = 0; i < count; i++) {
			withInteraction("request " + i + " " + seed, "/items/" + i,
					Map.of("id", i, "seed", seed, "price_cents", i));
		}
		return this;
	}

	public String json() {
		Map<String, Object> pact = new LinkedHashMap<>();
		pact.put("consumer", Map.of("name", this.consumer));
		pact.put("provider", Map.of("name", this.provider));
		pact.put("interactions", this.interactions);
		pact.put("metadata", Map.of("pactSpecification", Map.of("version", this.specification)));
		return json.writeValueAsString(pact);
	}

	/**
	 * Writes the pact as {@code <consumer>-<provider>.json}, the name Pact libraries use,
	 * as a consumer's Pact tests leave it for the CLI to publish; creates the directory
	 * if needed.
	 * @return the file written
	 */
	public Path writeTo(Path directory) {
		try {
			Files.createDirectories(directory);
			Path file = directory.resolve(this.consumer + "-" + this.provider + ".json");
			Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(json())));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String base64() {
		return Base64.getEncoder().encodeToString(json().getBytes(StandardCharsets.UTF_8));
	}

	/** A {@code POST /contracts/publish} body publishing this pact. */
	public Map<String, Object> publishBody(String version, String branch, List<String> tags) {
		return publishBody(version, branch, tags, List.of(this));
	}

	/**
	 * A {@code POST /contracts/publish} body publishing several pacts of one consumer
	 * version at once (one per provider), as a consumer's CI build does.
	 */
	public static Map<String, Object> publishBody(String version, String branch, List<String> tags,
			List<PactFiles> pacts) {
		List<Map<String, Object>> contracts = new ArrayList<>();
		for (PactFiles pact : pacts) {
			contracts.add(pact.contract());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("pacticipantName", pacts.get(0).consumer);
		body.put("pacticipantVersionNumber", version);
		if (branch != null) {
			body.put("branch", branch);
		}
		body.put("tags", tags);
		body.put("contracts", contracts);
		return body;
	}

	private Map<String, Object> contract() {
		Map<String, Object> contract = new LinkedHashMap<>();
		contract.put("consumerName", this.consumer);
		contract.put("providerName", this.provider);
		contract.put("specification", "pact");
		contract.put("contentType", "application/json");
		contract.put("content", base64());
		return contract;
	}

}
