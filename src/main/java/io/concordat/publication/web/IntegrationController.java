package io.concordat.publication.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.publication.IntegrationService;
import io.concordat.publication.PactService;
import io.concordat.web.Hal;
import io.concordat.web.Link;
import io.concordat.web.Links;
import io.concordat.web.NotFoundException;
import io.concordat.web.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /integrations}: every consumer–provider pair that has exchanged a pact, each
 * one, and deleting them.
 */
@RestController
class IntegrationController {

	private static final String ONE = "/integrations/provider/{provider}/consumer/{consumer}";

	private final PactService pacts;

	private final IntegrationService integrations;

	private final Links links;

	IntegrationController(PactService pacts, IntegrationService integrations, Links links) {
		this.pacts = pacts;
		this.integrations = integrations;
		this.links = links;
	}

	@GetMapping("/integrations")
	ResponseEntity<Map<String, Object>> list(@RequestParam(required = false) @Nullable String q, Paging paging) {
		String query = (q != null) ? q : "";
		int limit = paging.requested() ? paging.size() : Integer.MAX_VALUE;
		List<Map<String, Object>> integrations = new ArrayList<>();
		for (PactService.Integration integration : this.pacts.integrations(query, paging.offset(), limit)) {
			integrations.add(entry(integration, false));
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

	/**
	 * One integration, shaped as its entry in {@code /integrations} with a {@code self}
	 * link. The Pact Broker serves only DELETE here; a GET that answers 404 for a
	 * {@code pb:delete_integration} link the broker itself hands out helps nobody.
	 */
	@GetMapping(ONE)
	ResponseEntity<Map<String, Object>> get(@PathVariable String provider, @PathVariable String consumer) {
		PactService.Integration integration = this.integrations.find(provider, consumer)
			.orElseThrow(
					() -> new NotFoundException("No integration between " + consumer + " and " + provider + " found"));
		return Hal.ok(entry(integration, true));
	}

	/**
	 * Deletes the integration's pacts and the verification results of their content, as
	 * the Pact Broker does. Anyone may do it until authentication exists; it will then be
	 * an administrator's permission.
	 */
	@DeleteMapping(ONE)
	ResponseEntity<Void> delete(@PathVariable String provider, @PathVariable String consumer) {
		this.integrations.delete(provider, consumer);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Every integration, as deleting each one would. Administrators only, once security
	 * exists.
	 */
	@DeleteMapping("/integrations")
	ResponseEntity<Void> deleteAll() {
		this.integrations.deleteAll();
		return ResponseEntity.noContent().build();
	}

	private Map<String, Object> entry(PactService.Integration integration, boolean withSelf) {
		String consumer = integration.consumer();
		String provider = integration.provider();
		Map<String, Object> rels = new LinkedHashMap<>();
		if (withSelf) {
			rels.put("self", Link.to(this.links.href("integrations", "provider", provider, "consumer", consumer),
					"Integration between " + consumer + " and " + provider));
		}
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
		return entry;
	}

}
