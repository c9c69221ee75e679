package io.concordat.publication;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Publish contracts for one version of a consumer ({@code POST /contracts/publish}).
 *
 * @param pacticipant the consumer publishing
 * @param version its version number
 * @param branch the branch the version is on, if given
 * @param tags tags to add to the version (existing tags are kept)
 * @param buildUrl the CI build, if given (overwrites an earlier one)
 * @param contracts the pacts, one per provider
 */
public record PublishContracts(String pacticipant, String version, @Nullable String branch, List<String> tags,
		@Nullable String buildUrl, List<ContractToPublish> contracts) {

	/**
	 * @param consumer the consumer name (must be the publishing pacticipant)
	 * @param provider the provider name
	 * @param content the pact document (JSON text)
	 * @param merge {@code onConflict: merge}: add the interactions to an existing pact
	 * for this version
	 */
	public record ContractToPublish(String consumer, String provider, String content, boolean merge) {

	}

}
