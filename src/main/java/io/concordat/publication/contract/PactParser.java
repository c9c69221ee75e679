package io.concordat.publication.contract;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses Pact documents (specification v1 to v4) into {@link Contract}s.
 */
public final class PactParser {

	private static final String DEFAULT_SPECIFICATION_VERSION = "2.0.0";

	/** Enough to fix a document without flooding a response with one mistake repeated. */
	private static final int MAX_PROBLEMS = 20;

	/**
	 * @param json the pact document
	 * @return the parsed contract
	 * @throws InvalidPactException when the text is not JSON, not an object, or not a
	 * pact
	 */
	public Contract parse(String json) {
		ObjectNode document = Json.readObject(json);
		JsonNode interactions = document.get("interactions");
		JsonNode messages = document.get("messages");
		if (interactions == null && messages == null && !document.has("consumer") && !document.has("provider")) {
			throw new InvalidPactException("the document is not a pact: it has no interactions or messages");
		}
		String version = specificationVersion(document);
		List<String> problems = new ArrayList<>();
		InteractionReader reader = new InteractionReader(majorVersion(version) >= 4, problems);
		List<ContractInteraction> parsed = new ArrayList<>();
		List<String> canonicalInteractions = read(interactions, "interactions", false, reader, parsed, problems);
		List<String> canonicalMessages = read(messages, "messages", true, reader, parsed, problems);
		if (!problems.isEmpty()) {
			throw new InvalidPactException(limited(problems));
		}
		return new Contract(version, name(document, "consumer"), name(document, "provider"), List.copyOf(parsed),
				ContentIdentity.sha(document, version, canonicalInteractions, canonicalMessages));
	}

	/** The canonical form of each element, {@code null} when the array is absent. */
	private static @Nullable List<String> read(@Nullable JsonNode array, String key, boolean messages,
			InteractionReader reader, List<ContractInteraction> parsed, List<String> problems) {
		if (array == null) {
			return null;
		}
		if (!array.isArray()) {
			problems.add(key + " must be an array");
			return null;
		}
		List<String> canonical = new ArrayList<>(array.size());
		for (int i = 0; i < array.size(); i++) {
			JsonNode element = array.get(i);
			String form = ContentIdentity.canonicalInteraction(element);
			canonical.add(form);
			ContractInteraction interaction = reader.read(element, key + "[" + i + "]", parsed.size(),
					Json.sha1Hex(form), messages);
			if (interaction != null) {
				parsed.add(interaction);
			}
		}
		return canonical;
	}

	/**
	 * {@code metadata.pactSpecification.version}, or the older spellings
	 * {@code metadata['pact-specification'].version} and
	 * {@code metadata.pactSpecificationVersion}.
	 */
	private static String specificationVersion(JsonNode document) {
		JsonNode metadata = document.path("metadata");
		JsonNode[] candidates = { metadata.path("pactSpecification").path("version"),
				metadata.path("pact-specification").path("version"), metadata.path("pactSpecificationVersion") };
		for (JsonNode candidate : candidates) {
			if ((candidate.isString() || candidate.isNumber()) && !candidate.asString().isBlank()) {
				return candidate.asString().trim();
			}
		}
		return DEFAULT_SPECIFICATION_VERSION;
	}

	/** {@code 4} for {@code 4.0}, {@code 0} when the version does not start with one. */
	private static int majorVersion(String version) {
		String text = version.startsWith("v") || version.startsWith("V") ? version.substring(1) : version;
		int end = 0;
		while (end < text.length() && end < 9 && Character.isDigit(text.charAt(end))) {
			end++;
		}
		return (end == 0) ? 0 : Integer.parseInt(text.substring(0, end));
	}

	private static @Nullable String name(JsonNode document, String party) {
		JsonNode name = document.path(party).path("name");
		return name.isString() ? name.stringValue() : null;
	}

	private static List<String> limited(List<String> problems) {
		if (problems.size() <= MAX_PROBLEMS) {
			return problems;
		}
		List<String> shown = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
		shown.add("and " + (problems.size() - MAX_PROBLEMS) + " more problems");
		return shown;
	}

}
