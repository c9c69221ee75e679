package io.concordat.matrix.web;

import io.concordat.matrix.Selector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Selectors read from query strings, selector by selector as Rack nests them.
 */
class MatrixQueriesTests {

	@Test
	void selectorsNestAsRackNestsThem() {
		assertThat(MatrixQueries.matrix("q[][pacticipant]=web&q[][version]=1&q[][pacticipant]=api&latestby=cvpv")
			.selectors()).containsExactly(Selector.version("web", "1"), Selector.pacticipant("api"));
	}

}
