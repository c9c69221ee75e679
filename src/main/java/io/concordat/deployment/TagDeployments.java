package io.concordat.deployment;

import io.concordat.pacticipant.VersionTagged;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pipelines that predate record-deployment tag the version they deploy with the
 * environment's name ({@code create-version-tag --tag production}); when an environment
 * of that name exists, the tag also records a deployment there, as the Pact Broker's
 * {@code create_deployed_versions_for_tags} does. Runs in the tagging transaction, so a
 * failed tag records nothing.
 */
@Component
class TagDeployments {

	private static final Log log = LogFactory.getLog(TagDeployments.class);

	private final boolean enabled;

	private final EnvironmentService environments;

	private final DeploymentService deployments;

	TagDeployments(DeploymentProperties properties, EnvironmentService environments, DeploymentService deployments) {
		this.enabled = properties.createDeployedVersionsForTags();
		this.environments = environments;
		this.deployments = deployments;
	}

	@EventListener
	void recordDeployment(VersionTagged tagged) {
		if (!this.enabled) {
			return;
		}
		this.environments.findByName(tagged.tag()).ifPresent((environment) -> {
			this.deployments.recordForTag(tagged.versionId(), tagged.pacticipantId(), environment);
			log.info(tagged.pacticipant() + " version " + tagged.version() + " was tagged with the name of environment "
					+ environment.name() + ", so it is recorded as deployed there");
		});
	}

}
