package io.concordat.deployment.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.concordat.deployment.EnvironmentService;
import io.concordat.deployment.EnvironmentView;
import io.concordat.deployment.ReleaseService;
import io.concordat.deployment.ReleasedVersionView;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.Upserted;
import io.concordat.web.FieldErrors;
import io.concordat.web.Hal;
import io.concordat.web.InvalidRequestException;
import io.concordat.web.JsonBodies;
import io.concordat.web.MediaTypes;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Releases: record-release posts to a version's {@code pb:record-release} link;
 * record-support-ended finds the release among the environment's currently supported
 * versions and patches its {@code currentlySupported} to false.
 */
@RestController
class ReleaseController {

	private static final String FOR_VERSION = "/pacticipants/{pacticipant}/versions/{version}/released-versions/environment/{environment}";

	private final ReleaseService releases;

	private final EnvironmentService environments;

	private final PacticipantService pacticipants;

	private final DeploymentResources resources;

	ReleaseController(ReleaseService releases, EnvironmentService environments, PacticipantService pacticipants,
			DeploymentResources resources) {
		this.releases = releases;
		this.environments = environments;
		this.pacticipants = pacticipants;
		this.resources = resources;
	}

	/**
	 * 201 for a new release, 200 when the version was released there before (it is
	 * supported again if its support had ended). The body is ignored.
	 */
	@PostMapping(FOR_VERSION)
	ResponseEntity<Map<String, Object>> record(@PathVariable String pacticipant, @PathVariable String version,
			@PathVariable String environment, @RequestBody(required = false) @Nullable JsonNode body) {
		JsonBodies.object(body);
		Upserted<ReleasedVersionView> release = this.releases.recordRelease(pacticipant, version,
				environmentId(environment));
		return Hal.createdOrOk(release.created(), this.resources.releasedVersionHref(release.value().uuid()),
				this.resources.releasedVersion(release.value()));
	}

	@GetMapping(FOR_VERSION)
	ResponseEntity<Map<String, Object>> list(@PathVariable String pacticipant, @PathVariable String version,
			@PathVariable String environment) {
		UUID environmentId = environmentId(environment);
		List<ReleasedVersionView> found = this.releases.releaseOf(pacticipant, version, environmentId)
			.stream()
			.toList();
		EnvironmentView where = this.environments.get(environmentId);
		String displayName = this.pacticipants.get(pacticipant).details().displayName();
		return Hal.ok(this.resources.releasedVersions(found, false,
				this.resources.recordReleaseHref(pacticipant, version, environmentId),
				"Released versions for " + ((displayName != null) ? displayName : pacticipant) + " version " + version
						+ " in " + where.displayName()));
	}

	@GetMapping("/released-versions/{uuid}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String uuid) {
		return Hal.ok(this.resources.releasedVersion(this.releases.get(releaseId(uuid))));
	}

	/**
	 * Merge-patch {@code {"currentlySupported": false}} ends the release's support;
	 * {@code true} is refused (422): releasing the version again makes it supported. A
	 * patch without that property changes nothing.
	 */
	@PatchMapping(path = "/released-versions/{uuid}",
			consumes = { MediaTypes.MERGE_PATCH_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Map<String, Object>> patch(@PathVariable String uuid,
			@RequestBody(required = false) @Nullable JsonNode body) {
		UUID id = releaseId(uuid);
		Object currentlySupported = JsonBodies.mergePatch(body).get("currentlySupported");
		ReleasedVersionView release = this.releases.get(id);
		if (Boolean.FALSE.equals(currentlySupported)) {
			release = this.releases.endSupport(id);
		}
		else if (Boolean.TRUE.equals(currentlySupported)) {
			// The Pact Broker's own wording, "deployment" included.
			throw new InvalidRequestException(HttpStatus.UNPROCESSABLE_CONTENT, new FieldErrors().add(
					"currentlySupported",
					"The currentlySupported property cannot be set back to true. Please record a new deployment."));
		}
		return Hal.ok(this.resources.releasedVersion(release));
	}

	/**
	 * The versions released to the environment and still supported, each with its
	 * pacticipant and version embedded; {@code pacticipant} and {@code version} narrow
	 * the list.
	 */
	@GetMapping("/environments/{uuid}/released-versions/currently-supported")
	ResponseEntity<Map<String, Object>> currentlySupported(@PathVariable String uuid,
			@RequestParam(required = false) @Nullable String pacticipant,
			@RequestParam(required = false) @Nullable String version, HttpServletRequest request) {
		UUID environmentId = environmentId(uuid);
		EnvironmentView environment = this.environments.get(environmentId);
		List<ReleasedVersionView> found = this.releases.currentlySupported(environmentId, pacticipant, version);
		return Hal.ok(this.resources.releasedVersions(found, true,
				DeploymentController.withQuery(this.resources.currentlySupportedHref(environmentId), request),
				"Currently supported versions in " + environment.displayName()));
	}

	private static UUID environmentId(String uuid) {
		return DeploymentResources.uuid(uuid, "environment");
	}

	private static UUID releaseId(String uuid) {
		return DeploymentResources.uuid(uuid, "released version");
	}

}
