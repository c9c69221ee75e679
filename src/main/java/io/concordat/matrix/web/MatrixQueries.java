package io.concordat.matrix.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.concordat.matrix.LatestBy;
import io.concordat.matrix.MatrixQuery;
import io.concordat.matrix.Selector;
import io.concordat.web.FieldErrors;
import io.concordat.web.InvalidRequestException;
import io.concordat.web.RackQuery;
import org.jspecify.annotations.Nullable;

/**
 * Reads matrix questions from query strings, nested the way Rack nests them
 * ({@code q[][pacticipant]=a&q[][version]=1&q[][pacticipant]=b}), with the Pact Broker's
 * reading of empty values (an empty value is no value).
 */
final class MatrixQueries {

	private MatrixQueries() {
	}

	/** {@code GET /matrix}. */
	static MatrixQuery matrix(@Nullable String queryString) {
		Map<String, Object> params = parse(queryString);
		List<Selector> selectors = selectors(params.get("q"));
		List<@Nullable Boolean> success = new ArrayList<>();
		Object successParam = params.get("success");
		if (successParam instanceof List<?> values) {
			values.forEach((value) -> success.add(outcome(value)));
		}
		else if (successParam instanceof String value) {
			success.add(outcome(value));
		}
		Integer limit = null;
		String limitParam = string(params, "limit");
		if (limitParam != null) {
			try {
				limit = Integer.parseInt(limitParam.trim());
			}
			catch (NumberFormatException ex) {
				limit = 0;
			}
		}
		String latestBy = string(params, "latestby");
		if (latestBy != null && !latestBy.isEmpty() && LatestBy.parse(latestBy) == null) {
			// The Pact Broker ignores an unknown value and answers as if none were given,
			// which hides a typo behind a wrong answer.
			throw InvalidRequestException.field("latestby", "must be one of cvpv, cvp or cp");
		}
		return new MatrixQuery(selectors, selectors(params.get("ignore")), LatestBy.parse(latestBy),
				"true".equals(string(params, "latest")), string(params, "tag"), string(params, "environment"),
				"true".equals(string(params, "mainBranch")), success, limit);
	}

	/**
	 * {@code GET /can-i-deploy?pacticipant&version&(environment|to)}: one selector, the
	 * environment compared version by version ({@code cvpv}), a tag as its latest
	 * version. Field errors as the Pact Broker's schema reports them.
	 */
	static MatrixQuery canIDeploy(@Nullable String queryString) {
		Map<String, Object> params = parse(queryString);
		FieldErrors errors = new FieldErrors();
		String pacticipant = string(params, "pacticipant");
		String version = string(params, "version");
		String environment = string(params, "environment");
		String to = string(params, "to");
		if (pacticipant == null) {
			errors.add("pacticipant", (params.containsKey("pacticipant") ? "must be filled" : "is missing"));
		}
		if (version == null) {
			errors.add("version", (params.containsKey("version") ? "must be filled" : "is missing"));
		}
		if (environment != null && to != null) {
			errors.add("to", "Cannot specify both a 'to' tag and an environment.");
		}
		else if (environment == null && to == null) {
			errors.add("environment", "Must specify either an environment or a 'to' tag.");
		}
		errors.throwIfAny();
		Selector selector = Selector.version(pacticipant, version);
		List<Selector> ignore = ignores(params.get("ignore"));
		return (environment != null) ? MatrixQuery.toEnvironment(selector, environment, ignore)
				: MatrixQuery.toTag(selector, to, ignore);
	}

	/**
	 * {@code ignore[]=name} or {@code ignore[][pacticipant]=name&ignore[][version]=1}.
	 */
	private static List<Selector> ignores(@Nullable Object value) {
		List<Selector> ignores = new ArrayList<>();
		if (value instanceof List<?> items) {
			for (Object item : items) {
				if (item instanceof String name && !name.isEmpty()) {
					ignores.add(Selector.pacticipant(name));
				}
			}
		}
		ignores.addAll(selectors(value));
		return ignores;
	}

	private static List<Selector> selectors(@Nullable Object value) {
		List<Selector> selectors = new ArrayList<>();
		if (!(value instanceof List<?> items)) {
			return selectors;
		}
		for (Object item : items) {
			if (item instanceof Map<?, ?> map) {
				selectors.add(new Selector(string(map, "pacticipant"), string(map, "version"),
						"true".equals(string(map, "latest")), string(map, "tag"), string(map, "branch"),
						string(map, "environment"), "true".equals(string(map, "mainBranch"))));
			}
		}
		return selectors;
	}

	private static @Nullable Boolean outcome(@Nullable Object value) {
		return (value == null || "".equals(value)) ? null : "true".equals(value);
	}

	private static @Nullable String string(Map<?, ?> map, String key) {
		Object value = map.get(key);
		return (value instanceof String text && !text.isEmpty()) ? text : null;
	}

	private static Map<String, Object> parse(@Nullable String queryString) {
		try {
			return RackQuery.parse(queryString);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequestException.messages(List.of(ex.getMessage()));
		}
	}

}
