package io.concordat.verification;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The answer until deployments are recorded: there are no environments, so no version is
 * deployed or released anywhere and every environment named in a selector is unknown. The
 * deployment feature replaces this class with its own {@link DeployedVersions}.
 */
@Component
class NoDeploymentsRecorded implements DeployedVersions {

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
