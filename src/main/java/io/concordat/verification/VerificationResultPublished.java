package io.concordat.verification;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A provider version published a verification result for a pact's content. Published
 * synchronously inside the publishing transaction, so that what reacts to it (webhooks
 * write their deliveries to an outbox) commits or rolls back with the result.
 *
 * @param verificationId the result's id
 * @param number the number in the result's URL
 * @param consumerId the consumer's id
 * @param consumer the consumer's name
 * @param providerId the provider's id
 * @param provider the provider's name
 * @param sha the content verified
 * @param consumerVersions the consumer versions the result was published for: those the
 * pact URL's metadata names (the Pact Broker triggers one webhook per consumer version
 * the verifier was asked to verify), else the version the pact was fetched for
 * @param providerVersion the provider version number
 * @param providerVersionBranch the branch the result named, if any
 * @param providerVersionTags the provider version's tags
 * @param success whether the verification passed
 * @param buildUrl the provider's CI build, if given
 */
public record VerificationResultPublished(long verificationId, long number, long consumerId, String consumer,
		long providerId, String provider, String sha, List<String> consumerVersions, String providerVersion,
		@Nullable String providerVersionBranch, List<String> providerVersionTags, boolean success,
		@Nullable String buildUrl) {

}
