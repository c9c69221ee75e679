package io.concordat.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Explains, in the Pact Broker's words (verifiers print these verbatim), why each pact is
 * being verified (which selector chose which consumer version) and whether a failure will
 * fail the build (pending and WIP status), and gives the short description Pact Go names
 * its test after.
 */
public final class VerifiablePactNotices {

	static final String BEFORE_VERIFICATION = "before_verification";

	static final String BETA_WARNING = "WARNING - this version of the Pact library uses a beta version of the API "
			+ "which will be removed in the future. Please upgrade your Pact library. See "
			+ "https://docs.pact.io/pact_broker/advanced_topics/provider_verification_results/#pacts-for-verification "
			+ "for minimum required versions.";

	private static final String READ_MORE_PENDING = "Read more at https://docs.pact.io/go/pending";

	private static final String READ_MORE_WIP = "Read more at https://docs.pact.io/go/wip";

	private VerifiablePactNotices() {
	}

	/**
	 * The notices for one pact.
	 * @param pact the pact
	 * @param pactUrl the pact's URL, as the notices name it
	 * @param includePendingStatus whether pending status was asked for (the pending
	 * notices are only given then)
	 * @param deprecated whether the request used the deprecated GET form of the API
	 */
	public static List<VerificationNotice> notices(VerifiablePact pact, String pactUrl, boolean includePendingStatus,
			boolean deprecated) {
		List<VerificationNotice> notices = new ArrayList<>();
		if (deprecated) {
			notices.add(new VerificationNotice(BEFORE_VERIFICATION, BETA_WARNING));
		}
		notices.add(new VerificationNotice(BEFORE_VERIFICATION, inclusionReason(pact, pactUrl)));
		if (includePendingStatus) {
			Messages messages = new Messages(pact);
			notices.add(new VerificationNotice(BEFORE_VERIFICATION, messages.pendingReason()));
			if (pact.isPending()) {
				notices.add(new VerificationNotice("after_verification:success_true_published_false",
						messages.successNotPublished()));
				notices.add(
						new VerificationNotice("after_verification:success_false_published_false", messages.failure()));
				notices.add(new VerificationNotice("after_verification:success_true_published_true",
						messages.successPublished()));
				notices
					.add(new VerificationNotice("after_verification:success_false_published_true", messages.failure()));
			}
		}
		return notices;
	}

	/**
	 * A few words per selector ("latest from main branch, deployed to production"); Pact
	 * Go names the test after it.
	 */
	public static String shortDescription(VerifiablePact pact) {
		List<String> descriptions = new ArrayList<>();
		for (ResolvedSelector selector : pact.selectors()) {
			descriptions.add(shortDescription(selector));
		}
		return String.join(", ", descriptions);
	}

	private static String shortDescription(ResolvedSelector resolved) {
		ConsumerVersionSelector selector = resolved.selector();
		return switch (resolved.kind()) {
			case OVERALL_LATEST -> "latest";
			case LATEST_TAG -> "latest with tag " + resolved.selectedTag();
			case MAIN_BRANCH -> "latest from main branch";
			case BRANCH, EVERY_BRANCH -> "latest from branch " + resolved.selectedBranch();
			case ALL_TAG -> (selector.consumer() != null) ? "one of " + selector.consumer() + " " + selector.tag()
					: "one of " + selector.tag();
			case DEPLOYED -> "deployed to " + resolved.environment();
			case RELEASED -> "released in " + resolved.environment();
			case ENVIRONMENT -> "in environment " + resolved.environment();
		};
	}

	static String inclusionReason(VerifiablePact pact, String pactUrl) {
		if (pact.wip()) {
			List<String> tags = headTags(pact);
			List<String> branches = headBranches(pact);
			String versions = (tags.size() == 1 || branches.size() == 1) ? "version" : "versions";
			return "The pact at " + pactUrl + " is being verified because it is a 'work in progress' pact (ie. it is "
					+ "the pact for the latest " + versions + " of " + pact.pact().consumer() + " "
					+ heads(branches, tags, pact.selectors().size())
					+ " and it has not yet been successfully verified by " + new Messages(pact).pendingFor("a")
					+ " when the pact's application version was explicitly "
					+ "specified in the consumer version selectors). " + READ_MORE_WIP;
		}
		int count = pact.selectors().size();
		return "The pact at " + pactUrl + " is being verified because the pact content belongs to "
				+ ((count == 1) ? "the consumer version" : "the consumer versions") + " matching the following "
				+ ((count > 1) ? "criteria" : "criterion") + ":\n" + selectorDescriptions(pact);
	}

	private static String heads(List<String> branches, List<String> tags, int selectorCount) {
		List<String> parts = new ArrayList<>();
		if (!branches.isEmpty()) {
			parts.add("from " + ((branches.size() == 1) ? "branch" : "branches") + " " + quoted(branches));
		}
		if (!tags.isEmpty()) {
			parts.add("tagged with " + quoted(tags));
		}
		String sameContent = switch (selectorCount) {
			case 1 -> "";
			case 2 -> " (both have the same content)";
			default -> " (all have the same content)";
		};
		return String.join(" and ", parts) + sameContent;
	}

	private static String selectorDescriptions(VerifiablePact pact) {
		Map<ConsumerVersionSelector.Kind, List<ResolvedSelector>> byKind = new LinkedHashMap<>();
		for (ResolvedSelector selector : pact.selectors()) {
			byKind.computeIfAbsent(selector.kind(), (kind) -> new ArrayList<>()).add(selector);
		}
		List<String> lines = new ArrayList<>();
		byKind.forEach((kind, selectors) -> {
			switch (kind) {
				case DEPLOYED -> lines.addAll(environmentDescriptions(selectors, "currently deployed to"));
				case RELEASED -> lines.addAll(environmentDescriptions(selectors, "released and supported in"));
				default -> selectors.forEach((selector) -> lines.add(description(selector, pact.pact())));
			}
		});
		return String.join("\n", lines.stream().map((line) -> "    * " + line).toList());
	}

	private static String description(ResolvedSelector resolved, PactToVerify pact) {
		ConsumerVersionSelector selector = resolved.selector();
		String consumer = selector.consumer();
		String version = (consumer != null) ? "version of " + consumer : "version";
		String description = switch (resolved.kind()) {
			case OVERALL_LATEST -> "latest version of " + ((consumer != null) ? consumer : "a consumer")
					+ " that has a pact with " + pact.provider();
			case LATEST_TAG -> resolved.fallbackUsed()
					? "latest " + version + " tagged '" + selector.fallbackTag()
							+ "' (fallback tag used as no pact was found with tag '" + selector.tag() + "')"
					: "latest " + version + " tagged '" + selector.tag() + "'";
			case MAIN_BRANCH -> "latest " + version + " from the main branch '"
					+ Objects.requireNonNullElse(resolved.branch(), String.valueOf(pact.consumerMainBranch())) + "'";
			case BRANCH, EVERY_BRANCH -> resolved.fallbackUsed()
					? "latest " + version + " from branch '" + resolved.selectedBranch()
							+ "' (fallback branch used as no pact was found from branch '" + selector.branch() + "')"
					: "latest " + version + " from branch '" + resolved.selectedBranch() + "'";
			case ALL_TAG -> (consumer != null) ? "all " + consumer + " versions tagged '" + selector.tag() + "'"
					: "all consumer versions tagged '" + selector.tag() + "'";
			case ENVIRONMENT, DEPLOYED, RELEASED ->
				((consumer != null) ? consumer : "a consumer") + " version in environment " + resolved.environment();
		};
		return description + " (" + resolved.consumerVersion() + ")";
	}

	/**
	 * "version(s) of orders-web currently deployed to staging (1.0.0) and production
	 * (0.9.0)", one line per consumer named by the selectors.
	 */
	private static List<String> environmentDescriptions(List<ResolvedSelector> selectors, String where) {
		Map<String, List<String>> byConsumer = new LinkedHashMap<>();
		for (ResolvedSelector selector : selectors) {
			String consumer = selector.selector().consumer();
			String who = (consumer != null) ? "version(s) of " + consumer : "consumer version(s)";
			byConsumer.computeIfAbsent(who, (key) -> new ArrayList<>())
				.add(selector.environment() + " (" + selector.consumerVersion() + ")");
		}
		List<String> lines = new ArrayList<>();
		byConsumer.forEach((who, environments) -> lines.add(who + " " + where + " " + join(environments)));
		return lines;
	}

	private static List<String> headTags(VerifiablePact pact) {
		return pact.selectors()
			.stream()
			.filter((selector) -> selector.kind() == ConsumerVersionSelector.Kind.LATEST_TAG)
			.map((selector) -> selector.selector().tag())
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	private static List<String> headBranches(VerifiablePact pact) {
		return pact.selectors()
			.stream()
			.filter((selector) -> selector.kind() == ConsumerVersionSelector.Kind.BRANCH
					|| selector.kind() == ConsumerVersionSelector.Kind.EVERY_BRANCH)
			.map(ResolvedSelector::selectedBranch)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	/** 'a', 'b' and 'c'. */
	static String quoted(List<String> words) {
		return join(words.stream().map((word) -> "'" + word + "'").toList());
	}

	/** a, b and c. */
	static String join(List<String> words) {
		if (words.size() <= 2) {
			return String.join(" and ", words);
		}
		return String.join(", ", words.subList(0, words.size() - 2)) + ", "
				+ String.join(" and ", words.subList(words.size() - 2, words.size()));
	}

	/** The pending-status sentences, which depend on the provider branch or tags. */
	private static final class Messages {

		private final VerifiablePact pact;

		private final String provider;

		Messages(VerifiablePact pact) {
			this.pact = pact;
			this.provider = pact.pact().provider();
		}

		String pendingReason() {
			if (this.pact.isPending() && this.pact.wip()) {
				return "This pact is in pending state for this version of " + this.provider
						+ " because it was included as a 'work in progress' pact. If this verification fails, it will "
						+ "not cause the overall build to fail. " + READ_MORE_PENDING;
			}
			if (this.pact.isPending()) {
				return "This pact is in pending state for this version of " + this.provider
						+ " because a successful verification result for " + pendingFor("a")
						+ " has not yet been published. If this verification fails, it will not cause the overall "
						+ "build to fail. " + READ_MORE_PENDING;
			}
			return "This pact has previously been successfully verified by " + verifiedBy()
					+ ". If this verification fails, it will fail the build. " + READ_MORE_PENDING;
		}

		String successNotPublished() {
			return "This pact is still in pending state for " + pendingFor("any")
					+ " as the successful verification results " + withTheseTags() + "have not yet been published.";
		}

		String successPublished() {
			return "This pact is no longer in pending state for " + pendingFor("any")
					+ ", as a successful verification result " + withTheseTags()
					+ "has been published. If a verification for a version of " + this.provider + " " + withTheseTags()
					+ "fails in the future, it will fail the build. " + READ_MORE_PENDING;
		}

		String failure() {
			return "This pact is still in pending state for " + pendingFor("any") + " as a successful verification "
					+ "result " + withTheseTags() + "has not yet been published";
		}

		String pendingFor(String anyOrA) {
			if (this.pact.providerBranch() != null) {
				return anyOrA + " version of " + this.provider + " from branch '" + this.pact.providerBranch() + "'";
			}
			List<String> tags = this.pact.pendingProviderTags();
			return switch (tags.size()) {
				case 0 -> this.provider;
				case 1 -> anyOrA + " version of " + this.provider + " with tag '" + tags.get(0) + "'";
				default -> anyOrA + " versions of " + this.provider + " with tag " + quoted(tags);
			};
		}

		private String verifiedBy() {
			if (this.pact.providerBranch() != null) {
				return "a version of " + this.provider + " from branch '" + this.pact.providerBranch() + "'";
			}
			List<String> tags = this.pact.nonPendingProviderTags();
			return switch (tags.size()) {
				case 0 -> this.provider;
				case 1 -> "a version of " + this.provider + " with tag '" + tags.get(0) + "'";
				default -> "a version of " + this.provider + " with tag " + quoted(tags);
			};
		}

		private String withTheseTags() {
			return switch (this.pact.pendingProviderTags().size()) {
				case 0 -> "";
				case 1 -> "with this tag ";
				default -> "with these tags ";
			};
		}

	}

}
