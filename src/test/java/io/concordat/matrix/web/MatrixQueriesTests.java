package io.concordat.matrix.web;

import io.concordat.matrix.Selector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Selectors read from query strings: selector by selector as Rack nests them, and column
 * by column when the keys arrive grouped, as a query replayed from a pact file does.
 */
class MatrixQueriesTests {

	@Test
	void selectorsNestAsRackNestsThem() {
		assertThat(MatrixQueries.matrix("q[][pacticipant]=web&q[][version]=1&q[][pacticipant]=api&latestby=cvpv")
			.selectors()).containsExactly(Selector.version("web", "1"), Selector.pacticipant("api"));
	}

	@Test
	void keysSentSelectorBySelectorHaveNoColumnReading() {
		assertThat(MatrixQueries.columnReading("q[][pacticipant]=web&q[][version]=1&q[][pacticipant]=api")).isNull();
		assertThat(MatrixQueries.columnReading("q[][pacticipant]=web&q[][version]=1")).isNull();
	}

	@Test
	void groupedKeysAreReadColumnByColumnWithVersionsFirstAndOtherValuesLast() {
		assertThat(MatrixQueries.columnReading(
				"q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=1%2e2%2e3" + "&q[][version]=4%2e5%2e6"))
			.containsExactly(Selector.version("Foo", "1.2.3"), Selector.version("Bar", "4.5.6"));
		assertThat(MatrixQueries.columnReading(
				"latestby=cvpv&q[][latest]=true&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][tag]=prod&q[][version]=1.2.3"))
			.containsExactly(Selector.version("Foo", "1.2.3"),
					new Selector("Bar", null, true, "prod", null, null, false));
	}

}
