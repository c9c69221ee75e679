package io.concordat.publication.contract;

import java.util.List;
import java.util.Map;

/**
 * One matching rule, normalised to the v3/v4 shape whatever the document's version.
 *
 * @param direction the side of the interaction it belongs to
 * @param part the category: {@code body}, {@code header}, {@code query}, {@code path},
 * {@code status}, {@code metadata}, {@code method}
 * @param path the path expression within the category ({@code $.items[*].id} for bodies,
 * a header or query name, {@code $} for path/status)
 * @param combine {@code AND} or {@code OR}
 * @param matchers the matchers, each as in the v3 format ({@code {"match": "type", "min":
 * 1}})
 */
public record MatchingRule(FieldDirection direction, String part, String path, String combine,
		List<Map<String, Object>> matchers) {

}
