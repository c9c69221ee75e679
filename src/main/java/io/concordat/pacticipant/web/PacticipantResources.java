package io.concordat.pacticipant.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.pacticipant.BranchView;
import io.concordat.pacticipant.LabelService;
import io.concordat.pacticipant.LabelView;
import io.concordat.pacticipant.PacticipantView;
import io.concordat.pacticipant.TagView;
import io.concordat.pacticipant.VersionView;
import io.concordat.web.Link;
import io.concordat.web.LinkContributor;
import io.concordat.web.Links;
import io.concordat.web.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The Pact Broker's JSON for pacticipants, versions, branches and tags. Shapes follow the
 * captured exchanges, including the deprecated duplicates that older clients still read.
 */
@Component
class PacticipantResources {

	private final Links links;

	private final List<LinkContributor<VersionView>> versionLinks;

	private final List<LinkContributor<PacticipantView>> pacticipantLinks;

	private final LabelService labels;

	PacticipantResources(Links links, List<LinkContributor<VersionView>> versionLinks,
			List<LinkContributor<PacticipantView>> pacticipantLinks, LabelService labels) {
		this.links = links;
		this.labels = labels;
		this.versionLinks = versionLinks;
		this.pacticipantLinks = pacticipantLinks;
	}

	String pacticipantHref(String name) {
		return this.links.href("pacticipants", name);
	}

	String versionHref(String pacticipant, String number) {
		return this.links.href("pacticipants", pacticipant, "versions", number);
	}

	String tagHref(String pacticipant, String number, String tag) {
		return this.links.href("pacticipants", pacticipant, "versions", number, "tags", tag);
	}

	String labelHref(String pacticipant, String label) {
		return this.links.href("pacticipants", pacticipant, "labels", label);
	}

	Map<String, Object> label(LabelView label) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", label.name());
		body.put("createdAt", Timestamps.format(label.createdAt()));
		String pacticipant = pacticipantHref(label.pacticipant());
		body.put("_embedded", Map.of("pacticipant",
				Map.of("name", label.pacticipant(), "_links", Map.of("self", Link.to(pacticipant)))));
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(labelHref(label.pacticipant(), label.name()), "Label", label.name()));
		rels.put("pb:pacticipant", Link.to(pacticipant, "Pacticipant", label.pacticipant()));
		body.put("_links", rels);
		return body;
	}

	String branchHref(String pacticipant, String branch) {
		return this.links.href("pacticipants", pacticipant, "branches", branch);
	}

	String branchVersionHref(String pacticipant, String branch, String number) {
		return this.links.href("pacticipants", pacticipant, "branches", branch, "versions", number);
	}

	Map<String, Object> pacticipant(PacticipantView pacticipant, boolean withContributions) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", pacticipant.name());
		putIfPresent(body, "displayName", pacticipant.details().displayName());
		putIfPresent(body, "repositoryUrl", pacticipant.details().repositoryUrl());
		putIfPresent(body, "repositoryName", pacticipant.details().repositoryName());
		putIfPresent(body, "repositoryNamespace", pacticipant.details().repositoryNamespace());
		putIfPresent(body, "mainBranch", pacticipant.mainBranch());
		putIfPresent(body, "updatedAt", Timestamps.format(pacticipant.updatedAt()));
		body.put("createdAt", Timestamps.format(pacticipant.createdAt()));
		Map<String, Object> embedded = new LinkedHashMap<>();
		if (pacticipant.latestVersion() != null) {
			embedded.put("latestVersion", versionSummary(pacticipant.name(), pacticipant.latestVersion(), false));
		}
		List<Map<String, Object>> labelList = new ArrayList<>();
		for (String label : this.labels.labelsOf(pacticipant.id())) {
			labelList.add(Map.of("name", label, "_links",
					Map.of("self", Link.to(labelHref(pacticipant.name(), label), "Label", label))));
		}
		embedded.put("labels", labelList);
		if (pacticipant.latestVersion() != null) {
			embedded.put("latest-version", versionSummary(pacticipant.name(), pacticipant.latestVersion(), true));
		}
		body.put("_embedded", embedded);
		String self = pacticipantHref(pacticipant.name());
		String name = pacticipant.name();
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(self));
		rels.put("pb:versions", Link.to(self + "/versions"));
		rels.put("pb:branches", Link.to(self + "/branches"));
		if (withContributions) {
			this.pacticipantLinks.forEach((contributor) -> contributor.contribute(pacticipant, rels));
		}
		rels.put("pb:version",
				Link.template(self + "/versions/{version}", "Get, create or delete a pacticipant version"));
		rels.put("pb:version-tag", Link.template(self + "/versions/{version}/tags/{tag}",
				"Get, create or delete a tag for a version of " + name));
		rels.put("pb:branch-version", Link.template(self + "/branches/{branch}/versions/{version}",
				"Get or add/create a version for a branch of " + name));
		rels.put("pb:label", Link.template(self + "/labels/{label}", "Get, create or delete a label for " + name));
		rels.put("versions", Link.to(self + "/versions", "Deprecated - use pb:versions"));
		rels.put("pb:can-i-deploy-badge",
				Link.template(self + "/latest-version/{tag}/can-i-deploy/to/{environmentTag}/badge",
						"Can I Deploy " + name + " badge"));
		rels.put("pb:can-i-deploy-branch-to-environment-badge",
				Link.template(
						self + "/branches/{branch}/latest-version/can-i-deploy/to-environment/{environment}/badge",
						"Can I Deploy " + name + " from branch to environment badge"));
		rels.put("curies", curies("pacticipant"));
		body.put("_links", rels);
		return body;
	}

	Map<String, Object> versionSummary(String pacticipant, String number, boolean deprecated) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("number", number);
		summary.put("_links", Map.of("self", Link.to(versionHref(pacticipant, number), "Version", number)));
		if (deprecated) {
			summary.put("title", "DEPRECATED - please use latestVersion");
			summary.put("name", "DEPRECATED - please use latestVersion");
		}
		return summary;
	}

	Map<String, Object> version(VersionView version) {
		return versions(List.of(version)).get(0);
	}

	/**
	 * Several versions, as a collection page embeds them: the features that add links
	 * read what they need for the whole page at once.
	 */
	List<Map<String, Object>> versions(List<VersionView> versions) {
		List<Map<String, Object>> bodies = new ArrayList<>();
		List<Map<String, Object>> rels = new ArrayList<>();
		for (VersionView version : versions) {
			Map<String, Object> links = new LinkedHashMap<>();
			bodies.add(versionWithoutContributions(version, links));
			rels.add(links);
		}
		this.versionLinks.forEach((contributor) -> contributor.contributeAll(versions, rels));
		for (Map<String, Object> links : rels) {
			links.put("curies", curies("version"));
		}
		return bodies;
	}

	/**
	 * The version's body, its own links put into {@code rels}, which becomes its
	 * {@code _links}.
	 */
	private Map<String, Object> versionWithoutContributions(VersionView version, Map<String, Object> rels) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("number", version.number());
		putIfPresent(body, "buildUrl", version.buildUrl());
		body.put("createdAt", Timestamps.format(version.createdAt()));
		List<Map<String, Object>> branchVersions = new ArrayList<>();
		for (VersionView.BranchMembership membership : version.branches()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("name", membership.branch());
			item.put("latest", membership.latest());
			item.put("_links",
					Map.of("self",
							Link.to(branchVersionHref(version.pacticipant(), membership.branch(), version.number()),
									"Branch version", membership.branch())));
			branchVersions.add(item);
		}
		List<Map<String, Object>> tags = new ArrayList<>();
		for (TagView tag : version.tags()) {
			tags.add(Map.of("name", tag.name(), "_links", Map.of("self",
					Link.to(tagHref(version.pacticipant(), version.number(), tag.name()), "Tag", tag.name()))));
		}
		Map<String, Object> embedded = new LinkedHashMap<>();
		embedded.put("branchVersions", branchVersions);
		embedded.put("branches", branchVersions);
		embedded.put("tags", tags);
		body.put("_embedded", embedded);
		String self = versionHref(version.pacticipant(), version.number());
		rels.put("self", Link.to(self, "Version", version.number()));
		rels.put("pb:pacticipant",
				Link.to(pacticipantHref(version.pacticipant()), "Pacticipant", version.pacticipant()));
		rels.put("pb:tag",
				Link.template(self + "/tags/{tag}", "Get, create or delete a tag for this pacticipant version"));
		body.put("_links", rels);
		return body;
	}

	Map<String, Object> tag(String pacticipant, String number, TagView tag) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", tag.name());
		body.put("createdAt", Timestamps.format(tag.createdAt()));
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(tagHref(pacticipant, number, tag.name()), "Tag", tag.name()));
		rels.put("version", Link.to(versionHref(pacticipant, number), "Version", number));
		rels.put("pacticipant", Link.to(pacticipantHref(pacticipant), "Pacticipant", pacticipant));
		body.put("_links", rels);
		return body;
	}

	Map<String, Object> branch(BranchView branch) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", branch.name());
		body.put("updatedAt", Timestamps.format(branch.updatedAt()));
		body.put("createdAt", Timestamps.format(branch.createdAt()));
		String self = branchHref(branch.pacticipant(), branch.name());
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(self, "Branch", branch.name()));
		rels.put("pb:latest-version", Link.to(self + "/latest-version", "Latest version for branch"));
		rels.put("pb:pacticipant", Link.to(pacticipantHref(branch.pacticipant()), "Pacticipant", branch.pacticipant()));
		body.put("_links", rels);
		return body;
	}

	Map<String, Object> branchVersion(String pacticipant, String branch, String number, java.time.Instant createdAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("createdAt", Timestamps.format(createdAt));
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(branchVersionHref(pacticipant, branch, number), "Branch version"));
		rels.put("pb:branch", Link.to(branchHref(pacticipant, branch), "Branch", branch));
		rels.put("pb:version", Link.to(versionHref(pacticipant, number), "Version", number));
		body.put("_links", rels);
		return body;
	}

	List<Link> curies(String context) {
		return List.of(new Link(this.links.raw("/doc/{rel}?context=" + context), null, "pb", true));
	}

	private static void putIfPresent(Map<String, Object> body, String key, @Nullable Object value) {
		if (value != null) {
			body.put(key, value);
		}
	}

}
