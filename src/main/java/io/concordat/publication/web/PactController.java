package io.concordat.publication.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.concordat.publication.IntegrationService;
import io.concordat.publication.PactMetadata;
import io.concordat.publication.PactService;
import io.concordat.publication.PactView;
import io.concordat.publication.PublicationOutcome;
import io.concordat.publication.PublicationResult;
import io.concordat.publication.PublicationService;
import io.concordat.web.Hal;
import io.concordat.web.Link;
import io.concordat.web.MediaTypes;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * One integration's pacts: by consumer version (also the legacy publish endpoint), by
 * content, latest (overall, by tag, untagged, by branch) and the collections by tag and
 * branch.
 */
@RestController
class PactController {

	private static final String PACT = "/pacts/provider/{provider}/consumer/{consumer}";

	static final String CONSUMER_VERSION_HEADER = "X-Pact-Consumer-Version";

	private final PactService pacts;

	private final PublicationService publications;

	private final PactResources resources;

	private final IntegrationService integrations;

	PactController(PactService pacts, PublicationService publications, PactResources resources,
			IntegrationService integrations) {
		this.pacts = pacts;
		this.publications = publications;
		this.resources = resources;
		this.integrations = integrations;
	}

	@GetMapping({ PACT + "/version/{version}", PACT + "/versions/{version}",
			"/pact/provider/{provider}/consumer/{consumer}/version/{version}" })
	ResponseEntity<String> forVersion(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String version) {
		return document(this.pacts.forVersion(provider, consumer, version), PactMetadata.empty(),
				() -> "No pact found for " + consumer + " version " + version + " and provider " + provider);
	}

	@PutMapping(
			path = { PACT + "/version/{version}", PACT + "/versions/{version}",
					"/pact/provider/{provider}/consumer/{consumer}/version/{version}" },
			consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> publish(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String version, @RequestBody(required = false) @Nullable String body) {
		PublicationResult.Published published = this.publications.publishPact(provider, consumer, version,
				(body != null) ? body : "");
		String document = this.resources.document(published.pact(), PactMetadata.empty());
		if (published.outcome() == PublicationOutcome.CREATED) {
			return ResponseEntity.created(java.net.URI.create(this.resources.pactHref(published.pact())))
				.contentType(MediaTypes.HAL_JSON)
				.body(document);
		}
		return ResponseEntity.ok().contentType(MediaTypes.HAL_JSON).body(document);
	}

	@PatchMapping(
			path = { PACT + "/version/{version}", PACT + "/versions/{version}",
					"/pact/provider/{provider}/consumer/{consumer}/version/{version}" },
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaTypes.MERGE_PATCH_JSON_VALUE })
	ResponseEntity<String> merge(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String version, @RequestBody(required = false) @Nullable String body) {
		PublicationResult.Published published = this.publications.mergePact(provider, consumer, version,
				(body != null) ? body : "");
		HttpStatus status = (published.outcome() == PublicationOutcome.CREATED) ? HttpStatus.CREATED : HttpStatus.OK;
		return ResponseEntity.status(status)
			.contentType(MediaTypes.HAL_JSON)
			.body(this.resources.document(published.pact(), PactMetadata.empty()));
	}

	@DeleteMapping({ PACT + "/version/{version}", PACT + "/versions/{version}",
			"/pact/provider/{provider}/consumer/{consumer}/version/{version}" })
	ResponseEntity<Map<String, Object>> delete(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String version) {
		this.publications.deletePact(provider, consumer, version);
		return afterDeletion(provider, consumer);
	}

	/** Every pact between them; the Pact Broker answers this one with no body. */
	@DeleteMapping(PACT + "/versions")
	ResponseEntity<Void> deleteAll(@PathVariable String provider, @PathVariable String consumer) {
		this.integrations.deletePacts(provider, consumer);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping(PACT + "/tag/{tag}")
	ResponseEntity<Map<String, Object>> deleteWithTag(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String tag) {
		this.integrations.deletePactsWithTag(provider, consumer, tag);
		return afterDeletion(provider, consumer);
	}

	/**
	 * The pacts of a branch. The {@code latest/versions} form deletes the whole branch's
	 * pacts too, as the Pact Broker's does (it is the same resource).
	 */
	@DeleteMapping({ PACT + "/branch/{branch}", PACT + "/branch/{branch}/latest/versions", PACT + "/branch/versions",
			PACT + "/branch/latest/versions" })
	ResponseEntity<Map<String, Object>> deleteOnBranch(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable(required = false) @Nullable String branch) {
		this.integrations.deletePactsOnBranch(provider, consumer, branch);
		return afterDeletion(provider, consumer);
	}

	/**
	 * What the Pact Broker answers after deleting pacts: the index, and the latest pact
	 * that remains (if one does).
	 */
	private ResponseEntity<Map<String, Object>> afterDeletion(String provider, String consumer) {
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("index", Link.to(this.resources.links().baseUrl(), "Index"));
		if (this.pacts.latest(provider, consumer).isPresent()) {
			rels.put("pb:latest-pact-version",
					Link.to(this.resources.integrationHref(provider, consumer) + "/latest", "Latest pact"));
		}
		return Hal.ok(Map.of("_links", rels));
	}

	@GetMapping(PACT + "/pact-version/{sha}")
	ResponseEntity<String> byContent(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String sha) {
		return byContentWithMetadata(provider, consumer, sha, "");
	}

	/**
	 * The URL handed out by pacts-for-verification; the metadata says which consumer
	 * version is meant.
	 */
	@GetMapping(PACT + "/pact-version/{sha}/metadata/{metadata}")
	ResponseEntity<String> byContentWithMetadata(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String sha, @PathVariable String metadata) {
		PactMetadata decoded = PactMetadata.decode(metadata);
		return document(this.pacts.byContent(provider, consumer, sha, decoded.consumerVersionNumber()), decoded,
				() -> "No pact found with content " + sha + " between " + consumer + " and " + provider);
	}

	/**
	 * Also under the deprecated singular {@code /pact/…}, which old clients still use.
	 */
	@GetMapping({ PACT + "/latest", "/pact/provider/{provider}/consumer/{consumer}/latest" })
	ResponseEntity<String> latest(@PathVariable String provider, @PathVariable String consumer) {
		return latestDocument(this.pacts.latest(provider, consumer),
				() -> "No pact found between " + consumer + " and " + provider);
	}

	@GetMapping(PACT + "/latest-untagged")
	ResponseEntity<String> latestUntagged(@PathVariable String provider, @PathVariable String consumer) {
		return latestDocument(this.pacts.latestUntagged(provider, consumer),
				() -> "No untagged pact found between " + consumer + " and " + provider);
	}

	@GetMapping(PACT + "/latest/{tag}")
	ResponseEntity<String> latestWithTag(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String tag) {
		return latestDocument(this.pacts.latestWithTag(provider, consumer, tag),
				() -> "No pact with tag '" + tag + "' found between " + consumer + " and " + provider);
	}

	@GetMapping(PACT + "/branch/{branch}/latest")
	ResponseEntity<String> latestOnBranch(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String branch) {
		return latestDocument(this.pacts.latestOnBranch(provider, consumer, branch),
				() -> "No pact from branch '" + branch + "' found between " + consumer + " and " + provider);
	}

	@GetMapping(PACT + "/versions")
	ResponseEntity<Map<String, Object>> all(@PathVariable String provider, @PathVariable String consumer) {
		return collection(provider, consumer, "/versions",
				"All versions of the pact between " + consumer + " and " + provider,
				this.pacts.allVersions(provider, consumer));
	}

	@GetMapping(PACT + "/tag/{tag}")
	ResponseEntity<Map<String, Object>> withTag(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String tag) {
		return collection(provider, consumer, "/tag/" + io.concordat.web.Links.encode(tag),
				"Pacts between " + consumer + " and " + provider + " for consumer versions tagged " + tag,
				this.pacts.withTag(provider, consumer, tag));
	}

	@GetMapping(PACT + "/branch/{branch}")
	ResponseEntity<Map<String, Object>> onBranch(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String branch) {
		return collection(provider, consumer, "/branch/" + io.concordat.web.Links.encode(branch),
				"Pacts between " + consumer + " and " + provider + " for consumer branch " + branch,
				this.pacts.onBranch(provider, consumer, branch));
	}

	@GetMapping(PACT + "/branch/{branch}/latest/versions")
	ResponseEntity<Map<String, Object>> ofBranchHead(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String branch) {
		return collection(provider, consumer, "/branch/" + io.concordat.web.Links.encode(branch) + "/latest/versions",
				"Latest pact between " + consumer + " and " + provider + " for consumer branch " + branch,
				this.pacts.ofBranchHead(provider, consumer, branch));
	}

	@GetMapping(PACT + "/branch/versions")
	ResponseEntity<Map<String, Object>> onMainBranch(@PathVariable String provider, @PathVariable String consumer) {
		return collection(provider, consumer, "/branch/versions",
				"Pacts between " + consumer + " and " + provider + " for the consumer's main branch",
				this.pacts.onMainBranch(provider, consumer));
	}

	@GetMapping(PACT + "/branch/latest/versions")
	ResponseEntity<Map<String, Object>> ofMainBranchHead(@PathVariable String provider, @PathVariable String consumer) {
		return collection(provider, consumer, "/branch/latest/versions",
				"Latest pact between " + consumer + " and " + provider + " for the consumer's main branch",
				this.pacts.ofMainBranchHead(provider, consumer));
	}

	private ResponseEntity<Map<String, Object>> collection(String provider, String consumer, String suffix,
			String title, List<PactView> pacts) {
		String self = this.resources.integrationHref(provider, consumer) + suffix;
		return Hal.ok(this.resources.collection(self, title, provider, consumer, pacts));
	}

	/**
	 * A latest pact names the consumer version it is from in a header, as the Pact
	 * Broker's latest pact resource does: the Ruby client reads the version from it.
	 */
	private ResponseEntity<String> latestDocument(Optional<PactView> pact,
			java.util.function.Supplier<String> notFound) {
		PactView found = pact.orElseThrow(() -> new NotFoundException(notFound.get()));
		return ResponseEntity.ok()
			.header(CONSUMER_VERSION_HEADER, found.consumerVersion())
			.contentType(MediaTypes.HAL_JSON)
			.body(this.resources.document(found, PactMetadata.empty()));
	}

	private ResponseEntity<String> document(Optional<PactView> pact, PactMetadata metadata,
			java.util.function.Supplier<String> notFound) {
		PactView found = pact.orElseThrow(() -> new NotFoundException(notFound.get()));
		return ResponseEntity.ok().contentType(MediaTypes.HAL_JSON).body(this.resources.document(found, metadata));
	}

}
