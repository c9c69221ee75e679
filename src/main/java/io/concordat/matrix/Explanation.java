package io.concordat.matrix;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why one integration stands in the way, in plain words and as data.
 *
 * @param status {@code failed} (the verification failed), {@code unverified} (no selected
 * provider version has verified the pact), {@code missing} (no provider version is
 * there), or {@code unknown-version} (the specified version does not exist)
 * @param consumer the consumer's name
 * @param consumerVersion its version, if known
 * @param consumerEnvironments where that version currently runs
 * @param provider the provider's name
 * @param providerVersion its version, if any
 * @param providerEnvironments where that version currently runs
 * @param failedInteractions the interactions that failed
 * @param text the explanation, ending with a next step
 */
public record Explanation(String status, String consumer, @Nullable String consumerVersion,
		List<String> consumerEnvironments, String provider, @Nullable String providerVersion,
		List<String> providerEnvironments, List<FailedInteraction> failedInteractions, String text) {

}
