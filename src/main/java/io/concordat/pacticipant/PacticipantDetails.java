package io.concordat.pacticipant;

import org.jspecify.annotations.Nullable;

/**
 * What a user can set on a pacticipant besides its name.
 *
 * @param displayName shown in the UI; derived from the name when absent
 * ({@code orders-api} → {@code Orders Api})
 * @param mainBranch the branch whose head is "the latest" for main-branch selectors
 * @param repositoryUrl where its code lives
 * @param repositoryName repository name
 * @param repositoryNamespace repository namespace (organisation)
 */
public record PacticipantDetails(@Nullable String displayName, @Nullable String mainBranch,
		@Nullable String repositoryUrl, @Nullable String repositoryName, @Nullable String repositoryNamespace) {

	public static PacticipantDetails none() {
		return new PacticipantDetails(null, null, null, null, null);
	}

	public PacticipantDetails withMainBranch(@Nullable String branch) {
		return new PacticipantDetails(this.displayName, branch, this.repositoryUrl, this.repositoryName,
				this.repositoryNamespace);
	}

}
