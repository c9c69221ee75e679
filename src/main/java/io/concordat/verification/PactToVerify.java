package io.concordat.verification;

import org.jspecify.annotations.Nullable;

/**
 * One consumer version's pact, as pacts-for-verification hands it out.
 *
 * @param consumer consumer name
 * @param consumerMainBranch the consumer's main branch, if it has one
 * @param provider provider name
 * @param consumerVersionId consumer version id
 * @param consumerVersion consumer version number
 * @param consumerVersionOrder consumer version creation order
 * @param pactVersionId the content's id
 * @param sha the content's identity
 */
public record PactToVerify(String consumer, @Nullable String consumerMainBranch, String provider,
		long consumerVersionId, String consumerVersion, long consumerVersionOrder, long pactVersionId, String sha) {

	/** "Pact between orders-web (1.0.0) and orders-api". */
	public String title() {
		return "Pact between " + this.consumer + " (" + this.consumerVersion + ") and " + this.provider;
	}

}
