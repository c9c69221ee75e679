package io.concordat.publication.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.concordat.publication.Notice;
import io.concordat.publication.PublicationOutcome;
import io.concordat.publication.PublicationResult;
import io.concordat.publication.PublicationService;
import io.concordat.publication.PublishContracts;
import io.concordat.web.FieldErrors;
import io.concordat.web.Hal;
import io.concordat.web.JsonBodies;
import io.concordat.web.Link;
import io.concordat.web.Names;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /contracts/publish}, the endpoint current clients publish through. The
 * response is deserialised strictly by the Rust CLI: {@code logs}, both embedded
 * resources and the array-valued links must always be there.
 */
@RestController
class PublishContractsController {

	private static final Set<String> ON_CONFLICT = Set.of("overwrite", "merge");

	private final PublicationService publications;

	private final PactResources resources;

	PublishContractsController(PublicationService publications, PactResources resources) {
		this.publications = publications;
		this.resources = resources;
	}

	@PostMapping("/contracts/publish")
	ResponseEntity<Map<String, Object>> publish(@RequestBody(required = false) @Nullable JsonNode body) {
		PublicationResult result = this.publications.publish(command(JsonBodies.object(body)));
		return Hal.ok(representation(result));
	}

	private PublishContracts command(JsonNode body) {
		FieldErrors errors = new FieldErrors();
		String pacticipant = requiredLine(body, "pacticipantName", errors);
		String version = requiredLine(body, "pacticipantVersionNumber", errors);
		String branch = JsonBodies.string(body, "branch", errors);
		if (branch != null) {
			checkLine("branch", branch, errors);
		}
		List<String> tags = JsonBodies.strings(body, "tags", errors);
		if (tags != null) {
			for (int i = 0; i < tags.size(); i++) {
				Names.check("tags", i, tags.get(i), errors);
			}
		}
		String buildUrl = JsonBodies.string(body, "buildUrl", errors);
		if (buildUrl != null && Names.textProblem(buildUrl) != null) {
			errors.add("buildUrl", Names.textProblem(buildUrl));
		}
		List<PublishContracts.ContractToPublish> contracts = new ArrayList<>();
		JsonNode list = body.get("contracts");
		if (list == null || list.isNull()) {
			errors.add("contracts", "is missing");
		}
		else if (!list.isArray()) {
			errors.add("contracts", "must be an array");
		}
		else {
			for (int i = 0; i < list.size(); i++) {
				PublishContracts.ContractToPublish contract = contract(list.get(i), i, pacticipant, errors);
				if (contract != null) {
					contracts.add(contract);
				}
			}
		}
		errors.throwIfAny();
		return new PublishContracts(pacticipant, version, branch, (tags != null) ? tags : List.of(), buildUrl,
				contracts);
	}

	private static PublishContracts.@Nullable ContractToPublish contract(JsonNode item, int index,
			@Nullable String pacticipant, FieldErrors errors) {
		if (!item.isObject()) {
			errors.add("contracts", index, "must be an object");
			return null;
		}
		int before = errors.all().size();
		String consumer = text(item, "consumerName");
		String provider = text(item, "providerName");
		if (consumer == null || consumer.isBlank()) {
			errors.add("contracts", index, "consumerName is missing");
		}
		else if (Names.problem(consumer) != null) {
			errors.add("contracts", index, "consumerName " + Names.problem(consumer));
		}
		else if (pacticipant != null && !consumer.equals(pacticipant)) {
			errors.add("contracts", index,
					"consumerName (" + consumer + ") must match pacticipantName (" + pacticipant + ")");
		}
		if (provider == null || provider.isBlank()) {
			errors.add("contracts", index, "providerName is missing");
		}
		else if (Names.problem(provider) != null) {
			errors.add("contracts", index, "providerName " + Names.problem(provider));
		}
		String specification = text(item, "specification");
		if (specification == null || !specification.equals("pact")) {
			errors.add("contracts", index, "specification must be one of: pact");
		}
		String contentType = text(item, "contentType");
		if (contentType == null || !contentType.equals("application/json")) {
			errors.add("contracts", index, "contentType must be one of: application/json");
		}
		String onConflict = text(item, "onConflict");
		if (onConflict != null && !ON_CONFLICT.contains(onConflict)) {
			errors.add("contracts", index, "onConflict must be one of: merge, overwrite");
		}
		String content = decode(text(item, "content"), index, errors);
		if (errors.all().size() > before) {
			return null;
		}
		return new PublishContracts.ContractToPublish(consumer, provider, content, "merge".equals(onConflict));
	}

	/**
	 * Strict Base64 (no line breaks), valid UTF-8, a JSON object; each failure reported
	 * as the Pact Broker does.
	 */
	private static @Nullable String decode(@Nullable String content, int index, FieldErrors errors) {
		if (content == null) {
			errors.add("contracts", index, "content is missing");
			return null;
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(content);
		}
		catch (IllegalArgumentException ex) {
			errors.add("contracts", index, "is not valid Base64");
			errors.add("contracts", index, "content could not be parsed as application/json");
			return null;
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			errors.add("contracts", index, "content is not valid UTF-8");
			return null;
		}
		try {
			JsonNode parsed = tools.jackson.databind.json.JsonMapper.shared().readTree(text);
			if (parsed == null || !parsed.isObject()) {
				errors.add("contracts", index, "content could not be parsed as application/json");
				return null;
			}
			String nul = JsonBodies.nulAt(parsed);
			if (nul != null) {
				errors.add("contracts", index, "content cannot contain NUL characters (at " + nul + ")");
				return null;
			}
		}
		catch (JacksonException ex) {
			errors.add("contracts", index, "content could not be parsed as application/json");
			return null;
		}
		return text;
	}

	private Map<String, Object> representation(PublicationResult result) {
		String pacticipantHref = this.resources.pacticipantHref(result.pacticipant());
		String versionHref = this.resources.versionHref(result.pacticipant(), result.version());
		List<Notice> notices = new ArrayList<>(result.notices());
		for (PublicationResult.Published published : result.contracts()) {
			notices.addAll(published.notices());
			notices
				.add(new Notice("debug", "  View the published pact at " + this.resources.pactHref(published.pact())));
			if (published.outcome() == PublicationOutcome.CREATED) {
				notices.add(new Notice("prompt", "  Next steps:"));
				notices.add(new Notice("prompt", "    * Add Pact verification tests to the "
						+ published.pact().provider() + " build. See https://docs.pact.io/go/provider_verification"));
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		List<Map<String, String>> logs = new ArrayList<>();
		List<Map<String, String>> noticeBodies = new ArrayList<>();
		for (Notice notice : notices) {
			logs.add(Map.of("level", notice.type(), "message", notice.text(), "deprecationWarning",
					"Replaced by notices"));
			noticeBodies.add(Map.of("type", notice.type(), "text", notice.text()));
		}
		body.put("logs", logs);
		body.put("notices", noticeBodies);
		Map<String, Object> embedded = new LinkedHashMap<>();
		embedded.put("pacticipant",
				Map.of("name", result.pacticipant(), "_links", Map.of("self", Link.to(pacticipantHref))));
		embedded.put("version", Map.of("number", result.version(), "_links",
				Map.of("self", Link.to(versionHref, "Version", result.version()))));
		body.put("_embedded", embedded);
		Map<String, Object> rels = new LinkedHashMap<>();
		rels.put("pb:pacticipant", Link.to(pacticipantHref, "Pacticipant", result.pacticipant()));
		rels.put("pb:pacticipant-version", Link.to(versionHref, "Pacticipant version", result.version()));
		List<Link> tags = new ArrayList<>();
		for (String tag : result.tags()) {
			tags.add(Link.to(versionHref + "/tags/" + io.concordat.web.Links.encode(tag), "Tag", tag));
		}
		rels.put("pb:pacticipant-version-tags", tags);
		List<Link> contracts = new ArrayList<>();
		for (PublicationResult.Published published : result.contracts()) {
			contracts.add(Link.to(this.resources.pactHref(published.pact()), "Pact", published.pact().title()));
		}
		rels.put("pb:contracts", contracts);
		body.put("_links", rels);
		return body;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static @Nullable String requiredLine(JsonNode body, String field, FieldErrors errors) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			errors.add(field, "is missing");
			return null;
		}
		if (!value.isString()) {
			errors.add(field, "must be a string");
			return null;
		}
		String text = value.asString();
		if (text.isBlank()) {
			errors.add(field, "must be filled");
			return null;
		}
		checkLine(field, text, errors);
		return text;
	}

	private static void checkLine(String field, String value, FieldErrors errors) {
		Names.check(field, value, errors);
	}

}
