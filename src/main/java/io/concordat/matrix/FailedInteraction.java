package io.concordat.matrix;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An interaction a verification failed, from the stored per-interaction outcome.
 *
 * @param description the interaction's description
 * @param kind {@code http}, {@code asynchronous_message} or {@code synchronous_message},
 * when the outcome resolves to an interaction of the pact
 * @param method the HTTP request's method
 * @param path the HTTP request's path
 * @param fields the fields the consumer reads that the mismatches name
 * ({@code $.total_cents})
 * @param mismatches what the verifier reported
 */
public record FailedInteraction(@Nullable String description, @Nullable String kind, @Nullable String method,
		@Nullable String path, List<String> fields, List<Mismatch> mismatches) {

	/** "GET /orders/1" or "the message "an order placed event"". */
	String where() {
		if (this.method != null && this.path != null) {
			return this.method + " " + this.path;
		}
		if (this.kind != null && this.kind.endsWith("message")) {
			return "the message \"" + this.description + "\"";
		}
		return "\"" + this.description + "\"";
	}

	/**
	 * @param attribute the part that differed ({@code body}, {@code status}…)
	 * @param identifier where
	 * @param description what the verifier said
	 */
	public record Mismatch(@Nullable String attribute, @Nullable String identifier, String description) {

	}

}
