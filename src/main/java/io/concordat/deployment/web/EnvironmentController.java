package io.concordat.deployment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.concordat.deployment.Contact;
import io.concordat.deployment.EnvironmentDetails;
import io.concordat.deployment.EnvironmentService;
import io.concordat.deployment.EnvironmentView;
import io.concordat.web.FieldErrors;
import io.concordat.web.Hal;
import io.concordat.web.JsonBodies;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /environments}: list (optionally by name), create, read, replace and delete. The
 * body is checked as the Pact Broker's environment schema checks it, with its messages; a
 * taken name is a 400, not a 409, as there.
 */
@RestController
class EnvironmentController {

	private static final TypeReference<Map<String, @Nullable Object>> DETAILS = new TypeReference<>() {
	};

	private final EnvironmentService environments;

	private final DeploymentResources resources;

	private final JsonMapper json;

	EnvironmentController(EnvironmentService environments, DeploymentResources resources, JsonMapper json) {
		this.environments = environments;
		this.resources = resources;
		this.json = json;
	}

	@GetMapping("/environments")
	ResponseEntity<Map<String, Object>> list(@RequestParam(required = false) @Nullable String name) {
		List<EnvironmentView> found = (name != null) ? this.environments.findByName(name).stream().toList()
				: this.environments.list();
		return Hal.ok(this.resources.environments(found));
	}

	@PostMapping("/environments")
	ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) @Nullable JsonNode body) {
		EnvironmentView created = this.environments.create(details(body));
		return Hal.created(this.resources.environmentHref(created.uuid()), this.resources.environment(created));
	}

	@GetMapping("/environments/{uuid}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String uuid) {
		return Hal.ok(this.resources.environment(this.environments.get(environmentId(uuid))));
	}

	/** Replaces the environment; a missing one is not created (404 before any 400). */
	@PutMapping("/environments/{uuid}")
	ResponseEntity<Map<String, Object>> replace(@PathVariable String uuid,
			@RequestBody(required = false) @Nullable JsonNode body) {
		UUID id = this.environments.get(environmentId(uuid)).uuid();
		return Hal.ok(this.resources.environment(this.environments.replace(id, details(body))));
	}

	@DeleteMapping("/environments/{uuid}")
	ResponseEntity<Void> delete(@PathVariable String uuid) {
		this.environments.delete(environmentId(uuid));
		return ResponseEntity.noContent().build();
	}

	private static UUID environmentId(String uuid) {
		return DeploymentResources.uuid(uuid, "environment");
	}

	/**
	 * The environment schema: a required one-word name, a required boolean
	 * {@code production}, an optional one-line display name, and contacts that are
	 * objects with a one-line name and optional object details. Other properties are
	 * ignored. Every problem is reported at once; whether the name is taken is checked
	 * once the body is well-formed.
	 */
	private EnvironmentDetails details(@Nullable JsonNode body) {
		JsonNode object = JsonBodies.object(body);
		FieldErrors errors = new FieldErrors();
		String name = name(object, errors);
		JsonNode production = object.get("production");
		if (production == null) {
			errors.add("production", "is missing");
		}
		else if (production.isNull()) {
			errors.add("production", "must be filled");
		}
		else if (!production.isBoolean()) {
			errors.add("production", "must be one of: true, false");
		}
		String displayName = JsonBodies.string(object, "displayName", errors);
		String displayNameProblem = EnvironmentDetails.lineProblem(displayName);
		if (displayNameProblem != null) {
			errors.add("displayName", displayNameProblem);
		}
		List<Contact> contacts = contacts(object.get("contacts"), errors);
		errors.throwIfAny();
		return new EnvironmentDetails(name, displayName, production.asBoolean(), contacts);
	}

	private @Nullable List<Contact> contacts(@Nullable JsonNode contacts, FieldErrors errors) {
		if (contacts == null || contacts.isNull()) {
			return null;
		}
		if (!contacts.isArray()) {
			errors.add("contacts", "must be an array");
			return null;
		}
		List<Contact> parsed = new ArrayList<>();
		for (int i = 0; i < contacts.size(); i++) {
			JsonNode contact = contacts.get(i);
			if (!contact.isObject()) {
				errors.add("contacts", i, "must be a hash");
				continue;
			}
			JsonNode name = contact.get("name");
			JsonNode details = contact.get("details");
			if (name == null) {
				errors.add("contacts", i, "name is missing");
			}
			else if (!name.isString() || name.asString().isEmpty()) {
				errors.add("contacts", i, name.isString() ? "name must be filled" : "name must be a string");
			}
			else if (EnvironmentDetails.lineProblem(name.asString()) != null) {
				errors.add("contacts", i, "name " + EnvironmentDetails.lineProblem(name.asString()));
			}
			if (details != null && !details.isNull() && !details.isObject()) {
				errors.add("contacts", i, "details must be a hash");
			}
			if (name != null && name.isString() && (details == null || details.isNull() || details.isObject())) {
				parsed.add(new Contact(name.asString(),
						(details == null || details.isNull()) ? null : this.json.convertValue(details, DETAILS)));
			}
		}
		return parsed;
	}

	private static String name(JsonNode object, FieldErrors errors) {
		JsonNode value = object.get("name");
		if (value == null) {
			errors.add("name", "is missing");
			return "";
		}
		if (value.isNull()) {
			errors.add("name", "must be filled");
			return "";
		}
		if (!value.isString()) {
			errors.add("name", "must be a string");
			return "";
		}
		String problem = EnvironmentDetails.nameProblem(value.asString());
		if (problem != null) {
			errors.add("name", problem);
		}
		return value.asString();
	}

}
