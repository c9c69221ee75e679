package io.concordat.publication.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.concordat.pacticipant.VersionView;
import io.concordat.publication.PactService;
import io.concordat.publication.PactView;
import io.concordat.web.Link;
import io.concordat.web.LinkContributor;

import org.springframework.stereotype.Component;

/**
 * Adds {@code pb:pact-versions} (the pacts a version published) to the pacticipant
 * version resource.
 */
@Component
class VersionPactLinks implements LinkContributor<VersionView> {

	private final PactService pacts;

	private final PactResources resources;

	VersionPactLinks(PactService pacts, PactResources resources) {
		this.pacts = pacts;
		this.resources = resources;
	}

	@Override
	public void contribute(VersionView version, Map<String, Object> links) {
		contributeAll(List.of(version), List.of(links));
	}

	/** Reads which providers the page's versions published for in one query. */
	@Override
	public void contributeAll(List<VersionView> versions, List<Map<String, Object>> links) {
		Map<Long, List<String>> providers = this.pacts
			.providersPublishedFor(versions.stream().map(VersionView::id).toList());
		for (int i = 0; i < versions.size(); i++) {
			VersionView version = versions.get(i);
			List<Link> pactLinks = new ArrayList<>();
			for (String provider : providers.getOrDefault(version.id(), List.of())) {
				pactLinks.add(Link.to(this.resources.pactHref(provider, version.pacticipant(), version.number()),
						"Pact", PactView.title(version.pacticipant(), version.number(), provider)));
			}
			links.get(i).put("pb:pact-versions", pactLinks);
		}
	}

}
