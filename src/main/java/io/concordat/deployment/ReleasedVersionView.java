package io.concordat.deployment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A recorded release of a version to an environment.
 *
 * @param id database id
 * @param uuid the id in its URL
 * @param versionId the released version's id
 * @param pacticipant the pacticipant's name
 * @param version the version number
 * @param environment where it was released
 * @param supportEndedAt when its support ended, if it has
 * @param createdAt when it was first recorded
 * @param updatedAt when it was last changed (released again after its support ended)
 */
public record ReleasedVersionView(long id, UUID uuid, long versionId, String pacticipant, String version,
		EnvironmentView environment, @Nullable Instant supportEndedAt, Instant createdAt, Instant updatedAt) {

	public boolean currentlySupported() {
		return this.supportEndedAt == null;
	}

}
