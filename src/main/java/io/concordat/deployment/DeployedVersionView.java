package io.concordat.deployment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A recorded deployment of a version to an environment.
 *
 * @param id database id
 * @param uuid the id in its URL
 * @param versionId the deployed version's id
 * @param pacticipant the pacticipant's name
 * @param version the version number
 * @param environment where it was deployed
 * @param applicationInstance the application instance it replaced, if the environment
 * runs several
 * @param currentlyDeployed whether it is still running (no later deployment of the same
 * instance, not undeployed)
 * @param undeployedAt when it stopped running, if it has
 * @param autoCreated whether it was recorded because the version was tagged with the
 * environment's name
 * @param createdAt when it was recorded
 * @param updatedAt when it was last changed
 */
public record DeployedVersionView(long id, UUID uuid, long versionId, String pacticipant, String version,
		EnvironmentView environment, @Nullable String applicationInstance, boolean currentlyDeployed,
		@Nullable Instant undeployedAt, boolean autoCreated, Instant createdAt, Instant updatedAt) {

}
