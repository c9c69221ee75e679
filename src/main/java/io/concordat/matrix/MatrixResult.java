package io.concordat.matrix;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The matrix rows for a query and the decision they lead to.
 *
 * @param rows the considered rows, then the ignored ones (at most {@code limit})
 * @param totalRows how many rows there were before the limit
 * @param deployable true, false, or null when unknown (a considered row has no result)
 * @param reasons the decision's reasons, as the Pact Broker words them
 * @param explanations what stands in the way, for every "no"
 * @param success considered rows whose verification passed
 * @param failed considered rows whose verification failed
 * @param unknown considered rows without a result
 * @param ignored ignored rows, or null when no ignore selector was given
 */
public record MatrixResult(List<MatrixRow> rows, int totalRows, @Nullable Boolean deployable, List<Reason> reasons,
		List<Explanation> explanations, int success, int failed, int unknown, @Nullable Integer ignored) {

	/** The reasons followed by the explanations, one line each. */
	public String reason() {
		StringBuilder text = new StringBuilder();
		for (Reason reason : this.reasons) {
			text.append((text.length() > 0) ? "\n" : "").append(reason.text());
		}
		for (Explanation explanation : this.explanations) {
			text.append((text.length() > 0) ? "\n" : "").append(explanation.text());
		}
		return text.toString();
	}

	public boolean truncated() {
		return this.rows.size() < this.totalRows;
	}

}
