package io.concordat.deployment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.concordat.deployment.DeployedVersionView;
import io.concordat.deployment.DeploymentService;
import io.concordat.deployment.EnvironmentService;
import io.concordat.deployment.EnvironmentView;
import io.concordat.deployment.ReleaseService;
import io.concordat.deployment.ReleasedVersionView;
import io.concordat.pacticipant.VersionView;
import io.concordat.web.Link;
import io.concordat.web.LinkContributor;

import org.springframework.stereotype.Component;

/**
 * Adds to the pacticipant version resource where the version was deployed and released
 * ({@code pb:deployed-environments}, {@code pb:released-environments}) and one
 * {@code pb:record-deployment} and {@code pb:record-release} link per environment, named
 * by the environment's name: record-deployment and record-release pick the link by that
 * name. All four are arrays, even when empty.
 */
@Component
class VersionDeploymentLinks implements LinkContributor<VersionView> {

	private final EnvironmentService environments;

	private final DeploymentService deployments;

	private final ReleaseService releases;

	private final DeploymentResources resources;

	VersionDeploymentLinks(EnvironmentService environments, DeploymentService deployments, ReleaseService releases,
			DeploymentResources resources) {
		this.environments = environments;
		this.deployments = deployments;
		this.releases = releases;
		this.resources = resources;
	}

	@Override
	public void contribute(VersionView version, Map<String, Object> links) {
		contributeAll(List.of(version), List.of(links));
	}

	/**
	 * Reads the page's deployments and releases and the environments once, whatever the
	 * number of versions.
	 */
	@Override
	public void contributeAll(List<VersionView> versions, List<Map<String, Object>> links) {
		List<Long> ids = versions.stream().map(VersionView::id).toList();
		Map<Long, List<DeployedVersionView>> deployments = this.deployments.deploymentsOf(ids);
		Map<Long, List<ReleasedVersionView>> releases = this.releases.releasesOf(ids);
		List<EnvironmentView> environments = this.environments.list();
		for (int i = 0; i < versions.size(); i++) {
			VersionView version = versions.get(i);
			List<Map<String, Object>> deployed = new ArrayList<>();
			for (DeployedVersionView deployment : deployments.getOrDefault(version.id(), List.of())) {
				deployed.add(this.resources.deployedEnvironmentLink(deployment, true));
			}
			List<Map<String, Object>> released = new ArrayList<>();
			for (ReleasedVersionView release : releases.getOrDefault(version.id(), List.of())) {
				released.add(this.resources.releasedEnvironmentLink(release));
			}
			List<Link> recordDeployment = new ArrayList<>();
			List<Link> recordRelease = new ArrayList<>();
			for (EnvironmentView environment : environments) {
				recordDeployment.add(Link.to(
						this.resources.recordDeploymentHref(version.pacticipant(), version.number(),
								environment.uuid()),
						"Record deployment to " + environment.displayName(), environment.name()));
				recordRelease.add(Link.to(
						this.resources.recordReleaseHref(version.pacticipant(), version.number(), environment.uuid()),
						"Record release to " + environment.displayName(), environment.name()));
			}
			Map<String, Object> rels = links.get(i);
			rels.put("pb:deployed-environments", deployed);
			rels.put("pb:released-environments", released);
			rels.put("pb:record-deployment", recordDeployment);
			rels.put("pb:record-release", recordRelease);
		}
	}

}
