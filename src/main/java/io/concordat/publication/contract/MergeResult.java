package io.concordat.publication.contract;

import java.util.List;

/**
 * The outcome of merging a pact into an earlier one with the same consumer, provider and
 * version.
 *
 * @param json the merged pact, compact
 * @param conflicts one description per interaction that kept its description and provider
 * states but changed its request; empty when the merge is clean
 */
public record MergeResult(String json, List<String> conflicts) {

	public MergeResult {
		conflicts = List.copyOf(conflicts);
	}

	/** Whether an interaction was redefined with a different request. */
	public boolean conflict() {
		return !this.conflicts.isEmpty();
	}

}
