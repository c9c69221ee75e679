package io.concordat.deployment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.concordat.deployment.DeployedVersionView;
import io.concordat.deployment.DeploymentService;
import io.concordat.pacticipant.PacticipantView;
import io.concordat.web.LinkContributor;

import org.springframework.stereotype.Component;

/**
 * Adds {@code pb:deployed-environments} to the pacticipant resource: the deployments of
 * its versions that currently run, one link each (an array, even when empty).
 */
@Component
class PacticipantDeploymentLinks implements LinkContributor<PacticipantView> {

	private final DeploymentService deployments;

	private final DeploymentResources resources;

	PacticipantDeploymentLinks(DeploymentService deployments, DeploymentResources resources) {
		this.deployments = deployments;
		this.resources = resources;
	}

	@Override
	public void contribute(PacticipantView pacticipant, Map<String, Object> links) {
		List<Map<String, Object>> deployed = new ArrayList<>();
		for (DeployedVersionView deployment : this.deployments.currentlyDeployedOf(pacticipant.id())) {
			deployed.add(this.resources.deployedEnvironmentLink(deployment, false));
		}
		links.put("pb:deployed-environments", deployed);
	}

}
