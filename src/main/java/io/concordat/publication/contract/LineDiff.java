package io.concordat.publication.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified-style line diff ({@code @@ -a,b +c,d @@} hunks of {@code -}, {@code +} and
 * context lines), kept short for a human reading an error message.
 */
final class LineDiff {

	/**
	 * Beyond this many line pairs in the changed middle, the middle is shown as removed
	 * then added rather than aligned, to keep time and memory bounded.
	 */
	private static final long MAX_ALIGNED_CELLS = 4_000_000L;

	private enum Op {

		SAME, REMOVED, ADDED

	}

	private LineDiff() {
	}

	/**
	 * @param before the old lines
	 * @param after the new lines
	 * @param context unchanged lines shown around each change
	 * @param maxLines the most lines returned before the rest is summarised
	 * @return the diff, empty when the lines are equal
	 */
	static String diff(List<String> before, List<String> after, int context, int maxLines) {
		List<Op> ops = operations(before, after);
		List<String> out = new ArrayList<>();
		int i = 0;
		while (i < ops.size()) {
			if (ops.get(i) == Op.SAME) {
				i++;
				continue;
			}
			// One hunk runs on while the unchanged stretch to the next change fits in the
			// context shown after this change and before that one
			int lastChange = i;
			int k = i + 1;
			while (k < ops.size() && k - lastChange <= 2 * context + 1) {
				if (ops.get(k) != Op.SAME) {
					lastChange = k;
				}
				k++;
			}
			int end = Math.min(ops.size(), lastChange + context + 1);
			hunk(ops, Math.max(0, i - context), end, before, after, out);
			i = end;
		}
		if (out.size() > maxLines) {
			int hidden = out.size() - maxLines;
			List<String> shown = new ArrayList<>(out.subList(0, maxLines));
			shown.add("... " + hidden + " more lines");
			return String.join("\n", shown);
		}
		return String.join("\n", out);
	}

	private static void hunk(List<Op> ops, int start, int end, List<String> before, List<String> after,
			List<String> out) {
		int oldStart = 0;
		int newStart = 0;
		for (int k = 0; k < start; k++) {
			oldStart += (ops.get(k) != Op.ADDED) ? 1 : 0;
			newStart += (ops.get(k) != Op.REMOVED) ? 1 : 0;
		}
		List<String> lines = new ArrayList<>();
		int oldLine = oldStart;
		int newLine = newStart;
		for (int k = start; k < end; k++) {
			switch (ops.get(k)) {
				case SAME -> {
					lines.add("  " + before.get(oldLine++));
					newLine++;
				}
				case REMOVED -> lines.add("- " + before.get(oldLine++));
				case ADDED -> lines.add("+ " + after.get(newLine++));
			}
		}
		out.add("@@ -" + (oldStart + 1) + "," + (oldLine - oldStart) + " +" + (newStart + 1) + ","
				+ (newLine - newStart) + " @@");
		out.addAll(lines);
	}

	private static List<Op> operations(List<String> before, List<String> after) {
		int prefix = 0;
		while (prefix < before.size() && prefix < after.size() && before.get(prefix).equals(after.get(prefix))) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < before.size() - prefix && suffix < after.size() - prefix
				&& before.get(before.size() - 1 - suffix).equals(after.get(after.size() - 1 - suffix))) {
			suffix++;
		}
		List<Op> ops = new ArrayList<>();
		for (int k = 0; k < prefix; k++) {
			ops.add(Op.SAME);
		}
		List<String> oldMiddle = before.subList(prefix, before.size() - suffix);
		List<String> newMiddle = after.subList(prefix, after.size() - suffix);
		if ((long) oldMiddle.size() * newMiddle.size() <= MAX_ALIGNED_CELLS) {
			ops.addAll(aligned(oldMiddle, newMiddle));
		}
		else {
			oldMiddle.forEach((line) -> ops.add(Op.REMOVED));
			newMiddle.forEach((line) -> ops.add(Op.ADDED));
		}
		for (int k = 0; k < suffix; k++) {
			ops.add(Op.SAME);
		}
		return ops;
	}

	/** Longest-common-subsequence alignment, removals before additions. */
	private static List<Op> aligned(List<String> before, List<String> after) {
		int n = before.size();
		int m = after.size();
		int[][] common = new int[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<Op> ops = new ArrayList<>(n + m);
		int i = 0;
		int j = 0;
		while (i < n || j < m) {
			if (i < n && j < m && before.get(i).equals(after.get(j))) {
				ops.add(Op.SAME);
				i++;
				j++;
			}
			else if (j >= m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
				ops.add(Op.REMOVED);
				i++;
			}
			else {
				ops.add(Op.ADDED);
				j++;
			}
		}
		return ops;
	}

}
