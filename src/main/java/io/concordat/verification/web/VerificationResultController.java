package io.concordat.verification.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.concordat.publication.PactMetadata;
import io.concordat.publication.PactService;
import io.concordat.publication.PactView;
import io.concordat.verification.PublishVerificationResult;
import io.concordat.verification.VerificationService;
import io.concordat.verification.VerificationView;
import io.concordat.web.FieldErrors;
import io.concordat.web.Hal;
import io.concordat.web.InvalidRequestException;
import io.concordat.web.JsonBodies;
import io.concordat.web.Link;
import io.concordat.web.Links;
import io.concordat.web.WebProperties;
import io.concordat.web.Names;
import io.concordat.web.NotFoundException;
import io.concordat.web.Timestamps;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verification results: published through the {@code pb:publish-verification-results}
 * link of a pact (with or without the {@code /metadata/…} segment pacts-for-verification
 * hands out) and read back.
 */
@RestController
class VerificationResultController {

	private static final String CONTENT = "/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}";

	private final VerificationService verifications;

	private final PactService pacts;

	private final Links links;

	private final int maxTestResults;

	VerificationResultController(VerificationService verifications, PactService pacts, Links links, WebProperties web) {
		this.verifications = verifications;
		this.pacts = pacts;
		this.links = links;
		this.maxTestResults = web.maxTestResults();
	}

	/**
	 * Each test result becomes stored rows, so their number is bounded like the body's
	 * size: 413, naming {@code testResults}. pact-jvm and pact_verifier send one per
	 * interaction; the {@code {"tests": […]}} shape of older verifiers is counted too.
	 */
	private void tooManyTestResults(@Nullable JsonNode testResults) {
		if (testResults == null) {
			return;
		}
		JsonNode list = testResults.isObject() ? testResults.get("tests") : testResults;
		if (list != null && list.isArray() && list.size() > this.maxTestResults) {
			throw new InvalidRequestException(HttpStatus.CONTENT_TOO_LARGE, new FieldErrors().add("testResults",
					"must have at most " + this.maxTestResults + " entries (it has " + list.size() + ")"));
		}
	}

	@PostMapping(CONTENT + "/verification-results")
	ResponseEntity<Map<String, Object>> publish(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String sha, @RequestBody(required = false) @Nullable JsonNode body) {
		return publishWithMetadata(provider, consumer, sha, "", body);
	}

	@PostMapping(CONTENT + "/metadata/{metadata}/verification-results")
	ResponseEntity<Map<String, Object>> publishWithMetadata(@PathVariable String provider,
			@PathVariable String consumer, @PathVariable String sha, @PathVariable String metadata,
			@RequestBody(required = false) @Nullable JsonNode body) {
		JsonNode object = JsonBodies.object(body);
		FieldErrors errors = new FieldErrors();
		JsonNode success = object.get("success");
		if (success == null || success.isNull()) {
			errors.add("success", "is missing");
		}
		else if (!success.isBoolean()) {
			errors.add("success", "must be true or false");
		}
		String providerVersion = JsonBodies.string(object, "providerApplicationVersion", errors);
		if (providerVersion == null || providerVersion.isBlank()) {
			errors.add("providerApplicationVersion", "must be filled");
		}
		else {
			Names.check("providerApplicationVersion", providerVersion, errors);
		}
		String branch = JsonBodies.string(object, "providerApplicationVersionBranch", errors);
		if (branch != null && !branch.isBlank()) {
			Names.check("providerApplicationVersionBranch", branch, errors);
		}
		List<String> tags = JsonBodies.strings(object, "providerApplicationVersionTags", errors);
		if (tags != null) {
			for (int i = 0; i < tags.size(); i++) {
				Names.check("providerApplicationVersionTags", i, tags.get(i), errors);
			}
		}
		String buildUrl = JsonBodies.string(object, "buildUrl", errors);
		if (buildUrl != null && !isUrl(buildUrl)) {
			errors.add("buildUrl", "is not a valid URL");
		}
		JsonNode testResults = object.get("testResults");
		if (testResults != null && !testResults.isNull() && !testResults.isArray() && !testResults.isObject()) {
			errors.add("testResults", "must be an array");
		}
		tooManyTestResults(testResults);
		JsonNode verifiedBy = object.get("verifiedBy");
		if (verifiedBy != null && !verifiedBy.isNull() && !verifiedBy.isObject()) {
			errors.add("verifiedBy", "must be an object");
		}
		errors.throwIfAny();
		VerificationView result = this.verifications.publish(new PublishVerificationResult(provider, consumer, sha,
				PactMetadata.decode(metadata), success.asBoolean(), providerVersion, branch,
				(tags != null) ? tags : List.of(), buildUrl, verifiedBy, testResults));
		String self = resultHref(result);
		return ResponseEntity.created(URI.create(self))
			.contentType(io.concordat.web.MediaTypes.HAL_JSON)
			.body(representation(result));
	}

	/**
	 * A result, also under the {@code /metadata/…} URL of the pact it verified (verifiers
	 * build result URLs from the pact URL they were given).
	 */
	@GetMapping({ CONTENT + "/verification-results/{number:\\d+}",
			CONTENT + "/metadata/{metadata}/verification-results/{number:\\d+}" })
	ResponseEntity<Map<String, Object>> get(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String sha, @PathVariable long number) {
		return Hal.ok(representation(numbered(provider, consumer, sha, number)));
	}

	@DeleteMapping({ CONTENT + "/verification-results/{number:\\d+}",
			CONTENT + "/metadata/{metadata}/verification-results/{number:\\d+}" })
	ResponseEntity<Void> delete(@PathVariable String provider, @PathVariable String consumer, @PathVariable String sha,
			@PathVariable long number) {
		this.verifications.delete(numbered(provider, consumer, sha, number));
		return ResponseEntity.noContent().build();
	}

	/**
	 * The Pact Broker's "latest verification" resources are the result resource, so they
	 * delete too: the latest result goes and the one before becomes the latest.
	 */
	@DeleteMapping({ CONTENT + "/verification-results/latest",
			"/pacts/provider/{provider}/consumer/{consumer}/version/{version}/verification-results/latest",
			"/pacts/provider/{provider}/consumer/{consumer}/latest/verification-results/latest",
			"/pacts/provider/{provider}/consumer/{consumer}/latest/{tag}/verification-results/latest" })
	ResponseEntity<Void> deleteLatest(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable(required = false) @Nullable String sha,
			@PathVariable(required = false) @Nullable String version,
			@PathVariable(required = false) @Nullable String tag) {
		String content = sha;
		if (content == null) {
			Optional<PactView> pact = (version != null) ? this.pacts.forVersion(provider, consumer, version)
					: (tag != null) ? this.pacts.latestWithTag(provider, consumer, tag)
							: this.pacts.latest(provider, consumer);
			content = pact.orElseThrow(() -> noResult(consumer, provider)).sha();
		}
		this.verifications.delete(this.verifications.latestForContent(provider, consumer, content)
			.orElseThrow(() -> noResult(consumer, provider)));
		return ResponseEntity.noContent().build();
	}

	private VerificationView numbered(String provider, String consumer, String sha, long number) {
		return this.verifications.find(provider, consumer, sha, number)
			.orElseThrow(() -> new NotFoundException("No verification result " + number + " found for the pact "
					+ "between " + consumer + " and " + provider + " with content " + sha));
	}

	@GetMapping(CONTENT + "/verification-results/latest")
	ResponseEntity<Map<String, Object>> latestForContent(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String sha) {
		return Hal.ok(representation(this.verifications.latestForContent(provider, consumer, sha)
			.orElseThrow(() -> noResult(consumer, provider))));
	}

	@GetMapping("/pacts/provider/{provider}/consumer/{consumer}/version/{version}/verification-results/latest")
	ResponseEntity<Map<String, Object>> latestForConsumerVersion(@PathVariable String provider,
			@PathVariable String consumer, @PathVariable String version) {
		PactView pact = this.pacts.forVersion(provider, consumer, version)
			.orElseThrow(() -> noResult(consumer, provider));
		return latestForContent(provider, consumer, pact.sha());
	}

	@GetMapping("/pacts/provider/{provider}/consumer/{consumer}/latest/verification-results/latest")
	ResponseEntity<Map<String, Object>> latestForLatestPact(@PathVariable String provider,
			@PathVariable String consumer) {
		PactView pact = this.pacts.latest(provider, consumer).orElseThrow(() -> noResult(consumer, provider));
		return latestForContent(provider, consumer, pact.sha());
	}

	@GetMapping("/pacts/provider/{provider}/consumer/{consumer}/latest/{tag}/verification-results/latest")
	ResponseEntity<Map<String, Object>> latestForLatestTaggedPact(@PathVariable String provider,
			@PathVariable String consumer, @PathVariable String tag) {
		PactView pact = this.pacts.latestWithTag(provider, consumer, tag)
			.orElseThrow(() -> noResult(consumer, provider));
		return latestForContent(provider, consumer, pact.sha());
	}

	/** A consumer version's standing across all its providers. */
	@GetMapping("/verification-results/consumer/{consumer}/version/{version}/latest")
	ResponseEntity<Map<String, Object>> summaryForConsumerVersion(@PathVariable String consumer,
			@PathVariable String version) {
		List<VerificationView> results = this.verifications.latestForConsumerVersion(consumer, version);
		List<String> successful = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		List<Map<String, Object>> embedded = new ArrayList<>();
		for (VerificationView result : results) {
			(result.success() ? successful : failed).add(result.provider());
			embedded.add(representation(result));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("success", !results.isEmpty() && failed.isEmpty());
		body.put("providerSummary", Map.of("successful", successful, "failed", failed, "unknown", List.of()));
		body.put("_embedded", Map.of("verificationResults", embedded));
		body.put("_links",
				Map.of("self", Link.to(
						this.links.href("verification-results", "consumer", consumer, "version", version, "latest"),
						"Latest verification results for consumer version")));
		return Hal.ok(body);
	}

	private Map<String, Object> representation(VerificationView result) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("providerName", result.provider());
		body.put("providerApplicationVersion", result.providerVersion());
		body.put("success", result.success());
		body.put("verificationDate", Timestamps.format(result.verificationDate()));
		if (result.buildUrl() != null) {
			body.put("buildUrl", result.buildUrl());
		}
		body.put("testResults", (result.testResults() != null) ? result.testResults() : List.of());
		if (result.verifiedBy() != null) {
			body.put("verifiedBy", result.verifiedBy());
		}
		String self = resultHref(result);
		String content = contentHref(result.provider(), result.consumer(), result.sha());
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("self", Link.to(self, "Verification result",
				"Verification result " + result.number() + " for " + result.pactTitle()));
		rels.put("pb:pact-version",
				Link.to(content + "/metadata/" + PactMetadata.consumerVersion(result.consumerVersion()).encode(),
						"Pact", result.pactTitle()));
		rels.put("pb:triggered-webhooks", Link.to(self + "/triggered-webhooks",
				"Webhooks triggered by the publication of this verification result"));
		body.put("_links", rels);
		return body;
	}

	private String contentHref(String provider, String consumer, String sha) {
		return this.links.href("pacts", "provider", provider, "consumer", consumer, "pact-version", sha);
	}

	private String resultHref(VerificationView result) {
		return contentHref(result.provider(), result.consumer(), result.sha()) + "/verification-results/"
				+ result.number();
	}

	private static NotFoundException noResult(String consumer, String provider) {
		return new NotFoundException(
				"No verification results found for the pact between " + consumer + " and " + provider);
	}

	private static boolean isUrl(String value) {
		try {
			URI uri = new URI(value);
			return uri.getScheme() != null && uri.getHost() != null;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
