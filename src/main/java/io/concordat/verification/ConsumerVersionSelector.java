package io.concordat.verification;

import org.jspecify.annotations.Nullable;

/**
 * Which consumer versions' pacts a provider build must verify, normalised from the
 * request: {@code matchingBranch} has become the provider's branch, {@code mainBranch}
 * and {@code branch} imply {@code latest}, and {@code deployedOrReleased} has been split
 * into one deployed and one released selector.
 *
 * @param mainBranch the head of each consumer's main branch
 * @param branch the head of this consumer branch
 * @param everyBranch the head of every consumer branch ({@code "branch": true})
 * @param matchingBranch the branch was named by {@code matchingBranch} (it is then the
 * provider's branch)
 * @param fallbackBranch the branch whose head is used when {@code branch} selects no pact
 * for a consumer
 * @param tag versions with this tag (the latest one only when {@code latest})
 * @param fallbackTag the tag whose latest version is used when {@code tag} selects no
 * pact for a consumer
 * @param latest {@code true}, {@code false} or not given
 * @param consumer only this consumer's versions
 * @param deployed versions currently deployed (in {@code environment}, if given)
 * @param released versions released and still supported (in {@code environment}, if
 * given)
 * @param environment the environment of a deployed or released selector, or alone:
 * versions deployed or released in it
 */
public record ConsumerVersionSelector(boolean mainBranch, @Nullable String branch, boolean everyBranch,
		boolean matchingBranch, @Nullable String fallbackBranch, @Nullable String tag, @Nullable String fallbackTag,
		@Nullable Boolean latest, @Nullable String consumer, boolean deployed, boolean released,
		@Nullable String environment) {

	/** What a selector selects; decides its query and how notices describe it. */
	public enum Kind {

		/** The latest pact of each consumer. */
		OVERALL_LATEST,
		/** The pact of the head of each consumer's main branch. */
		MAIN_BRANCH,
		/** The pact of the head of a named branch. */
		BRANCH,
		/** The pacts of the heads of every branch. */
		EVERY_BRANCH,
		/** The pact of the latest version with a tag. */
		LATEST_TAG,
		/** The pacts of every version with a tag. */
		ALL_TAG,
		/** The pacts of versions currently deployed. */
		DEPLOYED,
		/** The pacts of versions released and still supported. */
		RELEASED,
		/** The pacts of versions deployed or released in an environment. */
		ENVIRONMENT

	}

	public static ConsumerVersionSelector overallLatest() {
		return new ConsumerVersionSelector(false, null, false, false, null, null, null, true, null, false, false, null);
	}

	public static ConsumerVersionSelector forMainBranch() {
		return new ConsumerVersionSelector(true, null, false, false, null, null, null, true, null, false, false, null);
	}

	public static ConsumerVersionSelector latestForBranch(String branch) {
		return new ConsumerVersionSelector(false, branch, false, false, null, null, null, true, null, false, false,
				null);
	}

	public static ConsumerVersionSelector latestForEveryBranch() {
		return new ConsumerVersionSelector(false, null, true, false, null, null, null, true, null, false, false, null);
	}

	public static ConsumerVersionSelector latestForTag(String tag) {
		return new ConsumerVersionSelector(false, null, false, false, null, tag, null, true, null, false, false, null);
	}

	public static ConsumerVersionSelector allForTag(String tag) {
		return new ConsumerVersionSelector(false, null, false, false, null, tag, null, null, null, false, false, null);
	}

	public static ConsumerVersionSelector currentlyDeployed(@Nullable String environment) {
		return new ConsumerVersionSelector(false, null, false, false, null, null, null, null, null, true, false,
				environment);
	}

	public static ConsumerVersionSelector currentlySupported(@Nullable String environment) {
		return new ConsumerVersionSelector(false, null, false, false, null, null, null, null, null, false, true,
				environment);
	}

	public static ConsumerVersionSelector inEnvironment(String environment) {
		return new ConsumerVersionSelector(false, null, false, false, null, null, null, null, null, false, false,
				environment);
	}

	public ConsumerVersionSelector forConsumer(@Nullable String name) {
		return new ConsumerVersionSelector(this.mainBranch, this.branch, this.everyBranch, this.matchingBranch,
				this.fallbackBranch, this.tag, this.fallbackTag, this.latest, name, this.deployed, this.released,
				this.environment);
	}

	public ConsumerVersionSelector withFallbackTag(@Nullable String name) {
		return new ConsumerVersionSelector(this.mainBranch, this.branch, this.everyBranch, this.matchingBranch,
				this.fallbackBranch, this.tag, name, this.latest, this.consumer, this.deployed, this.released,
				this.environment);
	}

	public ConsumerVersionSelector withFallbackBranch(@Nullable String name) {
		return new ConsumerVersionSelector(this.mainBranch, this.branch, this.everyBranch, this.matchingBranch, name,
				this.tag, this.fallbackTag, this.latest, this.consumer, this.deployed, this.released, this.environment);
	}

	/** The branch came from {@code matchingBranch}: the provider's own branch. */
	public ConsumerVersionSelector matching(String providerBranch) {
		return new ConsumerVersionSelector(false, providerBranch, false, true, this.fallbackBranch, null, null, true,
				this.consumer, false, false, null);
	}

	public Kind kind() {
		if (this.mainBranch) {
			return Kind.MAIN_BRANCH;
		}
		if (this.everyBranch) {
			return Kind.EVERY_BRANCH;
		}
		if (this.branch != null) {
			return Kind.BRANCH;
		}
		if (this.deployed) {
			return Kind.DEPLOYED;
		}
		if (this.released) {
			return Kind.RELEASED;
		}
		if (this.environment != null) {
			return Kind.ENVIRONMENT;
		}
		if (this.tag != null) {
			return Boolean.TRUE.equals(this.latest) ? Kind.LATEST_TAG : Kind.ALL_TAG;
		}
		return Kind.OVERALL_LATEST;
	}

}
