package io.concordat.pacticipant;

import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /pacticipants/{p}} with merge-patch semantics: only the properties given
 * change, a {@code null} one is cleared.
 *
 * @param displayName the display name, if given
 * @param mainBranch the main branch, if given
 * @param repositoryUrl the repository URL, if given
 * @param repositoryName the repository name, if given
 * @param repositoryNamespace the repository namespace, if given
 */
public record PacticipantPatch(@Nullable Change displayName, @Nullable Change mainBranch,
		@Nullable Change repositoryUrl, @Nullable Change repositoryName, @Nullable Change repositoryNamespace) {

	PacticipantDetails applyTo(PacticipantDetails current) {
		return new PacticipantDetails(Change.applied(this.displayName, current.displayName()),
				Change.applied(this.mainBranch, current.mainBranch()),
				Change.applied(this.repositoryUrl, current.repositoryUrl()),
				Change.applied(this.repositoryName, current.repositoryName()),
				Change.applied(this.repositoryNamespace, current.repositoryNamespace()));
	}

}
