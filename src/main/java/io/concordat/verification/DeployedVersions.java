package io.concordat.verification;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where consumer versions run: the one question the {@code deployed}, {@code released},
 * {@code deployedOrReleased} and {@code environment} selectors ask. Recording
 * environments, deployments and releases is the deployment feature's job;
 * {@link RecordedDeployments} answers from what it recorded.
 */
public interface DeployedVersions {

	/** Whether an environment with this name exists. */
	boolean environmentExists(String environment);

	/**
	 * Versions of the provider's consumers that are currently deployed.
	 * @param providerId the provider whose consumers are meant
	 * @param consumer only this consumer's versions, if given
	 * @param environment only deployments to this environment, if given
	 */
	List<EnvironmentVersion> currentlyDeployed(long providerId, @Nullable String consumer,
			@Nullable String environment);

	/**
	 * Versions of the provider's consumers that are released and still supported.
	 * @param providerId the provider whose consumers are meant
	 * @param consumer only this consumer's versions, if given
	 * @param environment only releases to this environment, if given
	 */
	List<EnvironmentVersion> currentlySupported(long providerId, @Nullable String consumer,
			@Nullable String environment);

	/**
	 * A consumer version present in an environment.
	 *
	 * @param consumerVersionId the consumer version
	 * @param environment the environment's name
	 * @param production whether the environment is a production one
	 * @param target the deployment target (application instance), if any
	 */
	record EnvironmentVersion(long consumerVersionId, String environment, boolean production, @Nullable String target) {

	}

}
