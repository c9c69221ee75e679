package io.concordat.pacticipant.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.pacticipant.Change;
import io.concordat.pacticipant.Listing;
import io.concordat.pacticipant.TagView;
import io.concordat.pacticipant.Upserted;
import io.concordat.pacticipant.VersionService;
import io.concordat.pacticipant.VersionView;
import io.concordat.web.FieldErrors;
import io.concordat.web.Hal;
import io.concordat.web.JsonBodies;
import io.concordat.web.Names;
import io.concordat.web.Link;
import io.concordat.web.Links;
import io.concordat.web.MediaTypes;
import io.concordat.web.NotFoundException;
import io.concordat.web.Paging;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VersionController {

	private final VersionService versions;

	private final PacticipantResources resources;

	VersionController(VersionService versions, PacticipantResources resources) {
		this.versions = versions;
		this.resources = resources;
	}

	@GetMapping("/pacticipants/{pacticipant}/versions")
	ResponseEntity<Map<String, Object>> list(@PathVariable String pacticipant, Paging paging) {
		Listing<VersionView> listing = this.versions.list(pacticipant, paging.offset(), paging.size());
		return versions(pacticipant, this.resources.pacticipantHref(pacticipant) + "/versions", listing, paging);
	}

	/** The versions with a tag, in the shape of the version list. */
	@GetMapping("/pacticipants/{pacticipant}/tags/{tag}/versions")
	ResponseEntity<Map<String, Object>> listWithTag(@PathVariable String pacticipant, @PathVariable String tag,
			Paging paging) {
		Listing<VersionView> listing = this.versions.listWithTag(pacticipant, tag, paging.offset(), paging.size());
		return versions(pacticipant,
				this.resources.pacticipantHref(pacticipant) + "/tags/" + Links.encode(tag) + "/versions", listing,
				paging);
	}

	private ResponseEntity<Map<String, Object>> versions(String pacticipant, String self, Listing<VersionView> listing,
			Paging paging) {
		Map<String, Object> body = new LinkedHashMap<>();
		Map<String, Object> links = new LinkedHashMap<>();
		paging.describe(listing.total(), self, body, links);
		List<Map<String, Object>> embedded = this.resources.versions(listing.items());
		List<Link> versionLinks = new ArrayList<>();
		for (VersionView version : listing.items()) {
			versionLinks
				.add(Link.to(this.resources.versionHref(pacticipant, version.number()), "Version", version.number()));
		}
		body.put("_embedded", Map.of("versions", embedded));
		links.put("self", Link.to(self, "All application versions of " + pacticipant));
		links.put("pb:pacticipant", Link.to(this.resources.pacticipantHref(pacticipant), "Pacticipant", pacticipant));
		links.put("pb:versions", versionLinks);
		body.put("_links", links);
		return Hal.ok(body);
	}

	@GetMapping("/pacticipants/{pacticipant}/versions/{version}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String pacticipant, @PathVariable String version) {
		return Hal.ok(this.resources.version(this.versions.get(pacticipant, version)));
	}

	@GetMapping("/pacticipants/{pacticipant}/latest-version")
	ResponseEntity<Map<String, Object>> latest(@PathVariable String pacticipant) {
		VersionView latest = this.versions.latest(pacticipant)
			.orElseThrow(() -> new NotFoundException("No versions found for pacticipant " + pacticipant));
		return Hal.ok(this.resources.version(latest));
	}

	@GetMapping("/pacticipants/{pacticipant}/latest-version/{tag}")
	ResponseEntity<Map<String, Object>> latestWithTag(@PathVariable String pacticipant, @PathVariable String tag) {
		VersionView latest = this.versions.latestWithTag(pacticipant, tag)
			.orElseThrow(() -> new NotFoundException("No version of " + pacticipant + " with tag '" + tag + "' found"));
		return Hal.ok(this.resources.version(latest));
	}

	@PutMapping("/pacticipants/{pacticipant}/versions/{version}")
	ResponseEntity<Map<String, Object>> replace(@PathVariable String pacticipant, @PathVariable String version,
			@RequestBody(required = false) @Nullable JsonNode body) {
		JsonNode object = JsonBodies.object(body);
		FieldErrors errors = new FieldErrors();
		String buildUrl = JsonBodies.string(object, "buildUrl", errors);
		List<String> tags = tagNames(object.get("tags"), errors);
		errors.throwIfAny();
		Upserted<VersionView> result = this.versions.replace(pacticipant, version, buildUrl, tags);
		return Hal.createdOrOk(result.created(), this.resources.versionHref(pacticipant, version),
				this.resources.version(result.value()));
	}

	@PatchMapping(path = "/pacticipants/{pacticipant}/versions/{version}",
			consumes = { MediaTypes.MERGE_PATCH_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Map<String, Object>> patch(@PathVariable String pacticipant, @PathVariable String version,
			@RequestBody(required = false) @Nullable JsonNode body) {
		FieldErrors errors = new FieldErrors();
		Change buildUrl = MergePatch.change(JsonBodies.object(body), "buildUrl", errors);
		errors.throwIfAny();
		Upserted<VersionView> result = this.versions.patch(pacticipant, version, buildUrl);
		return Hal.createdOrOk(result.created(), this.resources.versionHref(pacticipant, version),
				this.resources.version(result.value()));
	}

	@DeleteMapping("/pacticipants/{pacticipant}/versions/{version}")
	ResponseEntity<Void> delete(@PathVariable String pacticipant, @PathVariable String version) {
		this.versions.delete(pacticipant, version);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/pacticipants/{pacticipant}/versions/{version}/tags/{tag}")
	ResponseEntity<Map<String, Object>> addTag(@PathVariable String pacticipant, @PathVariable String version,
			@PathVariable String tag) {
		Upserted<TagView> result = this.versions.tag(pacticipant, version, tag);
		return Hal.createdOrOk(result.created(), this.resources.tagHref(pacticipant, version, tag),
				this.resources.tag(pacticipant, version, result.value()));
	}

	@GetMapping("/pacticipants/{pacticipant}/versions/{version}/tags/{tag}")
	ResponseEntity<Map<String, Object>> getTag(@PathVariable String pacticipant, @PathVariable String version,
			@PathVariable String tag) {
		TagView found = this.versions.findTag(pacticipant, version, tag)
			.orElseThrow(() -> new NotFoundException(
					"No tag with name '" + tag + "' found for version " + version + " of " + pacticipant));
		return Hal.ok(this.resources.tag(pacticipant, version, found));
	}

	@DeleteMapping("/pacticipants/{pacticipant}/versions/{version}/tags/{tag}")
	ResponseEntity<Void> deleteTag(@PathVariable String pacticipant, @PathVariable String version,
			@PathVariable String tag) {
		this.versions.deleteTag(pacticipant, version, tag);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Tags in a version body are objects with a name ({@code [{"name": "prod"}]}); plain
	 * strings are accepted.
	 */
	private static @Nullable List<String> tagNames(@Nullable JsonNode tags, FieldErrors errors) {
		if (tags == null || tags.isNull()) {
			return null;
		}
		if (!tags.isArray()) {
			errors.add("tags", "must be an array");
			return null;
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < tags.size(); i++) {
			JsonNode tag = tags.get(i);
			JsonNode name = tag.isObject() ? tag.get("name") : tag;
			if (name != null && name.isString() && !name.asString().isBlank()) {
				Names.check("tags", i, name.asString(), errors);
				names.add(name.asString());
			}
			else {
				errors.add("tags", i, "must have a name");
			}
		}
		return names;
	}

}
