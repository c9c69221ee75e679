package io.concordat.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OutboundPolicyTests {

	private final OutboundPolicy closed = policy(List.of());

	@Test
	void refusesEveryNonPublicRangeAndEveryOtherScheme() {
		assertThat(this.closed.refusal("http://169.254.169.254/"))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("a link-local address"));
		assertThat(this.closed.refusal("http://127.0.0.2/"))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("a loopback address"));
		assertThat(this.closed.refusal("http://172.31.255.255/"))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("a private address"));
		assertThat(this.closed.refusal("http://[fc00::1]/"))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("a private address"));
		assertThat(this.closed.refusal("http://[::]/"))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("an unspecified address"));
		assertThat(this.closed.refusal("ftp://203.0.113.1/"))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("scheme must be http or https"));
		assertThat(this.closed.refusal("http:///no-host")).isPresent();
	}

	@Test
	void acceptsPublicAddressesAndNamesThatDoNotResolveYet() {
		assertThat(this.closed.refusal("https://203.0.113.10/build")).isEmpty();
		assertThat(this.closed.refusal("http://172.32.0.1/")).as("just outside 172.16/12").isEmpty();
		assertThat(this.closed.refusal("https://no-such-host.invalid/")).isEmpty();
	}

	@Test
	void allowsTheListedAddressesRangesAndNamesOnly() {
		OutboundPolicy open = policy(List.of("10.20.0.0/16", "127.0.0.1", " ci.internal "));
		assertThat(open.refusal("http://10.20.3.4/")).isEmpty();
		assertThat(open.refusal("http://10.21.0.1/")).isPresent();
		assertThat(open.refusal("http://127.0.0.1:8080/")).isEmpty();
		assertThat(open.refusal("http://127.0.0.2/")).isPresent();
		assertThat(open.refusal("http://CI.internal/")).isEmpty();
	}

	@Test
	void checksTheResolvedAddressAtDelivery() {
		assertThatExceptionOfType(OutboundPolicy.RefusedTargetException.class)
			.isThrownBy(() -> this.closed.resolve(URI.create("http://localhost/")))
			.withMessageContaining("a loopback address");
	}

	private static OutboundPolicy policy(List<String> allowed) {
		return new OutboundPolicy(new WebhookProperties(allowed, List.of(Duration.ofSeconds(1)), Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofSeconds(10), 100, true));
	}

}
