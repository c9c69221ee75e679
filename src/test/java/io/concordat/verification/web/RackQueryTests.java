package io.concordat.verification.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query strings nest as Rack nests them, since that is what Pact clients were written
 * against.
 */
class RackQueryTests {

	@Test
	void repeatedKeysInListItemsStartANewItem() {
		assertThat(RackQuery.parse("consumer_version_selectors[][tag]=prod&consumer_version_selectors[][latest]=true"
				+ "&consumer_version_selectors[][tag]=main"))
			.isEqualTo(Map.of("consumer_version_selectors",
					List.of(Map.of("tag", "prod", "latest", "true"), Map.of("tag", "main"))));
	}

	@Test
	void listsMapsAndPlainValues() {
		assertThat(RackQuery.parse("provider_version_tags[]=dev&provider_version_tags[]=prod&a[b][c]=1&d=x+y"))
			.isEqualTo(Map.of("provider_version_tags", List.of("dev", "prod"), "a", Map.of("b", Map.of("c", "1")), "d",
					"x y"));
	}

	@Test
	void encodedBracketsAndTheShortListItemFormAreTheSame() {
		assertThat(RackQuery.parse("q%5B%5D%5Bpacticipant%5D=web&q[]version=1.0.0&q[]pacticipant=api")).isEqualTo(
				Map.of("q", List.of(Map.of("pacticipant", "web", "version", "1.0.0"), Map.of("pacticipant", "api"))));
	}

	@Test
	void nothingToParseIsAnEmptyMap() {
		assertThat(RackQuery.parse(null)).isEmpty();
		assertThat(RackQuery.parse("")).isEmpty();
		assertThat(RackQuery.parse("&&")).isEmpty();
	}

}
