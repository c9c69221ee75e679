package io.concordat.publication.contract;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A field the consumer sends or reads, with the matchers that apply to it.
 *
 * @param direction sends or reads
 * @param part {@code body}, {@code header}, {@code query}, {@code path}, {@code method},
 * {@code status}, {@code metadata}
 * @param path for bodies a concrete JSON path ({@code $.total_cents},
 * {@code $.items[0].id}); for headers, query parameters and metadata the name; {@code $}
 * for method, path and status
 * @param valueType {@code string}, {@code number}, {@code integer}, {@code boolean},
 * {@code null}, {@code object}, {@code array}
 * @param example the example value from the pact (leaves only; {@code null} for objects
 * and arrays)
 * @param matchers the effective matchers for this field (from the most specific rule
 * whose path matches it, including rules inherited from an enclosing path); empty when
 * the field must equal the example
 */
public record ContractField(FieldDirection direction, String part, String path, String valueType,
		@Nullable Object example, List<Map<String, Object>> matchers) {

}
