package io.concordat.verification;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A broker where no deployment is recorded: there are no environments, so no version is
 * deployed or released anywhere and every environment named in a selector is unknown.
 */
public class NoDeploymentsRecorded implements DeployedVersions {

	@Override
	public boolean environmentExists(String environment) {
		return false;
	}

	@Override
	public List<EnvironmentVersion> currentlyDeployed(long providerId, @Nullable String consumer,
			@Nullable String environment) {
		return List.of();
	}

	@Override
	public List<EnvironmentVersion> currentlySupported(long providerId, @Nullable String consumer,
			@Nullable String environment) {
		return List.of();
	}

}
