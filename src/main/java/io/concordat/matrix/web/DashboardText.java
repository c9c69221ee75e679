package io.concordat.matrix.web;

import java.util.ArrayList;
import java.util.List;

import io.concordat.matrix.Dashboard;

/**
 * The {@code text/plain} dashboard: one line per item with the consumer and provider
 * versions, their tags and the verification status, laid out as the Pact Broker's table
 * printer lays it out.
 */
final class DashboardText {

	private static final List<String> HEADERS = List.of("CONSUMER_NAME", "C_VERSION", "C_TAGS", "PROVIDER_NAME",
			"P_VERSION", "P_TAGS", "SUCCESS");

	private DashboardText() {
	}

	static String of(List<Dashboard.Item> items) {
		if (items.isEmpty()) {
			return "No data.\n";
		}
		List<List<String>> lines = new ArrayList<>();
		for (Dashboard.Item item : items) {
			lines.add(List.of(item.pact().consumer(), item.pact().consumerVersion(), String.join(", ", item.pactTags()),
					item.pact().provider(),
					(item.latestVerification() != null) ? item.latestVerification().providerVersion() : "",
					String.join(", ", item.providerTags().stream().map(Dashboard.ProviderTag::name).toList()),
					item.verificationStatus()));
		}
		int[] widths = new int[HEADERS.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = HEADERS.get(i).length();
			for (List<String> line : lines) {
				widths[i] = Math.max(widths[i], line.get(i).length());
			}
		}
		StringBuilder text = new StringBuilder(line(HEADERS, widths).stripTrailing()).append('\n');
		List<String> dashes = new ArrayList<>();
		for (int width : widths) {
			dashes.add("-".repeat(width));
		}
		text.append(String.join("-|-", dashes));
		for (List<String> line : lines) {
			text.append('\n').append(line(line, widths));
		}
		return text.append('\n').toString();
	}

	private static String line(List<String> cells, int[] widths) {
		List<String> padded = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			padded.add(cells.get(i) + " ".repeat(widths[i] - cells.get(i).length()));
		}
		return String.join(" | ", padded);
	}

}
