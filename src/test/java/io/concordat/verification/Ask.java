package io.concordat.verification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a provider build asks for, built up in tests:
 * {@code Ask.forSelectors(mainBranch()).fromProviderBranch("main").wipSince(yesterday)}.
 */
final class Ask {

	private final List<ConsumerVersionSelector> selectors;

	private @Nullable String providerBranch;

	private List<String> providerTags = List.of();

	private boolean includePendingStatus = true;

	private @Nullable Instant wipSince;

	private Ask(List<ConsumerVersionSelector> selectors) {
		this.selectors = selectors;
	}

	static Ask forSelectors(ConsumerVersionSelector... selectors) {
		return new Ask(Arrays.asList(selectors));
	}

	static Ask forDefaults() {
		return new Ask(List.of());
	}

	Ask fromProviderBranch(String branch) {
		this.providerBranch = branch;
		return this;
	}

	Ask withProviderTags(String... tags) {
		this.providerTags = Arrays.asList(tags);
		return this;
	}

	Ask withoutPendingStatus() {
		this.includePendingStatus = false;
		return this;
	}

	Ask wipSince(Instant since) {
		this.wipSince = since;
		return this;
	}

	PactsForVerificationRequest request() {
		return new PactsForVerificationRequest(this.selectors, this.providerBranch, this.providerTags,
				this.includePendingStatus, this.wipSince);
	}

}
