package io.concordat.publication;

import java.time.Instant;

/**
 * A pact as published by one consumer version.
 *
 * @param publicationId the publication (one revision for one consumer version)
 * @param pactVersionId the stored content it points at
 * @param consumer consumer name
 * @param provider provider name
 * @param consumerVersion consumer version number
 * @param consumerVersionId consumer version id
 * @param consumerVersionOrder consumer version creation order
 * @param sha content identity
 * @param content the pact document as published
 * @param createdAt when this revision was published
 * @param revision revision number for this consumer version (1 unless content was
 * replaced)
 */
public record PactView(long publicationId, long pactVersionId, String consumer, String provider, String consumerVersion,
		long consumerVersionId, long consumerVersionOrder, String sha, String content, Instant createdAt,
		int revision) {

	/**
	 * "Pact between orders-web (1.0.0) and orders-api", the Pact Broker's name for a
	 * pact.
	 */
	public String title() {
		return title(this.consumer, this.consumerVersion, this.provider);
	}

	public static String title(String consumer, String consumerVersion, String provider) {
		return "Pact between " + consumer + " (" + consumerVersion + ") and " + provider;
	}

}
