package io.concordat.publication.contract;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One interaction or message of a pact.
 *
 * @param position index in the document
 * @param interactionId the Pact Broker's {@code _id}: SHA-1 (hex) of the interaction's
 * JSON with keys sorted recursively and any existing {@code _id} removed
 * @param kind HTTP, asynchronous message or synchronous message
 * @param description its description
 * @param providerStates states it needs, in order
 * @param requestMethod HTTP method (HTTP interactions only)
 * @param requestPath HTTP path (HTTP interactions only)
 * @param responseStatus HTTP status (HTTP interactions only)
 * @param pending the v4 {@code pending} flag
 * @param matchingRules every matching rule, normalised
 * @param fields the fields the consumer sends and reads
 */
public record ContractInteraction(int position, String interactionId, InteractionKind kind, String description,
		List<ProviderState> providerStates, @Nullable String requestMethod, @Nullable String requestPath,
		@Nullable Integer responseStatus, boolean pending, List<MatchingRule> matchingRules,
		List<ContractField> fields) {

}
