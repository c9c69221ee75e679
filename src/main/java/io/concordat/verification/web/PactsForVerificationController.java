package io.concordat.verification.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.concordat.publication.PactMetadata;
import io.concordat.verification.PactsForVerificationRequest;
import io.concordat.verification.PactsForVerificationService;
import io.concordat.verification.ResolvedSelector;
import io.concordat.verification.VerifiablePact;
import io.concordat.verification.VerifiablePactNotices;
import io.concordat.web.Hal;
import io.concordat.web.InvalidRequestException;
import io.concordat.web.JsonBodies;
import io.concordat.web.Link;
import io.concordat.web.Links;
import io.concordat.web.RackQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /pacts/provider/{provider}/for-verification}: the pacts a provider build must
 * verify. Clients POST the selectors as JSON; the older GET form takes them as a Rack
 * nested query string and is still what pact_verifier calls first (with no parameters, so
 * the default selectors apply) to find the URL to POST to in {@code _links.self}.
 *
 * <p>
 * pact_verifier parses the response strictly: each entry's {@code shortDescription} is a
 * string and its {@code _links} holds single link objects only.
 */
@RestController
class PactsForVerificationController {

	private static final String PATH = "/pacts/provider/{provider}/for-verification";

	/**
	 * Query-string parameters whose {@code true}/{@code false} are the JSON body's
	 * booleans (in both spellings).
	 */
	private static final Set<String> BOOLEAN_KEYS = Set.of("includePendingStatus", "include_pending_status", "latest",
			"mainBranch", "main_branch", "matchingBranch", "matching_branch", "deployed", "released",
			"deployedOrReleased", "deployed_or_released");

	private final PactsForVerificationService pacts;

	private final PactsForVerificationRequestReader validation;

	private final Links links;

	private final JsonMapper json;

	PactsForVerificationController(PactsForVerificationService pacts, PactsForVerificationRequestReader validation,
			Links links, JsonMapper json) {
		this.pacts = pacts;
		this.validation = validation;
		this.links = links;
		this.json = json;
	}

	@GetMapping(PATH)
	ResponseEntity<Map<String, Object>> get(@PathVariable String provider, HttpServletRequest request) {
		PactsForVerificationRequest query = this.validation.read(queryTree(request.getQueryString()));
		return Hal.ok(representation(provider, query, true));
	}

	@PostMapping(path = PATH, consumes = { MediaType.APPLICATION_JSON_VALUE, "application/*+json" })
	ResponseEntity<Map<String, Object>> post(@PathVariable String provider,
			@RequestBody(required = false) @Nullable JsonNode body) {
		PactsForVerificationRequest query = this.validation.read(JsonBodies.object(body));
		return Hal.ok(representation(provider, query, false));
	}

	private Map<String, Object> representation(String provider, PactsForVerificationRequest query, boolean deprecated) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (VerifiablePact pact : this.pacts.find(provider, query)) {
			entries.add(entry(pact, query.includePendingStatus(), deprecated));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("_embedded", Map.of("pacts", entries));
		body.put("_links", Map.of("self",
				Link.to(this.links.href("pacts", "provider", provider, "for-verification"), "Pacts to be verified")));
		return body;
	}

	private Map<String, Object> entry(VerifiablePact pact, boolean includePendingStatus, boolean deprecated) {
		String content = this.links.href("pacts", "provider", pact.pact().provider(), "consumer",
				pact.pact().consumer(), "pact-version", pact.pact().sha());
		String self = content + "/metadata/" + metadata(pact, includePendingStatus).encode();
		Map<String, Object> properties = new LinkedHashMap<>();
		if (includePendingStatus) {
			properties.put("pending", pact.isPending());
		}
		if (pact.wip()) {
			properties.put("wip", true);
		}
		// A WIP pact is named by the URL that records its results as WIP results.
		properties.put("notices",
				VerifiablePactNotices.notices(pact, pact.wip() ? self : content, includePendingStatus, deprecated));
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("shortDescription", VerifiablePactNotices.shortDescription(pact));
		entry.put("verificationProperties", properties);
		entry.put("_links", Map.of("self", new Link(self, null, pact.pact().title(), null)));
		return entry;
	}

	/**
	 * What the pact URL tells the pact resource and the verification results resource:
	 * the consumer version, and either that the pact is WIP (its results then never end
	 * WIP status) or why it was selected and whether it was pending.
	 */
	private PactMetadata metadata(VerifiablePact pact, boolean includePendingStatus) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("cvn", List.of(pact.pact().consumerVersion()));
		if (pact.wip()) {
			values.put("w", List.of("true"));
			return new PactMetadata(values);
		}
		List<String> selectors = new ArrayList<>();
		for (ResolvedSelector selector : pact.selectors()) {
			selectors.add(this.json.writeValueAsString(selectorMetadata(selector)));
		}
		values.put("s", selectors);
		if (includePendingStatus) {
			values.put("p", List.of(String.valueOf(pact.isPending())));
		}
		return new PactMetadata(values);
	}

	private static Map<String, Object> selectorMetadata(ResolvedSelector resolved) {
		Map<String, Object> selector = new LinkedHashMap<>();
		switch (resolved.kind()) {
			case MAIN_BRANCH, BRANCH, EVERY_BRANCH -> selector.put("b", resolved.selectedBranch());
			case LATEST_TAG, ALL_TAG -> selector.put("t", resolved.selectedTag());
			case DEPLOYED, RELEASED, ENVIRONMENT -> selector.put("e", resolved.environment());
			default -> {
			}
		}
		if (resolved.selector().latest() != null) {
			selector.put("l", resolved.selector().latest());
		}
		selector.put("cvn", resolved.consumerVersion());
		return selector;
	}

	/**
	 * The query string as the JSON body would carry it: nested as Rack nests it, with
	 * {@code true}/{@code false} as booleans and a single provider version tag as a list.
	 */
	private JsonNode queryTree(@Nullable String queryString) {
		Map<String, Object> query;
		try {
			query = RackQuery.parse(queryString);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequestException.field("query", ex.getMessage());
		}
		JsonNode tree = booleans(this.json.valueToTree(query));
		for (String key : List.of("providerVersionTags", "provider_version_tags")) {
			JsonNode tags = tree.get(key);
			if (tags != null && tags.isString()) {
				((ObjectNode) tree).set(key, JsonNodeFactory.instance.arrayNode().add(tags.asString()));
			}
		}
		return tree;
	}

	private static JsonNode booleans(JsonNode node) {
		if (node.isArray()) {
			var copy = JsonNodeFactory.instance.arrayNode();
			node.forEach((item) -> copy.add(booleans(item)));
			return copy;
		}
		if (!node.isObject()) {
			return node;
		}
		var copy = JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			JsonNode value = property.getValue();
			if (BOOLEAN_KEYS.contains(property.getKey()) && value.isString()
					&& (value.asString().equals("true") || value.asString().equals("false"))) {
				copy.put(property.getKey(), Boolean.parseBoolean(value.asString()));
			}
			else {
				copy.set(property.getKey(), booleans(value));
			}
		}
		return copy;
	}

}
