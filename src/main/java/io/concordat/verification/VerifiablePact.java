package io.concordat.verification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A pact the provider build must verify: one distinct content of one consumer, presented
 * as the latest consumer version that was selected with it, with every selector that
 * selected it and its pending and WIP status.
 *
 * @param pact the pact (the latest selected consumer version with this content)
 * @param selectors why it was selected, in the order notices list them
 * @param pending whether a failure must not fail the build; {@code null} when pending
 * status was not asked for
 * @param pendingProviderTags the provider tags it is pending for (legacy tag-based
 * pending)
 * @param nonPendingProviderTags the provider tags it is not pending for
 * @param providerBranch the provider branch pending status was worked out for
 * @param wip whether it is a work-in-progress pact
 */
public record VerifiablePact(PactToVerify pact, List<ResolvedSelector> selectors, @Nullable Boolean pending,
		List<String> pendingProviderTags, List<String> nonPendingProviderTags, @Nullable String providerBranch,
		boolean wip) {

	/** By consumer name, then consumer version order, as the Pact Broker lists them. */
	static final Comparator<VerifiablePact> ORDER = Comparator
		.comparing((VerifiablePact verifiable) -> verifiable.pact().consumer().toLowerCase(Locale.ROOT))
		.thenComparingLong((verifiable) -> verifiable.pact().consumerVersionOrder());

	public VerifiablePact {
		selectors = List.copyOf(selectors);
		pendingProviderTags = List.copyOf(pendingProviderTags);
		nonPendingProviderTags = List.copyOf(nonPendingProviderTags);
	}

	public boolean isPending() {
		return Boolean.TRUE.equals(this.pending);
	}

	/**
	 * The same content listed twice (a WIP pact that is the head of two branches, for
	 * instance) as one: the later consumer version, both reasons.
	 */
	VerifiablePact merge(VerifiablePact other) {
		PactToVerify latest = (other.pact.consumerVersionOrder() > this.pact.consumerVersionOrder()) ? other.pact
				: this.pact;
		List<ResolvedSelector> merged = new ArrayList<>(this.selectors);
		other.selectors.stream().filter((selector) -> !merged.contains(selector)).forEach(merged::add);
		merged.sort(ResolvedSelector.ORDER);
		Boolean pending = (this.pending == null && other.pending == null) ? null
				: (this.isPending() || other.isPending());
		return new VerifiablePact(latest, merged, pending, union(this.pendingProviderTags, other.pendingProviderTags),
				union(this.nonPendingProviderTags, other.nonPendingProviderTags), this.providerBranch,
				this.wip || other.wip);
	}

	private static List<String> union(List<String> first, List<String> second) {
		List<String> union = new ArrayList<>(first);
		second.stream().filter((item) -> !union.contains(item)).forEach(union::add);
		return union;
	}

}
