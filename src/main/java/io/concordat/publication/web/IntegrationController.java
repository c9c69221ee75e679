package io.concordat.publication.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.publication.PactService;
import io.concordat.web.Hal;
import io.concordat.web.Link;
import io.concordat.web.Links;
import io.concordat.web.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /integrations}: every consumer–provider pair that has exchanged a pact.
 */
@RestController
class IntegrationController {

	private final PactService pacts;

	private final Links links;

	IntegrationController(PactService pacts, Links links) {
		this.pacts = pacts;
		this.links = links;
	}

	@GetMapping("/integrations")
	ResponseEntity<Map<String, Object>> list(@RequestParam(required = false) @Nullable String q, Paging paging) {
		String query = (q != null) ? q : "";
		int limit = paging.requested() ? paging.size() : Integer.MAX_VALUE;
		List<Map<String, Object>> integrations = new ArrayList<>();
		for (PactService.Integration integration : this.pacts.integrations(query, paging.offset(), limit)) {
			String consumer = integration.consumer();
			String provider = integration.provider();
			Map<String, Object> rels = new LinkedHashMap<>();
			rels.put("pb:dashboard", Link.to(this.links.href("dashboard", "provider", provider, "consumer", consumer),
					"BETA: Pacts to show on the dashboard"));
			// Relative, as the Pact Broker writes this one link.
			rels.put("pb:matrix",
					Link.to("/matrix/provider/" + Links.encode(provider) + "/consumer/" + Links.encode(consumer),
							"Matrix of pacts/verification results for " + consumer + " and " + provider));
			rels.put("pb:group", Link.to(this.links.href("pacticipants", consumer)));
			rels.put("pb:delete_integration",
					Link.to(this.links.href("integrations", "provider", provider, "consumer", consumer),
							"Delete the integration between " + consumer + " and " + provider));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("consumer", Map.of("name", consumer));
			entry.put("provider", Map.of("name", provider));
			entry.put("_links", rels);
			integrations.add(entry);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		Map<String, Object> rels = new LinkedHashMap<>();
		String self = this.links.href("integrations");
		paging.describe(this.pacts.countIntegrations(query), self, body, rels);
		body.put("_embedded", Map.of("integrations", integrations));
		rels.put("self", Link.to(self, "All integrations"));
		body.put("_links", rels);
		return Hal.ok(body);
	}

}
