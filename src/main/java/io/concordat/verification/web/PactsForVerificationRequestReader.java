package io.concordat.verification.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.concordat.verification.ConsumerVersionSelector;
import io.concordat.verification.DeployedVersions;
import io.concordat.verification.PactsForVerificationRequest;
import io.concordat.web.FieldErrors;
import io.concordat.web.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Reads a pacts-for-verification request, as the Pact Broker's wire format has it, into
 * the typed request the service takes: every problem is reported at once, naming the
 * field (selectors with {@code (at index N)}), in the Pact Broker's words. Keys may be
 * camelCase (the JSON body) or snake_case (old query strings). The one question it asks
 * of the domain, whether a named environment exists, goes through
 * {@link DeployedVersions}.
 */
@Component
public class PactsForVerificationRequestReader {

	static final String SELECTORS = "consumerVersionSelectors";

	private static final List<String> BRANCH_KEYS = List.of("latest", "tag", "fallbackTag", "branch", "fallbackBranch",
			"matchingBranch", "mainBranch");

	private static final List<String> ENVIRONMENT_KEYS = List.of("environment", "deployed", "released",
			"deployedOrReleased");

	private static final List<String> ALL_KEYS;

	static {
		List<String> all = new ArrayList<>(BRANCH_KEYS);
		all.addAll(ENVIRONMENT_KEYS);
		all.add("consumer");
		ALL_KEYS = List.copyOf(all);
	}

	private static final List<String> ONLY_TRUE = List.of("mainBranch", "matchingBranch", "deployed", "released",
			"deployedOrReleased");

	private static final List<String> STRINGS = List.of("tag", "fallbackTag", "fallbackBranch", "consumer",
			"environment");

	private final DeployedVersions deployedVersions;

	PactsForVerificationRequestReader(DeployedVersions deployedVersions) {
		this.deployedVersions = deployedVersions;
	}

	/**
	 * The request the body (or query) describes.
	 * @throws InvalidRequestException naming every field at fault
	 */
	public PactsForVerificationRequest read(JsonNode query) {
		JsonNode body = camelCaseKeys(query);
		FieldErrors errors = new FieldErrors();
		String branch = null;
		JsonNode branchNode = present(body, "providerVersionBranch");
		if (branchNode != null) {
			if (branchNode.isString()) {
				branch = branchNode.asString();
			}
			else {
				errors.add("providerVersionBranch", "must be a string");
			}
		}
		List<String> tags = new ArrayList<>();
		JsonNode tagsNode = present(body, "providerVersionTags");
		if (tagsNode != null && !tagsNode.isArray()) {
			errors.add("providerVersionTags", "must be an array");
		}
		else if (tagsNode != null) {
			for (int i = 0; i < tagsNode.size(); i++) {
				if (tagsNode.get(i).isString()) {
					tags.add(tagsNode.get(i).asString());
				}
				else {
					errors.add("providerVersionTags", i, "must be a string");
				}
			}
		}
		JsonNode pendingNode = present(body, "includePendingStatus");
		if (pendingNode != null && !pendingNode.isBoolean()) {
			errors.add("includePendingStatus", "must be one of: true, false");
		}
		Instant wipSince = null;
		JsonNode wipNode = present(body, "includeWipPactsSince");
		if (wipNode != null) {
			wipSince = date(wipNode);
			if (wipSince == null) {
				errors.add("includeWipPactsSince", "must be a date");
			}
		}
		if (branch != null && !branch.isEmpty() && branch.isBlank()) {
			errors.add("providerVersionBranch", "cannot be blank");
		}
		else if (branch != null && branch.isBlank() && tags.isEmpty()
				&& (wipNode != null || (pendingNode != null && pendingNode.asBoolean(false)))) {
			errors.add("providerVersionBranch", "when pending or WIP pacts are enabled and there are no tags provided, "
					+ "the provider version branch must not be an empty string, as it is used in the calculations for "
					+ "WIP/pending. A value must be provided (recommended), or it must not be set at all.");
		}
		if (branch != null && branch.isBlank()) {
			// Allowed only where it changes nothing: treated as not given.
			branch = null;
		}
		List<ConsumerVersionSelector> selectors = new ArrayList<>();
		JsonNode selectorsNode = present(body, SELECTORS);
		if (selectorsNode != null && !selectorsNode.isArray()) {
			errors.add(SELECTORS, "must be an array");
		}
		else if (selectorsNode != null) {
			for (int i = 0; i < selectorsNode.size(); i++) {
				JsonNode selector = selectorsNode.get(i);
				if (!selector.isObject()) {
					errors.add(SELECTORS, i, "must be a hash");
					continue;
				}
				List<String> problems = problems(selector, branch);
				for (String problem : problems) {
					errors.add(SELECTORS, i, problem);
				}
				if (problems.isEmpty()) {
					selectors.addAll(normalise(selector, branch));
				}
			}
		}
		errors.throwIfAny();
		boolean includePending = (pendingNode == null) || pendingNode.asBoolean();
		return new PactsForVerificationRequest(selectors, branch, tags, includePending, wipSince);
	}

	/** What is wrong with one selector, in the Pact Broker's words. */
	private List<String> problems(JsonNode selector, @Nullable String providerBranch) {
		List<String> problems = new ArrayList<>();
		for (String key : ONLY_TRUE) {
			JsonNode value = present(selector, key);
			if (value != null && !(value.isBoolean() && value.asBoolean())) {
				problems.add(key + " must be one of: true");
			}
		}
		JsonNode latest = present(selector, "latest");
		if (latest != null && !latest.isBoolean()) {
			problems.add("latest must be one of: true, false");
		}
		for (String key : STRINGS) {
			checkString(selector, key, problems);
		}
		JsonNode branch = present(selector, "branch");
		if (branch != null && !branch.isString() && !(branch.isBoolean() && branch.asBoolean())) {
			problems.add("branch must be a string or must be equal to true");
		}
		else if (branch != null && branch.isString() && branch.asString().isEmpty()) {
			problems.add("branch must be filled");
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		String consumer = text(selector, "consumer");
		if (consumer != null && consumer.isBlank()) {
			problems.add("consumer cannot be blank");
		}
		boolean mainBranch = has(selector, "mainBranch");
		boolean matchingBranch = has(selector, "matchingBranch");
		boolean latestTrue = latest != null && latest.asBoolean();
		boolean latestFalse = latest != null && !latest.asBoolean();
		if (!mainBranch && !has(selector, "tag") && branch == null && !has(selector, "environment") && !matchingBranch
				&& !has(selector, "deployed") && !has(selector, "released") && !has(selector, "deployedOrReleased")
				&& !latestTrue) {
			problems.add("must specify a value for environment or tag or branch, or specify mainBranch=true, "
					+ "matchingBranch=true, latest=true, deployed=true, released=true or deployedOrReleased=true");
		}
		if (mainBranch && anyOf(selector, ALL_KEYS, Set.of("consumer", "mainBranch", "latest"))) {
			problems.add("cannot specify mainBranch=true with any other criteria apart from consumer");
		}
		if (mainBranch && latestFalse) {
			problems.add("cannot specify mainBranch=true with latest=false");
		}
		if (matchingBranch && anyOf(selector, ALL_KEYS, Set.of("consumer", "matchingBranch"))) {
			problems.add("cannot specify matchingBranch=true with any other criteria apart from consumer");
		}
		if (matchingBranch && (providerBranch == null || providerBranch.isBlank())) {
			problems.add("the providerVersionBranch must be specified when the selector matchingBranch=true is used");
		}
		if (has(selector, "tag") && branch != null) {
			problems.add("cannot specify both a tag and a branch");
		}
		Set<String> branchKeys = keys(selector, BRANCH_KEYS);
		Set<String> environmentKeys = keys(selector, ENVIRONMENT_KEYS);
		if (!branchKeys.isEmpty() && !environmentKeys.isEmpty()) {
			problems.add("cannot specify the " + ((branchKeys.size() == 1) ? "field" : "fields") + " "
					+ String.join("/", branchKeys) + " with the " + ((environmentKeys.size() == 1) ? "field" : "fields")
					+ " " + String.join("/", environmentKeys));
		}
		if (has(selector, "fallbackTag") && !latestTrue) {
			problems.add("fallbackTag can only be set if latest is true");
		}
		if (has(selector, "fallbackTag") && !has(selector, "tag")) {
			problems.add("a tag must be specified when a fallbackTag is specified");
		}
		if (has(selector, "fallbackBranch") && branch == null) {
			problems.add("a branch must be specified when a fallbackBranch is specified");
		}
		if (has(selector, "fallbackBranch") && latestFalse) {
			problems.add("fallbackBranch can only be set if latest is true");
		}
		if (branch != null && latestFalse) {
			problems.add("cannot specify a branch with latest=false");
		}
		String environment = text(selector, "environment");
		if (environment != null && !environment.isBlank() && !this.deployedVersions.environmentExists(environment)) {
			problems.add("environment with name '" + environment + "' does not exist");
		}
		if (has(selector, "deployed") && has(selector, "released")) {
			problems.add("cannot specify both deployed=true and released=true");
		}
		if (has(selector, "deployed") && has(selector, "deployedOrReleased")) {
			problems.add("cannot specify both deployed=true and deployedOrReleased=true");
		}
		if (has(selector, "released") && has(selector, "deployedOrReleased")) {
			problems.add("cannot specify both released=true and deployedOrReleased=true");
		}
		return problems;
	}

	/**
	 * The selector as the queries use it: branch selectors imply latest,
	 * {@code matchingBranch} becomes the provider's branch, {@code deployedOrReleased}
	 * becomes a deployed and a released selector.
	 */
	private static List<ConsumerVersionSelector> normalise(JsonNode selector, @Nullable String providerBranch) {
		String consumer = text(selector, "consumer");
		String environment = text(selector, "environment");
		if (has(selector, "deployedOrReleased")) {
			return List.of(ConsumerVersionSelector.currentlyDeployed(environment).forConsumer(consumer),
					ConsumerVersionSelector.currentlySupported(environment).forConsumer(consumer));
		}
		if (has(selector, "matchingBranch") && providerBranch != null) {
			return List.of(ConsumerVersionSelector.latestForBranch(providerBranch)
				.matching(providerBranch)
				.forConsumer(consumer));
		}
		JsonNode branchNode = present(selector, "branch");
		String branch = (branchNode != null && branchNode.isString()) ? branchNode.asString() : null;
		boolean everyBranch = branchNode != null && branchNode.isBoolean();
		boolean mainBranch = has(selector, "mainBranch");
		JsonNode latestNode = present(selector, "latest");
		Boolean latest = (latestNode != null) ? latestNode.asBoolean() : null;
		if (mainBranch || branch != null || everyBranch) {
			latest = true;
		}
		return List.of(new ConsumerVersionSelector(mainBranch, branch, everyBranch, false,
				text(selector, "fallbackBranch"), text(selector, "tag"), text(selector, "fallbackTag"), latest,
				consumer, has(selector, "deployed"), has(selector, "released"), environment));
	}

	private static void checkString(JsonNode selector, String key, List<String> problems) {
		JsonNode value = present(selector, key);
		if (value == null) {
			return;
		}
		if (!value.isString()) {
			problems.add(key + " must be a string");
		}
		else if (value.asString().isEmpty()) {
			problems.add(key + " must be filled");
		}
	}

	/**
	 * A date ({@code 2024-01-01}, midnight UTC) or a date and time, with or without an
	 * offset (UTC when without).
	 */
	static @Nullable Instant date(JsonNode value) {
		if (!value.isString()) {
			return null;
		}
		String text = value.asString().trim();
		try {
			return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeException ex) {
			// not a plain date
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException ex) {
			// no offset
		}
		try {
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The value, or null when the key is absent or null. */
	private static @Nullable JsonNode present(JsonNode node, String key) {
		JsonNode value = node.get(key);
		return (value == null || value.isNull() || value.isMissingNode()) ? null : value;
	}

	private static boolean has(JsonNode node, String key) {
		return present(node, key) != null;
	}

	private static @Nullable String text(JsonNode node, String key) {
		JsonNode value = present(node, key);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static boolean anyOf(JsonNode selector, List<String> keys, Set<String> except) {
		return keys.stream().anyMatch((key) -> !except.contains(key) && has(selector, key));
	}

	private static Set<String> keys(JsonNode selector, List<String> keys) {
		Set<String> present = new TreeSet<>();
		keys.stream().filter((key) -> has(selector, key)).forEach(present::add);
		return present;
	}

	/** A copy of the tree with snake_case keys turned into camelCase. */
	static JsonNode camelCaseKeys(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String key = camelCase(property.getKey());
				if (!copy.has(key) || property.getKey().equals(key)) {
					copy.set(key, camelCaseKeys(property.getValue()));
				}
			}
			return copy;
		}
		if (node.isArray()) {
			var copy = JsonNodeFactory.instance.arrayNode();
			node.forEach((item) -> copy.add(camelCaseKeys(item)));
			return copy;
		}
		return node;
	}

	static String camelCase(String key) {
		if (key.indexOf('_') < 0) {
			return key;
		}
		StringBuilder camel = new StringBuilder(key.length());
		boolean upper = false;
		for (char c : key.toCharArray()) {
			if (c == '_') {
				upper = camel.length() > 0;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
