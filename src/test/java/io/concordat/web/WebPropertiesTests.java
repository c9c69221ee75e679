package io.concordat.web;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebPropertiesTests {

	private static final DataSize FIVE_MB = DataSize.ofMegabytes(5);

	@Test
	void aBaseUrlThatCannotBeLinkedToStopsStartUpNamingTheSetting() {
		for (String unusable : new String[] { "pact.example.com", "ftp://pact.example.com", "https://", "http:// x" }) {
			assertThatIllegalArgumentException().as(unusable)
				.isThrownBy(() -> new WebProperties(unusable, FIVE_MB, 10))
				.withMessageContaining("CONCORDAT_BASE_URL")
				.withMessageContaining(unusable);
		}
	}

	@Test
	void aBlankBaseUrlMeansEachRequestsOwn() {
		assertThat(new WebProperties("  ", FIVE_MB, 10).baseUrl()).isNull();
		assertThat(new WebProperties("https://pact.example.com/broker", FIVE_MB, 10).baseUrl())
			.isEqualTo("https://pact.example.com/broker");
	}

	@Test
	void limitsThatWouldRefuseEverythingStopStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebProperties(null, DataSize.ofBytes(0), 10))
			.withMessageContaining("CONCORDAT_MAX_REQUEST_SIZE");
		assertThatIllegalArgumentException().isThrownBy(() -> new WebProperties(null, FIVE_MB, 0))
			.withMessageContaining("CONCORDAT_MAX_TEST_RESULTS");
	}

}
