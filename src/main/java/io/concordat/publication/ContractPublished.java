package io.concordat.publication;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A consumer version published a pact for a provider, whether or not the content is new
 * (the Pact Broker's {@code contract_published} fires for identical republications too).
 * Published synchronously inside the publishing transaction, so that what reacts to it
 * (webhooks write their deliveries to an outbox) commits or rolls back with the
 * publication.
 *
 * @param consumerId the consumer's id
 * @param consumer the consumer's name
 * @param providerId the provider's id
 * @param provider the provider's name
 * @param consumerVersionId the consumer version's id
 * @param consumerVersion the consumer version number
 * @param consumerVersionBranch the branch given with the publication, if any
 * @param consumerVersionTags the tags given with the publication
 * @param pactVersionId the stored content published
 * @param sha the content's identity
 * @param contentChanged whether the content differs from what the previous consumer
 * version published for this provider (or is the integration's first), or replaced this
 * version's earlier content; interaction order does not count, as the sha ignores it
 * @param buildUrl the consumer's CI build, if given
 */
public record ContractPublished(long consumerId, String consumer, long providerId, String provider,
		long consumerVersionId, String consumerVersion, @Nullable String consumerVersionBranch,
		List<String> consumerVersionTags, long pactVersionId, String sha, boolean contentChanged,
		@Nullable String buildUrl) {

}
