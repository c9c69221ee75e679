package io.concordat.verification;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a provider build asks for when it fetches the pacts to verify, validated and
 * normalised.
 *
 * @param selectors the consumer version selectors; empty means the defaults
 * @param providerVersionBranch the branch of the provider version that will verify (it
 * decides pending and WIP status)
 * @param providerVersionTags the tags of that version (legacy pending and WIP)
 * @param includePendingStatus whether to work out and report pending status
 * @param includeWipPactsSince include work-in-progress pacts published after this
 */
public record PactsForVerificationRequest(List<ConsumerVersionSelector> selectors,
		@Nullable String providerVersionBranch, List<String> providerVersionTags, boolean includePendingStatus,
		@Nullable Instant includeWipPactsSince) {

	public PactsForVerificationRequest {
		selectors = List.copyOf(selectors);
		providerVersionTags = List.copyOf(providerVersionTags);
	}

	/** No selectors (the defaults), no branch or tags, pending status included. */
	public static PactsForVerificationRequest defaults() {
		return new PactsForVerificationRequest(List.of(), null, List.of(), true, null);
	}

}
