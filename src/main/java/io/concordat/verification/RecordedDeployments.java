package io.concordat.verification;

import java.util.List;

import io.concordat.deployment.DeploymentService;
import io.concordat.deployment.EnvironmentService;
import io.concordat.deployment.Kind;
import io.concordat.deployment.VersionInEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deployed and released selectors answered from the deployments and releases the
 * deployment feature recorded: the consumer versions currently deployed, or released and
 * still supported, for the named consumer or else for every consumer of the provider.
 */
@Component
class RecordedDeployments implements DeployedVersions {

	private final EnvironmentService environments;

	private final DeploymentService deployments;

	private final JdbcClient jdbc;

	RecordedDeployments(EnvironmentService environments, DeploymentService deployments, JdbcClient jdbc) {
		this.environments = environments;
		this.deployments = deployments;
		this.jdbc = jdbc;
	}

	@Override
	public boolean environmentExists(String environment) {
		return this.environments.findByName(environment).isPresent();
	}

	@Override
	public List<EnvironmentVersion> currentlyDeployed(long providerId, @Nullable String consumer,
			@Nullable String environment) {
		return present(providerId, consumer, environment, Kind.DEPLOYED);
	}

	@Override
	public List<EnvironmentVersion> currentlySupported(long providerId, @Nullable String consumer,
			@Nullable String environment) {
		return present(providerId, consumer, environment, Kind.RELEASED);
	}

	private List<EnvironmentVersion> present(long providerId, @Nullable String consumer, @Nullable String environment,
			Kind kind) {
		List<VersionInEnvironment> found = (consumer != null) ? this.deployments.versionsIn(environment, consumer, kind)
				: this.deployments.versionsIn(environment, consumersOf(providerId), kind);
		return found.stream()
			.map((version) -> new EnvironmentVersion(version.versionId(), version.environment(), version.production(),
					version.applicationInstance()))
			.toList();
	}

	private List<Long> consumersOf(long providerId) {
		return this.jdbc.sql("select consumer_id from integrations where provider_id = :provider")
			.param("provider", providerId)
			.query(Long.class)
			.list();
	}

}
