package io.concordat.publication.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.publication.IntegrationService;
import io.concordat.web.FieldErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network of integrations as the Pact Broker's CSV for graph tools:
 * {@code GET /relationships} (everything) and {@code GET /groups/{pacticipant}} (the
 * pacticipant's network). One row per pacticipant: its id, name, three constant columns
 * and its position, then the ids of the providers it consumes, padded with 0 to the
 * longest row.
 */
@RestController
class RelationshipsController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=utf-8");

	private final IntegrationService integrations;

	RelationshipsController(IntegrationService integrations) {
		this.integrations = integrations;
	}

	@GetMapping("/relationships")
	ResponseEntity<String> relationships() {
		return csv(this.integrations.pairs());
	}

	/** CSV until a UI can draw the network. */
	@GetMapping("/groups/{pacticipant}")
	ResponseEntity<String> group(@PathVariable String pacticipant,
			@RequestParam(required = false) @Nullable String maxPacticipants) {
		return csv(this.integrations.network(pacticipant, limit(maxPacticipants)));
	}

	/**
	 * The Pact Broker ignores a limit that is not an integer; a limit that could never
	 * hold the pacticipant itself is a mistake worth naming.
	 */
	private static @Nullable Integer limit(@Nullable String value) {
		if (value == null || !value.matches("\\d{1,9}")) {
			return null;
		}
		int limit = Integer.parseInt(value);
		if (limit < 1) {
			FieldErrors errors = new FieldErrors();
			errors.add("maxPacticipants", "must be at least 1");
			errors.throwIfAny();
		}
		return limit;
	}

	private static ResponseEntity<String> csv(List<IntegrationService.Pair> pairs) {
		Map<Long, List<String>> rows = new LinkedHashMap<>();
		for (IntegrationService.Pair pair : pairs) {
			row(rows, pair.consumerId(), pair.consumer());
			row(rows, pair.providerId(), pair.provider());
			rows.get(pair.consumerId()).add(Long.toString(pair.providerId()));
		}
		int width = rows.values().stream().mapToInt(List::size).max().orElse(0);
		StringBuilder csv = new StringBuilder();
		for (List<String> row : rows.values()) {
			while (row.size() < width) {
				row.add("0");
			}
			csv.append(String.join(",", row)).append('\n');
		}
		return ResponseEntity.ok().contentType(CSV).body(csv.toString());
	}

	private static void row(Map<Long, List<String>> rows, long id, String name) {
		if (!rows.containsKey(id)) {
			List<String> row = new ArrayList<>(
					List.of(Long.toString(id), quoted(name), "1", "1", "0", Integer.toString(rows.size() + 1)));
			rows.put(id, row);
		}
	}

	/** CSV quoting, only where a name needs it. */
	private static String quoted(String name) {
		if (name.contains(",") || name.contains("\"") || name.contains("\n")) {
			return "\"" + name.replace("\"", "\"\"") + "\"";
		}
		return name;
	}

}
