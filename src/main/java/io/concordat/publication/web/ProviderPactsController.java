package io.concordat.publication.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.publication.PactService;
import io.concordat.publication.PactView;
import io.concordat.web.Hal;
import io.concordat.web.Link;
import io.concordat.web.Links;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A provider's pacts across its consumers ({@code /pacts/provider/{p}/…}) and the latest
 * pact of every integration ({@code /pacts/latest}).
 */
@RestController
class ProviderPactsController {

	private final PactService pacts;

	private final PactResources resources;

	ProviderPactsController(PactService pacts, PactResources resources) {
		this.pacts = pacts;
		this.resources = resources;
	}

	@GetMapping("/pacts/provider/{provider}/latest")
	ResponseEntity<Map<String, Object>> latest(@PathVariable String provider) {
		return Hal.ok(this.resources.latestForProvider(providerHref(provider) + "/latest",
				"Latest pact versions for the provider " + provider, provider,
				this.pacts.latestForProvider(provider, null)));
	}

	@GetMapping("/pacts/provider/{provider}/latest/{tag}")
	ResponseEntity<Map<String, Object>> latestWithTag(@PathVariable String provider, @PathVariable String tag) {
		return Hal.ok(this.resources.latestForProvider(providerHref(provider) + "/latest/" + Links.encode(tag),
				"Latest pact versions for the provider " + provider + " with consumer version tag " + tag, provider,
				this.pacts.latestForProvider(provider, tag)));
	}

	@GetMapping("/pacts/provider/{provider}")
	ResponseEntity<Map<String, Object>> all(@PathVariable String provider) {
		return Hal
			.ok(this.resources.collection(providerHref(provider), "All pact versions for the provider " + provider,
					provider, null, this.pacts.allForProvider(provider, null)));
	}

	@GetMapping("/pacts/provider/{provider}/tag/{tag}")
	ResponseEntity<Map<String, Object>> withTag(@PathVariable String provider, @PathVariable String tag) {
		return Hal.ok(this.resources.collection(providerHref(provider) + "/tag/" + Links.encode(tag),
				"All pact versions for the provider " + provider + " with consumer version tag " + tag, provider, null,
				this.pacts.allForProvider(provider, tag)));
	}

	@GetMapping("/pacts/provider/{provider}/branch")
	ResponseEntity<Map<String, Object>> mainBranch(@PathVariable String provider) {
		return Hal.ok(this.resources.collection(providerHref(provider) + "/branch",
				"All pact versions for the provider " + provider + " from each consumer's main branch", provider, null,
				this.pacts.forProviderBranch(provider, null, false)));
	}

	@GetMapping("/pacts/provider/{provider}/branch/latest")
	ResponseEntity<Map<String, Object>> latestMainBranch(@PathVariable String provider) {
		return Hal.ok(this.resources.collection(providerHref(provider) + "/branch/latest",
				"Latest pact versions for the provider " + provider + " from each consumer's main branch", provider,
				null, this.pacts.forProviderBranch(provider, null, true)));
	}

	@GetMapping("/pacts/provider/{provider}/branch/{branch}")
	ResponseEntity<Map<String, Object>> branch(@PathVariable String provider, @PathVariable String branch) {
		return Hal.ok(this.resources.collection(providerHref(provider) + "/branch/" + Links.encode(branch),
				"All pact versions for the provider " + provider + " from consumer branch " + branch, provider, null,
				this.pacts.forProviderBranch(provider, branch, false)));
	}

	@GetMapping("/pacts/provider/{provider}/branch/{branch}/latest")
	ResponseEntity<Map<String, Object>> latestBranch(@PathVariable String provider, @PathVariable String branch) {
		return Hal.ok(this.resources.collection(providerHref(provider) + "/branch/" + Links.encode(branch) + "/latest",
				"Latest pact versions for the provider " + provider + " from consumer branch " + branch, provider, null,
				this.pacts.forProviderBranch(provider, branch, true)));
	}

	@GetMapping("/pacts/latest")
	ResponseEntity<Map<String, Object>> latestOfEveryIntegration() {
		List<Map<String, Object>> entries = new ArrayList<>();
		List<Link> pbPacts = new ArrayList<>();
		List<Link> deprecated = new ArrayList<>();
		for (PactView pact : this.pacts.latestOfEveryIntegration()) {
			String latestHref = this.resources.integrationHref(pact.provider(), pact.consumer()) + "/latest";
			Map<String, Object> entry = new LinkedHashMap<>(this.resources.summary(pact));
			// The one place where self is an array: the /latest URL and the version URL.
			entry.put("_links", Map.of("self", List.of(Link.to(latestHref), Link.to(this.resources.pactHref(pact)))));
			entries.add(entry);
			String title = "Latest pact between " + pact.consumer() + " and " + pact.provider();
			pbPacts.add(Link.to(latestHref, title));
			deprecated.add(Link.to(latestHref, title, "DEPRECATED - please use the pb:pacts relation"));
		}
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("self", Link.to(this.resources.requestPath("pacts", "latest")));
		links.put("pb:pacts", pbPacts);
		links.put("pacts", deprecated);
		links.put("curies",
				List.of(new Link(this.resources.links().raw("/doc/{rel}?context=pacts"), null, "pb", true)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("pacts", entries);
		body.put("_links", links);
		return Hal.ok(body);
	}

	private String providerHref(String provider) {
		return this.resources.requestPath("pacts", "provider", provider);
	}

}
