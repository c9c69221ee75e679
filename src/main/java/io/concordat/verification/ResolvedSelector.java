package io.concordat.verification;

import java.util.Comparator;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A selector together with the consumer version it selected.
 *
 * @param selector the selector as requested (or a default one, or the one a WIP pact is
 * listed under)
 * @param consumerVersion the consumer version number it selected
 * @param consumerVersionOrder that version's creation order
 * @param branch the branch whose head was selected (main branch, every-branch and
 * fallback selectors name it here)
 * @param fallbackUsed whether the selector's fallback tag or branch selected the version
 * @param environment the environment the version is deployed or released in
 * @param target the deployment target within the environment, if any
 * @param production whether that environment is a production one
 */
public record ResolvedSelector(ConsumerVersionSelector selector, String consumerVersion, long consumerVersionOrder,
		@Nullable String branch, boolean fallbackUsed, @Nullable String environment, @Nullable String target,
		boolean production) {

	/**
	 * The order notices list the reasons in: latest, main branch, branches, tags, then
	 * environments (production last); by name within each, then by consumer version.
	 */
	static final Comparator<ResolvedSelector> ORDER = Comparator
		.comparingInt((ResolvedSelector resolved) -> resolved.kind().ordinal())
		.thenComparing(ResolvedSelector::name, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing((resolved) -> resolved.selector().consumer(), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(ResolvedSelector::production)
		.thenComparingLong(ResolvedSelector::consumerVersionOrder);

	static ResolvedSelector of(ConsumerVersionSelector selector, PactToVerify pact, @Nullable String branch) {
		return new ResolvedSelector(selector, pact.consumerVersion(), pact.consumerVersionOrder(), branch, false, null,
				null, false);
	}

	static ResolvedSelector fallback(ConsumerVersionSelector selector, PactToVerify pact, @Nullable String branch) {
		return new ResolvedSelector(selector, pact.consumerVersion(), pact.consumerVersionOrder(), branch, true, null,
				null, false);
	}

	static ResolvedSelector inEnvironment(ConsumerVersionSelector selector, PactToVerify pact,
			DeployedVersions.EnvironmentVersion deployed) {
		return new ResolvedSelector(selector, pact.consumerVersion(), pact.consumerVersionOrder(), null, false,
				deployed.environment(), deployed.target(), deployed.production());
	}

	public ConsumerVersionSelector.Kind kind() {
		return this.selector.kind();
	}

	/**
	 * The branch a branch selector selected the head of: the fallback branch when it was
	 * used, else the named or resolved branch.
	 */
	public @Nullable String selectedBranch() {
		if (this.fallbackUsed && this.selector.fallbackBranch() != null) {
			return this.selector.fallbackBranch();
		}
		return (this.branch != null) ? this.branch : this.selector.branch();
	}

	/** The tag whose latest version was selected: the fallback tag when it was used. */
	public @Nullable String selectedTag() {
		return (this.fallbackUsed && this.selector.fallbackTag() != null) ? this.selector.fallbackTag()
				: this.selector.tag();
	}

	private @Nullable String name() {
		return switch (kind()) {
			case BRANCH, EVERY_BRANCH -> selectedBranch();
			case LATEST_TAG, ALL_TAG -> selectedTag();
			case DEPLOYED, RELEASED, ENVIRONMENT -> Objects.requireNonNullElse(this.environment, "");
			default -> null;
		};
	}

}
