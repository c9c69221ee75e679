package io.concordat.publication.web;

import java.util.function.Supplier;

import io.concordat.publication.PactMetadata;
import io.concordat.publication.PactService;
import io.concordat.publication.PactView;
import io.concordat.publication.contract.PactContent;
import io.concordat.web.MediaTypes;
import io.concordat.web.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What changed between two versions of a pact: the {@code pb:diff-previous-distinct},
 * {@code pb:diff} and {@code pb:previous-distinct} links of a pact document. Diffs are
 * plain text, as the Pact Broker serves them.
 */
@RestController
class PactDiffController {

	private static final String PACT = "/pacts/provider/{provider}/consumer/{consumer}";

	private final PactService pacts;

	private final PactResources resources;

	PactDiffController(PactService pacts, PactResources resources) {
		this.pacts = pacts;
		this.resources = resources;
	}

	@GetMapping(PACT + "/version/{version}/previous-distinct")
	ResponseEntity<String> previousDistinct(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String version) {
		PactView previous = previousDistinctOf(provider, consumer, version);
		return ResponseEntity.ok()
			.contentType(MediaTypes.HAL_JSON)
			.body(this.resources.document(previous, PactMetadata.empty()));
	}

	@GetMapping(PACT + "/version/{version}/diff/previous-distinct")
	ResponseEntity<String> diffWithPreviousDistinct(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String version) {
		PactView pact = forVersion(provider, consumer, version);
		return diff(previousDistinctOf(provider, consumer, version), pact);
	}

	@GetMapping(PACT + "/version/{version}/diff/version/{otherVersion}")
	ResponseEntity<String> diffWithVersion(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String version, @PathVariable String otherVersion) {
		return diff(forVersion(provider, consumer, otherVersion), forVersion(provider, consumer, version));
	}

	@GetMapping(PACT + "/pact-version/{sha}/diff/pact-version/{otherSha}")
	ResponseEntity<String> diffWithContent(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String sha, @PathVariable String otherSha) {
		return diff(byContent(provider, consumer, otherSha), byContent(provider, consumer, sha));
	}

	private ResponseEntity<String> diff(PactView from, PactView to) {
		String changes = PactContent.diff(from.content(), to.content());
		String text = "# Diff between versions " + from.consumerVersion() + " and " + to.consumerVersion()
				+ " of the pact between " + to.consumer() + " and " + to.provider() + "\n\n"
				+ (changes.isEmpty() ? "No differences in the content that affects verification.\n" : changes + "\n")
				+ "\nVersion " + from.consumerVersion() + ": " + this.resources.pactHref(from) + "\nVersion "
				+ to.consumerVersion() + ": " + this.resources.pactHref(to) + "\n";
		return ResponseEntity.ok().contentType(MediaTypes.TEXT_PLAIN).body(text);
	}

	private PactView previousDistinctOf(String provider, String consumer, String version) {
		return this.pacts.previousDistinct(forVersion(provider, consumer, version))
			.orElseThrow(notFound("No earlier version of the pact between " + consumer + " and " + provider
					+ " has content different from version " + version));
	}

	private PactView forVersion(String provider, String consumer, String version) {
		return this.pacts.forVersion(provider, consumer, version)
			.orElseThrow(
					notFound("No pact found for " + consumer + " version " + version + " and provider " + provider));
	}

	private PactView byContent(String provider, String consumer, String sha) {
		return this.pacts.byContent(provider, consumer, sha, null)
			.orElseThrow(notFound("No pact found with content " + sha + " between " + consumer + " and " + provider));
	}

	private static Supplier<NotFoundException> notFound(String message) {
		return () -> new NotFoundException(message);
	}

}
