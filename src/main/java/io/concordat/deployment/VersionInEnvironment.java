package io.concordat.deployment;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A version currently present in an environment: one row per current deployment (per
 * application instance) and one per supported release, so a version both deployed and
 * released there appears twice.
 *
 * @param versionId the version's id
 * @param version the version number
 * @param versionOrder the version's creation order (higher is newer)
 * @param pacticipantId the pacticipant's id
 * @param pacticipant the pacticipant's name
 * @param environmentId the environment's id
 * @param environment the environment's name
 * @param production whether the environment is a production one
 * @param kind {@link Kind#DEPLOYED} or {@link Kind#RELEASED}
 * @param applicationInstance the application instance of a deployment, if it names one
 * @param recordUuid the id of the deployed or released version record
 */
public record VersionInEnvironment(long versionId, String version, long versionOrder, long pacticipantId,
		String pacticipant, long environmentId, String environment, boolean production, Kind kind,
		@Nullable String applicationInstance, UUID recordUuid) {

}
