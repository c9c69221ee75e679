package io.concordat.verification;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How one interaction fared in a verification.
 *
 * @param interactionKey the interaction's {@code _id} as the verifier echoed it
 * @param description the interaction's description
 * @param success whether it passed
 * @param mismatches what differed, if it failed
 */
public record InteractionOutcome(@Nullable String interactionKey, @Nullable String description, boolean success,
		List<Mismatch> mismatches) {

	/**
	 * @param attribute the part that differed ({@code body}, {@code status},
	 * {@code header}…)
	 * @param identifier where ({@code $.total_cents}, a header name…)
	 * @param description what the verifier said
	 */
	public record Mismatch(@Nullable String attribute, @Nullable String identifier, String description) {

	}

}
