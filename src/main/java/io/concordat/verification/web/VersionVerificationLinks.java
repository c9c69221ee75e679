package io.concordat.verification.web;

import java.util.Map;

import io.concordat.pacticipant.VersionView;
import io.concordat.web.Link;
import io.concordat.web.LinkContributor;
import io.concordat.web.Links;

import org.springframework.stereotype.Component;

/**
 * Adds the consumer version's latest verification results to the pacticipant version
 * resource.
 */
@Component
class VersionVerificationLinks implements LinkContributor<VersionView> {

	private final Links links;

	VersionVerificationLinks(Links links) {
		this.links = links;
	}

	@Override
	public void contribute(VersionView version, Map<String, Object> rels) {
		rels.put("pb:latest-verification-results-where-pacticipant-is-consumer",
				Link.to(this.links.href("verification-results", "consumer", version.pacticipant(), "version",
						version.number(), "latest"), "Latest verification results for consumer version"));
	}

}
