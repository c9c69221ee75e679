package io.concordat.pacticipant.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.pacticipant.BranchService;
import io.concordat.pacticipant.BranchView;
import io.concordat.pacticipant.Listing;
import io.concordat.pacticipant.Upserted;
import io.concordat.pacticipant.VersionService;
import io.concordat.pacticipant.VersionView;
import io.concordat.web.Hal;
import io.concordat.web.Link;
import io.concordat.web.NotFoundException;
import io.concordat.web.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BranchController {

	private final BranchService branches;

	private final VersionService versions;

	private final PacticipantResources resources;

	BranchController(BranchService branches, VersionService versions, PacticipantResources resources) {
		this.branches = branches;
		this.versions = versions;
		this.resources = resources;
	}

	@GetMapping("/pacticipants/{pacticipant}/branches")
	ResponseEntity<Map<String, Object>> list(@PathVariable String pacticipant,
			@RequestParam(required = false) @Nullable String q, Paging paging) {
		Listing<BranchView> listing = this.branches.list(pacticipant, (q != null) ? q : "", paging.offset(),
				paging.size());
		String self = this.resources.pacticipantHref(pacticipant) + "/branches";
		Map<String, Object> body = new LinkedHashMap<>();
		Map<String, Object> links = new LinkedHashMap<>();
		paging.describe(listing.total(), self, body, links);
		List<Map<String, Object>> embedded = new ArrayList<>();
		List<Link> branchLinks = new ArrayList<>();
		for (BranchView branch : listing.items()) {
			embedded.add(this.resources.branch(branch));
			branchLinks.add(Link.to(this.resources.branchHref(pacticipant, branch.name()), "Branch", branch.name()));
		}
		body.put("_embedded", Map.of("branches", embedded));
		links.put("self", Link.to(self, pacticipant + " branches"));
		links.put("pb:branches", branchLinks);
		body.put("_links", links);
		return Hal.ok(body);
	}

	/**
	 * Deletes all branches but the main branch and the excluded ones. The Pact Broker
	 * answers 202 and deletes after replying; deleting is quick here, so it is done
	 * before the reply and the status kept for clients.
	 */
	@DeleteMapping("/pacticipants/{pacticipant}/branches")
	ResponseEntity<Map<String, Object>> deleteAll(@PathVariable String pacticipant,
			@RequestParam(name = "exclude[]", required = false) @Nullable List<String> exclude) {
		BranchService.Deleted deleted = this.branches.deleteAllExcept(pacticipant,
				new HashSet<>((exclude != null) ? exclude : List.of()));
		String text = "Scheduled deletion of " + deleted.count() + " branches for pacticipant " + pacticipant
				+ ". Remaining branches are: " + String.join(", ", deleted.remaining());
		return Hal.status(HttpStatus.ACCEPTED, Map.of("notices", List.of(Map.of("type", "success", "text", text))));
	}

	@GetMapping("/pacticipants/{pacticipant}/branches/{branch}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String pacticipant, @PathVariable String branch) {
		return Hal.ok(this.resources.branch(this.branches.get(pacticipant, branch)));
	}

	@DeleteMapping("/pacticipants/{pacticipant}/branches/{branch}")
	ResponseEntity<Void> delete(@PathVariable String pacticipant, @PathVariable String branch) {
		this.branches.delete(pacticipant, branch);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/pacticipants/{pacticipant}/branches/{branch}/latest-version")
	ResponseEntity<Map<String, Object>> latest(@PathVariable String pacticipant, @PathVariable String branch) {
		BranchView found = this.branches.get(pacticipant, branch);
		if (found.headVersion() == null) {
			throw new NotFoundException("Branch '" + branch + "' of " + pacticipant + " has no versions");
		}
		return Hal.ok(this.resources.version(this.versions.get(pacticipant, found.headVersion())));
	}

	@GetMapping("/pacticipants/{pacticipant}/branches/{branch}/versions")
	ResponseEntity<Map<String, Object>> versions(@PathVariable String pacticipant, @PathVariable String branch) {
		List<VersionView> onBranch = new ArrayList<>();
		for (String number : this.branches.versionNumbers(pacticipant, branch)) {
			onBranch.add(this.versions.get(pacticipant, number));
		}
		List<Map<String, Object>> embedded = this.resources.versions(onBranch);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("_embedded", Map.of("versions", embedded));
		body.put("_links",
				Map.of("self", Link.to(this.resources.branchHref(pacticipant, branch) + "/versions", "Versions")));
		return Hal.ok(body);
	}

	@PutMapping("/pacticipants/{pacticipant}/branches/{branch}/versions/{version}")
	ResponseEntity<Map<String, Object>> addVersion(@PathVariable String pacticipant, @PathVariable String branch,
			@PathVariable String version) {
		Upserted<Instant> added = this.versions.addToBranch(pacticipant, branch, version);
		return Hal.createdOrOk(added.created(), this.resources.branchVersionHref(pacticipant, branch, version),
				this.resources.branchVersion(pacticipant, branch, version, added.value()));
	}

	/**
	 * The Rust CLI's {@code create-or-update-version --branch feat/x} does not encode the
	 * branch name, so the request arrives as {@code …/branches/feat/x/versions/2.0.0}.
	 * Version numbers cannot contain a slash in a URL either, so the last
	 * {@code /versions/} separates branch and version.
	 */
	@PutMapping("/pacticipants/{pacticipant}/branches/{*rest}")
	ResponseEntity<Map<String, Object>> addVersionWithUnencodedBranch(@PathVariable String pacticipant,
			@PathVariable String rest) {
		int separator = rest.lastIndexOf("/versions/");
		if (separator <= 0 || rest.endsWith("/versions/")) {
			throw new NotFoundException("No route matches PUT /pacticipants/" + pacticipant + "/branches" + rest);
		}
		String branch = rest.substring(1, separator);
		String version = rest.substring(separator + "/versions/".length());
		return addVersion(pacticipant, branch, version);
	}

	@GetMapping("/pacticipants/{pacticipant}/branches/{branch}/versions/{version}")
	ResponseEntity<Map<String, Object>> getVersion(@PathVariable String pacticipant, @PathVariable String branch,
			@PathVariable String version) {
		Instant added = this.branches.findVersion(pacticipant, branch, version)
			.orElseThrow(() -> new NotFoundException(
					"No version '" + version + "' found on branch '" + branch + "' of pacticipant " + pacticipant));
		return Hal.ok(this.resources.branchVersion(pacticipant, branch, version, added));
	}

	@DeleteMapping("/pacticipants/{pacticipant}/branches/{branch}/versions/{version}")
	ResponseEntity<Void> removeVersion(@PathVariable String pacticipant, @PathVariable String branch,
			@PathVariable String version) {
		this.branches.removeVersion(pacticipant, branch, version);
		return ResponseEntity.noContent().build();
	}

}
