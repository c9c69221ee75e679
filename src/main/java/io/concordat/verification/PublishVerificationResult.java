package io.concordat.verification;

import java.util.List;

import io.concordat.publication.PactMetadata;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A provider build's verification of one pact content.
 *
 * @param provider the provider
 * @param consumer the consumer
 * @param sha the content verified
 * @param metadata what the pact URL said about why it was verified (WIP, pending,
 * selectors, consumer version)
 * @param success whether every interaction passed
 * @param providerVersion the provider version that was verified
 * @param providerBranch the provider version's branch, if the body names it
 * @param providerTags the provider version's tags, if the body names them
 * @param buildUrl the CI build
 * @param verifiedBy the verifier, as it describes itself
 * @param testResults per-interaction results as sent (an array, or the old
 * {@code {"tests": [...]}} shape)
 */
public record PublishVerificationResult(String provider, String consumer, String sha, PactMetadata metadata,
		boolean success, String providerVersion, @Nullable String providerBranch, List<String> providerTags,
		@Nullable String buildUrl, @Nullable JsonNode verifiedBy, @Nullable JsonNode testResults) {

}
