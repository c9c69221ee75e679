package io.concordat.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NamesTests {

	@Test
	void acceptsOneLineOfTextUpTo255Characters() {
		assertThat(Names.problem("orders-api")).isNull();
		assertThat(Names.problem("feat/x y")).isNull();
		assertThat(Names.problem("\uD83D\uDCA5 release")).isNull();
		assertThat(Names.problem("n".repeat(255))).isNull();
		assertThat(Names.problem("...")).isNull();
	}

	@Test
	void refusesWhatAnIndexOrALinkCannotCarry() {
		assertThat(Names.problem("n".repeat(256))).isEqualTo("must be at most 255 characters long");
		assertThat(Names.problem(" ")).isEqualTo("must be filled");
		assertThat(Names.problem("a\nb")).isEqualTo("cannot contain multiple lines");
		assertThat(Names.problem("a\rb")).isEqualTo("cannot contain multiple lines");
		assertThat(Names.problem("a\u0000b")).isEqualTo("cannot contain NUL characters");
		assertThat(Names.problem("a\tb")).isEqualTo("cannot contain control characters");
		assertThat(Names.problem("a\u0085b")).isEqualTo("cannot contain control characters");
		assertThat(Names.problem("a\uD800b")).isEqualTo("is not valid Unicode text");
		assertThat(Names.problem("..")).isEqualTo("cannot be '.' or '..'");
		assertThat(Names.problem(".")).isEqualTo("cannot be '.' or '..'");
	}

	@Test
	void requireNamesTheFieldItRefuses() {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> Names.require("tag", "a\nb"))
			.satisfies((ex) -> assertThat(ex.fieldErrors().byField()).containsKey("tag"));
		assertThat(Names.require("tag", "prod")).isEqualTo("prod");
	}

	@Test
	void aQueryStringMustBeStrictPercentEncodedUtf8WithoutNul() {
		RequestGuard.checkQuery("q[][pacticipant]=a%20b&latestby=cvpv&q=%E2%9C%93+x");
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> RequestGuard.checkQuery("q=%"))
			.satisfies((ex) -> assertThat(ex.fieldErrors().byField()).containsKey("q"));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> RequestGuard.checkQuery("q=%C0%AF"));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> RequestGuard.checkQuery("a=1&q=x%00"))
			.satisfies((ex) -> assertThat(ex.fieldErrors().byField()).containsOnlyKeys("q"));
	}

}
