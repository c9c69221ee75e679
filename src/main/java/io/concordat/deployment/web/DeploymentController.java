package io.concordat.deployment.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.concordat.deployment.DeployedVersionView;
import io.concordat.deployment.DeploymentService;
import io.concordat.deployment.EnvironmentService;
import io.concordat.deployment.EnvironmentView;
import io.concordat.web.FieldErrors;
import io.concordat.web.Hal;
import io.concordat.web.InvalidRequestException;
import io.concordat.web.JsonBodies;
import io.concordat.web.MediaTypes;
import io.concordat.web.Names;
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
 * Deployments: record-deployment posts to a version's {@code pb:record-deployment} link;
 * record-undeployment finds the environment's currently deployed versions and patches
 * each one's {@code currentlyDeployed} to false.
 */
@RestController
class DeploymentController {

	private static final String FOR_VERSION = "/pacticipants/{pacticipant}/versions/{version}/deployed-versions/environment/{environment}";

	private final DeploymentService deployments;

	private final EnvironmentService environments;

	private final DeploymentResources resources;

	DeploymentController(DeploymentService deployments, EnvironmentService environments,
			DeploymentResources resources) {
		this.deployments = deployments;
		this.environments = environments;
		this.resources = resources;
	}

	/**
	 * Always 201 with the deployment, also when the version was already the one deployed
	 * there (the Pact Broker answers so). The body names the application instance as
	 * {@code applicationInstance} or, from older clients, {@code target}; it may be
	 * empty.
	 */
	@PostMapping(FOR_VERSION)
	ResponseEntity<Map<String, Object>> record(@PathVariable String pacticipant, @PathVariable String version,
			@PathVariable String environment, @RequestBody(required = false) @Nullable JsonNode body) {
		JsonNode object = JsonBodies.object(body);
		FieldErrors errors = new FieldErrors();
		String instance = scalar(object, "applicationInstance", errors);
		if (instance == null) {
			instance = scalar(object, "target", errors);
		}
		errors.throwIfAny();
		DeployedVersionView deployment = this.deployments.recordDeployment(pacticipant, version,
				environmentId(environment), instance);
		return Hal.created(this.resources.deployedVersionHref(deployment.uuid()),
				this.resources.deployedVersion(deployment));
	}

	@GetMapping(FOR_VERSION)
	ResponseEntity<Map<String, Object>> list(@PathVariable String pacticipant, @PathVariable String version,
			@PathVariable String environment) {
		UUID environmentId = environmentId(environment);
		List<DeployedVersionView> found = this.deployments.deploymentsOf(pacticipant, version, environmentId);
		EnvironmentView where = this.environments.get(environmentId);
		return Hal.ok(this.resources.deployedVersions(found, false,
				this.resources.recordDeploymentHref(pacticipant, version, environmentId), "Deployed versions for "
						+ pacticipant + " version " + version + " in environment " + where.displayName()));
	}

	@GetMapping("/deployed-versions/{uuid}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String uuid) {
		return Hal.ok(this.resources.deployedVersion(this.deployments.get(deploymentId(uuid))));
	}

	/**
	 * Merge-patch {@code {"currentlyDeployed": false}} ends the deployment; {@code true}
	 * is refused (422), as a deployment cannot be resumed, only recorded anew. A patch
	 * without that property changes nothing.
	 */
	@PatchMapping(path = "/deployed-versions/{uuid}",
			consumes = { MediaTypes.MERGE_PATCH_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Map<String, Object>> patch(@PathVariable String uuid,
			@RequestBody(required = false) @Nullable JsonNode body) {
		UUID id = deploymentId(uuid);
		Object currentlyDeployed = JsonBodies.mergePatch(body).get("currentlyDeployed");
		DeployedVersionView deployment = this.deployments.get(id);
		if (Boolean.FALSE.equals(currentlyDeployed)) {
			deployment = this.deployments.undeploy(id);
		}
		else if (Boolean.TRUE.equals(currentlyDeployed)) {
			throw new InvalidRequestException(HttpStatus.UNPROCESSABLE_CONTENT, new FieldErrors().add(
					"currentlyDeployed",
					"The currentlyDeployed property cannot be set back to true. Please record a new deployment."));
		}
		return Hal.ok(this.resources.deployedVersion(deployment));
	}

	/**
	 * The versions currently deployed to the environment, each with its pacticipant and
	 * version embedded. {@code applicationInstance} (or {@code target}) narrows the list
	 * to one instance; given empty, to deployments that name none.
	 */
	@GetMapping("/environments/{uuid}/deployed-versions/currently-deployed")
	ResponseEntity<Map<String, Object>> currentlyDeployed(@PathVariable String uuid,
			@RequestParam(required = false) @Nullable String pacticipant,
			@RequestParam(required = false) @Nullable String applicationInstance,
			@RequestParam(required = false) @Nullable String target, HttpServletRequest request) {
		UUID environmentId = environmentId(uuid);
		EnvironmentView environment = this.environments.get(environmentId);
		String instance = (applicationInstance != null) ? applicationInstance : target;
		List<DeployedVersionView> found = (instance != null)
				? this.deployments.currentlyDeployed(environmentId, pacticipant, instance.isEmpty() ? null : instance)
				: this.deployments.currentlyDeployed(environmentId, pacticipant);
		return Hal.ok(this.resources.deployedVersions(found, true,
				withQuery(this.resources.currentlyDeployedHref(environmentId), request),
				"Currently deployed versions for " + environment.displayName()));
	}

	static String withQuery(String href, HttpServletRequest request) {
		String query = request.getQueryString();
		return (query == null || query.isEmpty()) ? href : href + "?" + query;
	}

	private static UUID environmentId(String uuid) {
		return DeploymentResources.uuid(uuid, "environment");
	}

	private static UUID deploymentId(String uuid) {
		return DeploymentResources.uuid(uuid, "deployed version");
	}

	/** A string, number or boolean property as text; null when absent, null or empty. */
	private static @Nullable String scalar(JsonNode object, String field, FieldErrors errors) {
		JsonNode value = object.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isValueNode()) {
			errors.add(field, "must be a string");
			return null;
		}
		String text = value.asString();
		if (!text.isEmpty()) {
			Names.check(field, text, errors);
		}
		return text.isEmpty() ? null : text;
	}

}
