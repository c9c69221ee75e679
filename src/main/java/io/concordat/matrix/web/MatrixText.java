package io.concordat.matrix.web;

import java.util.ArrayList;
import java.util.List;

import io.concordat.matrix.MatrixResult;
import io.concordat.matrix.MatrixRow;

/**
 * The {@code text/plain} matrix: a table of the rows, then whether it is deployable and
 * why, laid out as the Pact Broker prints it.
 */
final class MatrixText {

	private static final List<String> HEADERS = List.of("CONSUMER", "C_VERSION", "REVISION", "PROVIDER", "P_VERSION",
			"NUMBER", "SUCCESS");

	private MatrixText() {
	}

	static String of(MatrixResult result) {
		StringBuilder text = new StringBuilder();
		if (result.rows().isEmpty()) {
			text.append("No data.");
		}
		else {
			List<List<String>> lines = new ArrayList<>();
			for (MatrixRow row : result.rows()) {
				MatrixRow.Verification verification = row.verification();
				lines.add(List.of(row.consumer().pacticipant().name(), row.consumer().number(),
						Integer.toString(row.pact().revision()), row.provider().name(),
						(row.providerVersion() != null) ? row.providerVersion().number() : "",
						(verification != null) ? Long.toString(verification.number()) : "",
						(verification != null) ? Boolean.toString(verification.success()) : ""));
			}
			int[] widths = new int[HEADERS.size()];
			for (int i = 0; i < widths.length; i++) {
				widths[i] = HEADERS.get(i).length();
				for (List<String> line : lines) {
					widths[i] = Math.max(widths[i], line.get(i).length());
				}
			}
			text.append(line(HEADERS, widths).stripTrailing()).append('\n');
			List<String> dashes = new ArrayList<>();
			for (int width : widths) {
				dashes.add("-".repeat(width));
			}
			text.append(String.join("-|-", dashes));
			for (List<String> line : lines) {
				text.append('\n').append(line(line, widths));
			}
		}
		text.append("\n\nDeployable: ").append((result.deployable() == null) ? "nil" : result.deployable());
		text.append("\nReason: ").append(result.reason()).append('\n');
		return text.toString();
	}

	private static String line(List<String> cells, int[] widths) {
		List<String> padded = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			padded.add(cells.get(i) + " ".repeat(widths[i] - cells.get(i).length()));
		}
		return String.join(" | ", padded);
	}

}
