package io.concordat.publication.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.publication.PactMetadata;
import io.concordat.publication.PactView;
import io.concordat.publication.contract.PactContent;
import io.concordat.web.Link;
import io.concordat.web.Links;
import io.concordat.web.Timestamps;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Pact documents and pact collections in the Pact Broker's shapes.
 */
@Component
class PactResources {

	private final Links links;

	private final JsonMapper json;

	PactResources(Links links, JsonMapper json) {
		this.links = links;
		this.json = json;
	}

	String pactHref(PactView pact) {
		return pactHref(pact.provider(), pact.consumer(), pact.consumerVersion());
	}

	String pactHref(String provider, String consumer, String version) {
		return this.links.href("pacts", "provider", provider, "consumer", consumer, "version", version);
	}

	String integrationHref(String provider, String consumer) {
		return this.links.href("pacts", "provider", provider, "consumer", consumer);
	}

	String pactVersionHref(PactView pact) {
		return integrationHref(pact.provider(), pact.consumer()) + "/pact-version/" + pact.sha();
	}

	String pacticipantHref(String name) {
		return this.links.href("pacticipants", name);
	}

	String versionHref(String pacticipant, String number) {
		return this.links.href("pacticipants", pacticipant, "versions", number);
	}

	/**
	 * The pact as published, with an {@code _id} on every interaction (verifiers echo it
	 * in their results), plus {@code createdAt} and the links verifiers navigate.
	 * @param metadata the metadata segment the pact was fetched with, carried into the
	 * verification-results link
	 */
	String document(PactView pact, PactMetadata metadata) {
		ObjectNode document = (ObjectNode) this.json.readTree(PactContent.withInteractionIds(pact.content()));
		document.put("createdAt", Timestamps.format(pact.createdAt()));
		document.set("_links", this.json.valueToTree(documentLinks(pact, metadata)));
		return this.json.writeValueAsString(document);
	}

	private Map<String, Object> documentLinks(PactView pact, PactMetadata metadata) {
		String integration = integrationHref(pact.provider(), pact.consumer());
		String self = pactHref(pact);
		String pactVersion = pactVersionHref(pact);
		String contentWithMetadata = metadata.isEmpty() ? pactVersion : pactVersion + "/metadata/" + metadata.encode();
		String consumerVersion = versionHref(pact.consumer(), pact.consumerVersion());
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(self, "Pact", pact.title()));
		rels.put("pb:consumer", Link.to(pacticipantHref(pact.consumer()), "Consumer", pact.consumer()));
		rels.put("pb:consumer-version", Link.to(consumerVersion, "Consumer version", pact.consumerVersion()));
		rels.put("pb:provider", Link.to(pacticipantHref(pact.provider()), "Provider", pact.provider()));
		rels.put("pb:pact-version", Link.to(pactVersion, "Pact content version permalink", pact.sha()));
		rels.put("pb:latest-pact-version", Link.to(integration + "/latest", "Latest version of this pact"));
		rels.put("pb:all-pact-versions", Link.to(integration + "/versions", "All versions of this pact"));
		rels.put("pb:latest-untagged-pact-version",
				Link.to(integration + "/latest-untagged", "Latest untagged version of this pact"));
		rels.put("pb:latest-tagged-pact-version",
				Link.template(integration + "/latest/{tag}", "Latest tagged version of this pact"));
		rels.put("pb:previous-distinct",
				Link.to(self + "/previous-distinct", "Previous distinct version of this pact"));
		rels.put("pb:diff-previous-distinct",
				Link.to(self + "/diff/previous-distinct", "Diff with previous distinct version of this pact"));
		rels.put("pb:diff", Link.template(pactVersion + "/diff/pact-version/{pactVersion}",
				"Diff with another specified version of this pact"));
		rels.put("pb:pact-webhooks",
				Link.to(this.links.href("webhooks", "provider", pact.provider(), "consumer", pact.consumer()),
						"Webhooks for the pact between " + pact.consumer() + " and " + pact.provider()));
		rels.put("pb:consumer-webhooks", Link.to(this.links.href("webhooks", "consumer", pact.consumer()),
				"Webhooks for all pacts with consumer " + pact.consumer()));
		rels.put("pb:tag-prod-version", Link.to(consumerVersion + "/tags/prod",
				"PUT to this resource to tag this consumer version as 'production'"));
		rels.put("pb:tag-version",
				Link.to(consumerVersion + "/tags/{tag}", "PUT to this resource to tag this consumer version"));
		rels.put("pb:publish-verification-results",
				Link.to(contentWithMetadata + "/verification-results", "Publish verification results"));
		rels.put("pb:latest-verification-results", Link.to(pactVersion + "/verification-results/latest"));
		rels.put("pb:triggered-webhooks",
				Link.to(self + "/triggered-webhooks", "Webhooks triggered by the publication of this pact"));
		rels.put("pb:matrix-for-consumer-version",
				Link.to(this.links.raw("/matrix?q[][pacticipant]=" + Links.encode(pact.consumer()) + "&q[][version]="
						+ Links.encode(pact.consumerVersion()) + "&latestby=cvpv"),
						"View matrix rows for the consumer version to which this pact belongs"));
		rels.put("curies", List.of(new Link(this.links.raw("/doc/{rel}?context=pact"), null, "pb", true)));
		return rels;
	}

	/** A list of pacts as links, the shape of the Pact Broker's pact collections. */
	Map<String, Object> collection(String selfHref, String title, @Nullable String provider, @Nullable String consumer,
			List<PactView> pacts) {
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(selfHref, title));
		if (provider != null) {
			rels.put("pb:provider", Link.to(pacticipantHref(provider), "Provider", provider));
		}
		if (consumer != null) {
			rels.put("pb:consumer", Link.to(pacticipantHref(consumer), "Consumer", consumer));
		}
		List<Link> pactLinks = new ArrayList<>();
		List<Map<String, Object>> embedded = new ArrayList<>();
		for (PactView pact : pacts) {
			pactLinks.add(Link.to(pactHref(pact), pact.title(), pact.consumerVersion()));
			embedded.add(summary(pact));
		}
		rels.put("pb:pacts", pactLinks);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("_embedded", Map.of("pacts", embedded));
		body.put("_links", rels);
		return body;
	}

	/**
	 * {@code /pacts/provider/{p}/latest[/{tag}]}: one link per consumer, named by the
	 * consumer.
	 */
	Map<String, Object> latestForProvider(String selfHref, String title, String provider, List<PactView> pacts) {
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(selfHref, title));
		rels.put("pb:provider", Link.to(pacticipantHref(provider), null, provider));
		List<Link> pactLinks = new ArrayList<>();
		List<Link> deprecated = new ArrayList<>();
		for (PactView pact : pacts) {
			pactLinks.add(Link.to(pactHref(pact), pact.title(), pact.consumer()));
			deprecated.add(Link.to(pactHref(pact), "DEPRECATED - please use the pb:pacts relation. " + pact.title(),
					pact.consumer()));
		}
		rels.put("pb:pacts", pactLinks);
		rels.put("provider",
				Link.to(pacticipantHref(provider), provider, "DEPRECATED - please use the pb:provider relation"));
		rels.put("pacts", deprecated);
		return Map.of("_links", rels);
	}

	Map<String, Object> summary(PactView pact) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("createdAt", Timestamps.format(pact.createdAt()));
		Map<String, Object> consumer = new LinkedHashMap<>();
		consumer.put("name", pact.consumer());
		consumer.put("_embedded", Map.of("version", Map.of("number", pact.consumerVersion(), "_links", Map.of("self",
				Link.to(versionHref(pact.consumer(), pact.consumerVersion()), "Version", pact.consumerVersion())))));
		consumer.put("_links", Map.of("self", Link.to(pacticipantHref(pact.consumer()))));
		Map<String, Object> provider = new LinkedHashMap<>();
		provider.put("name", pact.provider());
		provider.put("_links", Map.of("self", Link.to(pacticipantHref(pact.provider()))));
		summary.put("_embedded", Map.of("consumer", consumer, "provider", provider));
		summary.put("_links", Map.of("self", Link.to(pactHref(pact), pact.title(), pact.consumerVersion())));
		return summary;
	}

	String requestPath(String... segments) {
		return this.links.href(segments);
	}

	Links links() {
		return this.links;
	}

	JsonNode tree(String text) {
		return this.json.readTree(text);
	}

}
