package io.concordat.pacticipant;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A pacticipant as other modules and the web edge see it.
 *
 * @param id database id, for joins in other modules
 * @param name unique name
 * @param details display name, main branch, repository
 * @param createdAt when it was created
 * @param updatedAt when it was last changed, if ever
 * @param latestVersion number of its latest version, if it has any
 */
public record PacticipantView(long id, String name, PacticipantDetails details, Instant createdAt,
		@Nullable Instant updatedAt, @Nullable String latestVersion) {

	public @Nullable String mainBranch() {
		return this.details.mainBranch();
	}

}
