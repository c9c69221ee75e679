package io.concordat.matrix;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A question to the matrix.
 *
 * @param selectors the specified versions (at least one)
 * @param ignore versions whose rows are shown but do not count
 * @param latestBy how rows sharing a key are reduced; null keeps every consumer version ×
 * provider version row
 * @param latest counterparts are inferred as their latest version (with {@code tag}: the
 * latest with that tag)
 * @param tag counterparts are inferred as the latest version with this tag
 * @param environment counterparts are inferred as the versions currently in this
 * environment
 * @param mainBranch counterparts are inferred as the head of their main branch
 * @param success only rows with these outcomes (null stands for no result); empty means
 * all
 * @param limit how many rows to show; the decision always considers them all
 */
public record MatrixQuery(List<Selector> selectors, List<Selector> ignore, @Nullable LatestBy latestBy, boolean latest,
		@Nullable String tag, @Nullable String environment, boolean mainBranch, List<@Nullable Boolean> success,
		@Nullable Integer limit) {

	/** The rows of the selected versions, with no target and every row kept. */
	public static MatrixQuery of(List<Selector> selectors) {
		return new MatrixQuery(selectors, List.of(), null, false, null, null, false, List.of(), null);
	}

	/** can-i-deploy to an environment, as {@code GET /can-i-deploy} asks it. */
	public static MatrixQuery toEnvironment(Selector selector, String environment, List<Selector> ignore) {
		return new MatrixQuery(List.of(selector), ignore, LatestBy.CVPV, false, null, environment, false, List.of(),
				null);
	}

	/** can-i-deploy to the latest version with a tag on each counterpart. */
	public static MatrixQuery toTag(Selector selector, String tag, List<Selector> ignore) {
		return new MatrixQuery(List.of(selector), ignore, LatestBy.CVP, true, tag, null, false, List.of(), null);
	}

	/** can-i-merge: against the head of each counterpart's main branch. */
	public static MatrixQuery againstMainBranch(Selector selector) {
		return new MatrixQuery(List.of(selector), List.of(), LatestBy.CVP, true, null, null, true, List.of(), null);
	}

	boolean infersCounterparts() {
		return this.latest || this.tag != null || this.environment != null || this.mainBranch;
	}

}
