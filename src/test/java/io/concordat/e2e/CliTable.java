package io.concordat.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the tables the {@code pact-broker} CLI draws with box characters:
 *
 * <pre>
 * ┌──────────────┬──────────────────┐
 * │ CONSUMER     ┆ CONSUMER_VERSION │
 * ╞══════════════╪══════════════════╡
 * │ "orders-web" ┆ "1.0.0"          │
 * └──────────────┴──────────────────┘
 * </pre>
 *
 * Some commands print cells as JSON values ({@code "orders-web"}, {@code null}); the
 * quotes of JSON strings are removed so assertions can compare plain text.
 */
final class CliTable {

	private static final Pattern CELL_SEPARATOR = Pattern.compile("┆");

	private CliTable() {
	}

	/**
	 * The data rows of the first table in the output, each keyed by column header.
	 * @param output what the CLI printed
	 * @return the rows, in the order printed
	 */
	static List<Map<String, String>> rows(String output) {
		List<List<String>> lines = new ArrayList<>();
		for (String line : output.split("\\R")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("│") && trimmed.endsWith("│") && trimmed.length() > 1) {
				lines.add(cells(trimmed.substring(1, trimmed.length() - 1)));
			}
		}
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("No table in the output:\n" + output);
		}
		List<String> header = lines.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> cells : lines.subList(1, lines.size())) {
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), (i < cells.size()) ? cells.get(i) : "");
			}
			rows.add(row);
		}
		return rows;
	}

	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		for (String cell : CELL_SEPARATOR.split(line, -1)) {
			cells.add(unquote(cell.strip()));
		}
		return cells;
	}

	private static String unquote(String cell) {
		if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
			return cell.substring(1, cell.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
		}
		return cell;
	}

}
