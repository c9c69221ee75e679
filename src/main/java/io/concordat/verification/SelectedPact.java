package io.concordat.verification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pact some selectors selected, before its pending status is known.
 *
 * @param pact the pact
 * @param selectors the selectors that selected it, each with the version it selected
 */
record SelectedPact(PactToVerify pact, List<ResolvedSelector> selectors) {

	private static final Comparator<SelectedPact> ORDER = Comparator
		.comparing((SelectedPact selected) -> selected.pact().consumer().toLowerCase(Locale.ROOT))
		.thenComparingLong((selected) -> selected.pact().consumerVersionOrder());

	SelectedPact(PactToVerify pact, ResolvedSelector selector) {
		this(pact, List.of(selector));
	}

	/**
	 * One entry per consumer and content: content is verified once, whichever versions
	 * published it. The entry shows the latest selected consumer version with that
	 * content and carries every reason it was selected.
	 */
	static List<SelectedPact> mergeByContent(List<SelectedPact> selected) {
		Map<List<String>, SelectedPact> byContent = new LinkedHashMap<>();
		for (SelectedPact pact : selected) {
			byContent.merge(List.of(pact.pact().consumer(), pact.pact().sha()), pact, SelectedPact::merge);
		}
		List<SelectedPact> merged = new ArrayList<>();
		for (SelectedPact pact : byContent.values()) {
			List<ResolvedSelector> selectors = new ArrayList<>(pact.selectors());
			selectors.sort(ResolvedSelector.ORDER);
			merged.add(new SelectedPact(pact.pact(), selectors));
		}
		merged.sort(ORDER);
		return merged;
	}

	private SelectedPact merge(SelectedPact other) {
		PactToVerify latest = (other.pact.consumerVersionOrder() > this.pact.consumerVersionOrder()) ? other.pact
				: this.pact;
		List<ResolvedSelector> selectors = new ArrayList<>(this.selectors);
		other.selectors.stream().filter((selector) -> !selectors.contains(selector)).forEach(selectors::add);
		return new SelectedPact(latest, selectors);
	}

}
