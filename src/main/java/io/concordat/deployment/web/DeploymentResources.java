package io.concordat.deployment.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.concordat.deployment.Contact;
import io.concordat.deployment.DeployedVersionView;
import io.concordat.deployment.EnvironmentView;
import io.concordat.deployment.ReleasedVersionView;
import io.concordat.web.Link;
import io.concordat.web.Links;
import io.concordat.web.NotFoundException;
import io.concordat.web.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The Pact Broker's JSON for environments, deployed versions and released versions, as in
 * the captured exchanges: nil properties omitted, {@code updatedAt} only once it differs
 * from {@code createdAt}, the whole environment embedded in a deployment or release.
 */
@Component
class DeploymentResources {

	private static final Pattern UUID_FORMAT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final Links links;

	DeploymentResources(Links links) {
		this.links = links;
	}

	/**
	 * The id in a URL; anything that is not a UUID names nothing (404, like an unknown
	 * one).
	 */
	static UUID uuid(String value, String what) {
		if (!UUID_FORMAT.matcher(value).matches()) {
			throw new NotFoundException("No " + what + " with UUID " + value + " found");
		}
		return UUID.fromString(value);
	}

	String environmentsHref() {
		return this.links.href("environments");
	}

	String environmentHref(UUID uuid) {
		return this.links.href("environments", uuid.toString());
	}

	String deployedVersionHref(UUID uuid) {
		return this.links.href("deployed-versions", uuid.toString());
	}

	String releasedVersionHref(UUID uuid) {
		return this.links.href("released-versions", uuid.toString());
	}

	String currentlyDeployedHref(UUID environment) {
		return environmentHref(environment) + "/deployed-versions/currently-deployed";
	}

	String currentlySupportedHref(UUID environment) {
		return environmentHref(environment) + "/released-versions/currently-supported";
	}

	String recordDeploymentHref(String pacticipant, String version, UUID environment) {
		return this.links.href("pacticipants", pacticipant, "versions", version, "deployed-versions", "environment",
				environment.toString());
	}

	String recordReleaseHref(String pacticipant, String version, UUID environment) {
		return this.links.href("pacticipants", pacticipant, "versions", version, "released-versions", "environment",
				environment.toString());
	}

	Map<String, Object> environment(EnvironmentView environment) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("uuid", environment.uuid().toString());
		body.put("name", environment.name());
		body.put("displayName", environment.displayName());
		body.put("production", environment.production());
		if (environment.contacts() != null) {
			body.put("contacts", contacts(environment.contacts()));
		}
		timestamps(body, environment.createdAt(), environment.updatedAt());
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(environmentHref(environment.uuid()), "Environment", environment.name()));
		rels.put("pb:currently-deployed-deployed-versions", Link.to(currentlyDeployedHref(environment.uuid()),
				"Versions currently deployed to " + environment.displayName() + " environment"));
		rels.put("pb:currently-supported-released-versions", Link.to(currentlySupportedHref(environment.uuid()),
				"Versions released and supported in " + environment.displayName() + " environment"));
		rels.put("pb:environments", Link.to(environmentsHref(), "Environments"));
		body.put("_links", rels);
		return body;
	}

	Map<String, Object> environments(List<EnvironmentView> environments) {
		List<Map<String, Object>> embedded = new ArrayList<>();
		List<Link> environmentLinks = new ArrayList<>();
		for (EnvironmentView environment : environments) {
			embedded.add(environment(environment));
			environmentLinks.add(Link.to(environmentHref(environment.uuid()), "Environment", environment.name()));
		}
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(environmentsHref(), "Environments"));
		rels.put("pb:environments", environmentLinks);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("_embedded", Map.of("environments", embedded));
		body.put("_links", rels);
		return body;
	}

	/** A deployment with its pacticipant, version and environment embedded. */
	Map<String, Object> deployedVersion(DeployedVersionView deployment) {
		return deployedVersion(deployment, true, true);
	}

	/**
	 * A deployment as an item of a list: with its pacticipant and version embedded (the
	 * currently deployed list) or nothing embedded.
	 */
	Map<String, Object> deployedVersion(DeployedVersionView deployment, boolean embedVersion,
			boolean embedEnvironment) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("uuid", deployment.uuid().toString());
		body.put("currentlyDeployed", deployment.currentlyDeployed());
		if (deployment.applicationInstance() != null) {
			// "target" is the instance's name from the Pact Broker's beta; clients still
			// read it.
			body.put("target", deployment.applicationInstance());
			body.put("applicationInstance", deployment.applicationInstance());
		}
		putIfPresent(body, "undeployedAt", Timestamps.format(deployment.undeployedAt()));
		timestamps(body, deployment.createdAt(), deployment.updatedAt());
		embed(body, deployment.pacticipant(), deployment.version(), embedVersion,
				embedEnvironment ? deployment.environment() : null);
		body.put("_links", Map.of("self", Link.to(deployedVersionHref(deployment.uuid()))));
		return body;
	}

	Map<String, Object> deployedVersions(List<DeployedVersionView> deployments, boolean embedVersion, String self,
			String title) {
		List<Map<String, Object>> embedded = new ArrayList<>();
		for (DeployedVersionView deployment : deployments) {
			embedded.add(deployedVersion(deployment, embedVersion, false));
		}
		return collection("deployedVersions", embedded, self, title);
	}

	/** A release with its pacticipant, version and environment embedded. */
	Map<String, Object> releasedVersion(ReleasedVersionView release) {
		return releasedVersion(release, true, true);
	}

	Map<String, Object> releasedVersion(ReleasedVersionView release, boolean embedVersion, boolean embedEnvironment) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("uuid", release.uuid().toString());
		body.put("currentlySupported", release.currentlySupported());
		timestamps(body, release.createdAt(), release.updatedAt());
		putIfPresent(body, "supportEndedAt", Timestamps.format(release.supportEndedAt()));
		embed(body, release.pacticipant(), release.version(), embedVersion,
				embedEnvironment ? release.environment() : null);
		body.put("_links", Map.of("self", Link.to(releasedVersionHref(release.uuid()))));
		return body;
	}

	Map<String, Object> releasedVersions(List<ReleasedVersionView> releases, boolean embedVersion, String self,
			String title) {
		List<Map<String, Object>> embedded = new ArrayList<>();
		for (ReleasedVersionView release : releases) {
			embedded.add(releasedVersion(release, embedVersion, false));
		}
		return collection("releasedVersions", embedded, self, title);
	}

	/** A {@code pb:deployed-environments} item of a version or pacticipant resource. */
	Map<String, Object> deployedEnvironmentLink(DeployedVersionView deployment, boolean withInstance) {
		String displayName = deployment.environment().displayName();
		Map<String, Object> link = new LinkedHashMap<>();
		link.put("title", "Version deployed to " + displayName);
		link.put("name", displayName);
		link.put("href", deployedVersionHref(deployment.uuid()));
		link.put("currently_deployed", deployment.currentlyDeployed());
		if (withInstance && deployment.applicationInstance() != null) {
			link.put("application_instance", deployment.applicationInstance());
		}
		return link;
	}

	/** A {@code pb:released-environments} item of a version resource. */
	Map<String, Object> releasedEnvironmentLink(ReleasedVersionView release) {
		String displayName = release.environment().displayName();
		Map<String, Object> link = new LinkedHashMap<>();
		link.put("title", "Version released to " + displayName);
		link.put("name", displayName);
		link.put("href", releasedVersionHref(release.uuid()));
		link.put("currently_supported", release.currentlySupported());
		return link;
	}

	private void embed(Map<String, Object> body, String pacticipant, String version, boolean embedVersion,
			@Nullable EnvironmentView environment) {
		if (!embedVersion && environment == null) {
			return;
		}
		Map<String, Object> embedded = new LinkedHashMap<>();
		if (embedVersion) {
			Map<String, Object> pacticipantSummary = new LinkedHashMap<>();
			pacticipantSummary.put("name", pacticipant);
			pacticipantSummary.put("_links", Map.of("self", Link.to(this.links.href("pacticipants", pacticipant))));
			embedded.put("pacticipant", pacticipantSummary);
			Map<String, Object> versionSummary = new LinkedHashMap<>();
			versionSummary.put("number", version);
			versionSummary.put("_links", Map.of("self",
					Link.to(this.links.href("pacticipants", pacticipant, "versions", version), "Version", version)));
			embedded.put("version", versionSummary);
		}
		if (environment != null) {
			embedded.put("environment", environment(environment));
		}
		body.put("_embedded", embedded);
	}

	private static Map<String, Object> collection(String name, List<Map<String, Object>> items, String self,
			String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("_embedded", Map.of(name, items));
		body.put("_links", Map.of("self", Link.to(self, title)));
		return body;
	}

	private static List<Map<String, Object>> contacts(List<Contact> contacts) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Contact contact : contacts) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("name", contact.name());
			if (contact.details() != null) {
				item.put("details", contact.details());
			}
			items.add(item);
		}
		return items;
	}

	private static void timestamps(Map<String, Object> body, Instant createdAt, Instant updatedAt) {
		if (!updatedAt.equals(createdAt)) {
			body.put("updatedAt", Timestamps.format(updatedAt));
		}
		body.put("createdAt", Timestamps.format(createdAt));
	}

	private static void putIfPresent(Map<String, Object> body, String key, @Nullable Object value) {
		if (value != null) {
			body.put(key, value);
		}
	}

}
