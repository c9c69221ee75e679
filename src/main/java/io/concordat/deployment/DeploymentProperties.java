package io.concordat.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deployments are recorded.
 *
 * @param createDeployedVersionsForTags tagging a version with an environment's name
 * records a deployment there, for pipelines that still tag instead of calling
 * record-deployment (the Pact Broker's setting of the same name)
 */
@ConfigurationProperties("concordat.deployment")
public record DeploymentProperties(@DefaultValue("true") boolean createDeployedVersionsForTags) {

}
