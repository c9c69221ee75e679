package io.concordat.verification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A published verification result.
 *
 * @param id database id
 * @param number the number in its URL
 * @param provider provider name
 * @param consumer consumer name
 * @param sha the content verified
 * @param consumerVersion the consumer version the result is presented for (the one in the
 * pact URL, or the latest that published the content)
 * @param providerVersion the provider version that verified
 * @param success whether it passed
 * @param wip whether it was published for a work-in-progress pact
 * @param pactPending whether the pact was pending for this provider when verified (a
 * failure then does not fail the provider's build)
 * @param verificationDate when it was published
 * @param buildUrl the CI build
 * @param verifiedBy the verifier as it described itself
 * @param testResults per-interaction results as sent
 */
public record VerificationView(long id, long number, String provider, String consumer, String sha,
		String consumerVersion, String providerVersion, boolean success, boolean wip, boolean pactPending,
		Instant verificationDate, @Nullable String buildUrl, @Nullable JsonNode verifiedBy,
		@Nullable JsonNode testResults) {

	public String pactTitle() {
		return "Pact between " + this.consumer + " (" + this.consumerVersion + ") and " + this.provider;
	}

}
