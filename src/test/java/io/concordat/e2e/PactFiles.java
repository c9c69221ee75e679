package io.concordat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes small V3 pact files, as a consumer's Pact tests would, for the CLI to publish.
 *
 * <pre>
 * Path file = PactFiles.aPact()
 * 	.between("orders-web", "orders-api")
 * 	.withInteraction("a request for order 1", "GET", "/orders/1", 200, Map.of("id", 1))
 * 	.writeTo(directory);
 * </pre>
 */
final class PactFiles {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PactFiles() {
	}

	static Builder aPact() {
		return new Builder();
	}

	static final class Builder {

		private String consumer = "a-consumer";

		private String provider = "a-provider";

		private final List<Map<String, Object>> interactions = new ArrayList<>();

		private Builder() {
		}

		Builder between(String consumer, String provider) {
			this.consumer = consumer;
			this.provider = provider;
			return this;
		}

		/**
		 * Adds an HTTP interaction with a JSON response.
		 * @param description what the consumer asks for, unique within the pact
		 * @param method the request method
		 * @param path the request path
		 * @param status the response status
		 * @param responseBody the JSON response body
		 * @return this builder
		 */
		Builder withInteraction(String description, String method, String path, int status,
				Map<String, ?> responseBody) {
			Map<String, Object> interaction = new LinkedHashMap<>();
			interaction.put("description", description);
			interaction.put("request", Map.of("method", method, "path", path));
			interaction.put("response", Map.of("status", status, "headers", Map.of("Content-Type", "application/json"),
					"body", responseBody));
			this.interactions.add(interaction);
			return this;
		}

		/**
		 * Writes the pact as {@code <consumer>-<provider>.json}, the name Pact libraries
		 * use, creating the directory if needed.
		 * @param directory where to write it
		 * @return the file written
		 */
		Path writeTo(Path directory) {
			Map<String, Object> pact = new LinkedHashMap<>();
			pact.put("consumer", Map.of("name", this.consumer));
			pact.put("provider", Map.of("name", this.provider));
			pact.put("interactions",
					this.interactions.isEmpty() ? List.of(defaultInteraction()) : List.copyOf(this.interactions));
			pact.put("metadata", Map.of("pactSpecification", Map.of("version", "3.0.0")));
			try {
				Files.createDirectories(directory);
				Path file = directory.resolve(this.consumer + "-" + this.provider + ".json");
				Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pact));
				return file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static Map<String, Object> defaultInteraction() {
			return Map.of("description", "a request for the health of the service", "request",
					Map.of("method", "GET", "path", "/health"), "response", Map.of("status", 200));
		}

	}

}
