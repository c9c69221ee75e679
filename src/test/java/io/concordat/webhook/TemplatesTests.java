package io.concordat.webhook;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTests {

	private final Map<String, String> variables = Map.of("consumerName", "web app", "branch", "feat/x", "pactUrl",
			"http://broker/pacts/a?b=c");

	@Test
	void urlEncodesValuesInAUrl() {
		assertThat(Templates.renderUrl("https://ci/build?c=${pactbroker.consumerName}&u=${pactbroker.pactUrl}",
				this.variables))
			.isEqualTo("https://ci/build?c=web%20app&u=http%3A%2F%2Fbroker%2Fpacts%2Fa%3Fb%3Dc");
	}

	@Test
	void insertsValuesVerbatimElsewhereAndLeavesUnknownVariablesAsWritten() {
		assertThat(
				Templates.render("{\"c\":\"${pactbroker.consumerName}\",\"x\":\"${pactbroker.nope}\"}", this.variables))
			.isEqualTo("{\"c\":\"web app\",\"x\":\"${pactbroker.nope}\"}");
	}

	@Test
	void replacesTemplatesWithPlaceholdersForValidation() {
		assertThat(Templates.placeholders("https://${pactbroker.consumerName}.ci/x"))
			.isEqualTo("https://placeholder.ci/x");
	}

}
