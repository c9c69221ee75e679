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
		List<Link> pactLinks = new ArrayList<>();
		for (String provider : this.pacts.providersPublishedFor(version.id())) {
			pactLinks.add(Link.to(this.resources.pactHref(provider, version.pacticipant(), version.number()), "Pact",
					PactView.title(version.pacticipant(), version.number(), provider)));
		}
		links.put("pb:pact-versions", pactLinks);
	}

}
