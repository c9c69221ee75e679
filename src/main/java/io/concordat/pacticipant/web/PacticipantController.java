package io.concordat.pacticipant.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.pacticipant.Listing;
import io.concordat.pacticipant.PacticipantDetails;
import io.concordat.pacticipant.PacticipantPatch;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.PacticipantView;
import io.concordat.pacticipant.Upserted;
import io.concordat.web.FieldErrors;
import io.concordat.web.Hal;
import io.concordat.web.JsonBodies;
import io.concordat.web.Link;
import io.concordat.web.MediaTypes;
import io.concordat.web.Paging;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PacticipantController {

	private final PacticipantService pacticipants;

	private final PacticipantResources resources;

	PacticipantController(PacticipantService pacticipants, PacticipantResources resources) {
		this.pacticipants = pacticipants;
		this.resources = resources;
	}

	@GetMapping("/pacticipants")
	ResponseEntity<Map<String, Object>> list(@RequestParam(required = false) @Nullable String q, Paging paging) {
		Listing<PacticipantView> listing = this.pacticipants.list((q != null) ? q : "", paging.offset(), paging.size());
		String self = this.resources.pacticipantHref("").replaceAll("/$", "");
		Map<String, Object> body = new LinkedHashMap<>();
		Map<String, Object> links = new LinkedHashMap<>();
		paging.describe(listing.total(), self, body, links);
		List<Map<String, Object>> embedded = new ArrayList<>();
		List<Map<String, Object>> deprecated = new ArrayList<>();
		List<Link> pbLinks = new ArrayList<>();
		List<Link> deprecatedLinks = new ArrayList<>();
		for (PacticipantView pacticipant : listing.items()) {
			Map<String, Object> resource = this.resources.pacticipant(pacticipant, false);
			embedded.add(resource);
			Map<String, Object> old = new LinkedHashMap<>(resource);
			old.put("title", "DEPRECATED - Please use the embedded pacticipants collection");
			deprecated.add(old);
			String href = this.resources.pacticipantHref(pacticipant.name());
			pbLinks.add(Link.to(href, "Pacticipant", pacticipant.name()));
			deprecatedLinks.add(Link.to(href, pacticipant.name(), "DEPRECATED - please use pb:pacticipants"));
		}
		body.put("_embedded", Map.of("pacticipants", embedded));
		links.put("self", Link.to(self));
		links.put("pb:pacticipants-with-label", Link.template(self + "/label/{label}", "Find pacticipants by label"));
		links.put("pb:pacticipants", pbLinks);
		links.put("pacticipants", deprecatedLinks);
		body.put("pacticipants", deprecated);
		body.put("_links", links);
		return Hal.ok(body);
	}

	@PostMapping("/pacticipants")
	ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) @Nullable JsonNode body) {
		JsonNode object = JsonBodies.object(body);
		FieldErrors errors = new FieldErrors();
		String name = JsonBodies.string(object, "name", errors);
		PacticipantDetails details = details(object, errors);
		if (name == null && errors.isEmpty()) {
			errors.add("name", "is missing");
		}
		errors.throwIfAny();
		PacticipantView created = this.pacticipants.create(name, details);
		return Hal.created(this.resources.pacticipantHref(created.name()), this.resources.pacticipant(created, false));
	}

	@GetMapping("/pacticipants/{pacticipant}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String pacticipant) {
		return Hal.ok(this.resources.pacticipant(this.pacticipants.get(pacticipant), true));
	}

	@PutMapping("/pacticipants/{pacticipant}")
	ResponseEntity<Map<String, Object>> replace(@PathVariable String pacticipant,
			@RequestBody(required = false) @Nullable JsonNode body) {
		JsonNode object = JsonBodies.object(body);
		FieldErrors errors = new FieldErrors();
		PacticipantDetails details = details(object, errors);
		errors.throwIfAny();
		return Hal.ok(this.resources.pacticipant(this.pacticipants.replace(pacticipant, details), true));
	}

	@PatchMapping(path = "/pacticipants/{pacticipant}",
			consumes = { MediaTypes.MERGE_PATCH_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Map<String, Object>> patch(@PathVariable String pacticipant,
			@RequestBody(required = false) @Nullable JsonNode body) {
		JsonNode changes = JsonBodies.object(body);
		FieldErrors errors = new FieldErrors();
		// "name" is ignored, as the Pact Broker ignores it: the path names the
		// pacticipant.
		PacticipantPatch patch = new PacticipantPatch(MergePatch.change(changes, "displayName", errors),
				MergePatch.change(changes, "mainBranch", errors), MergePatch.change(changes, "repositoryUrl", errors),
				MergePatch.change(changes, "repositoryName", errors),
				MergePatch.change(changes, "repositoryNamespace", errors));
		errors.throwIfAny();
		Upserted<PacticipantView> result = this.pacticipants.patch(pacticipant, patch);
		return Hal.createdOrOk(result.created(), this.resources.pacticipantHref(pacticipant),
				this.resources.pacticipant(result.value(), true));
	}

	@DeleteMapping("/pacticipants/{pacticipant}")
	ResponseEntity<Void> delete(@PathVariable String pacticipant) {
		this.pacticipants.delete(pacticipant);
		return ResponseEntity.noContent().build();
	}

	private static PacticipantDetails details(JsonNode body, FieldErrors errors) {
		return new PacticipantDetails(JsonBodies.string(body, "displayName", errors),
				JsonBodies.string(body, "mainBranch", errors), JsonBodies.string(body, "repositoryUrl", errors),
				JsonBodies.string(body, "repositoryName", errors),
				JsonBodies.string(body, "repositoryNamespace", errors));
	}

}
