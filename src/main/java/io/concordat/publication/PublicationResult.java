package io.concordat.publication;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /contracts/publish} did.
 *
 * @param pacticipant the consumer
 * @param version its version number
 * @param branch the branch given, if any
 * @param tags the tags given
 * @param contracts each pact published, with its outcome
 * @param notices messages about the version as a whole
 */
public record PublicationResult(String pacticipant, String version, @Nullable String branch, List<String> tags,
		List<Published> contracts, List<Notice> notices) {

	/**
	 * @param pact the pact now stored for the consumer version and provider
	 * @param outcome what the publication did
	 * @param notices what to tell the person publishing about this pact
	 */
	public record Published(PactView pact, PublicationOutcome outcome, List<Notice> notices) {

	}

}
