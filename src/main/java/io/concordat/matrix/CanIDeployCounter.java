package io.concordat.matrix;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Counts can-i-deploy answers by outcome
 * ({@code concordat_can_i_deploy_total{outcome="yes"|"no"|"unknown"}} at
 * {@code /diagnostic/prometheus}): every matrix query that asks about a target (an
 * environment, a tag, the latest versions), which is how every client asks can-i-deploy.
 * Plain matrix listings and can-i-merge are not counted.
 */
@Component
class CanIDeployCounter {

	private final Counter yes;

	private final Counter no;

	private final Counter unknown;

	CanIDeployCounter(MeterRegistry registry) {
		this.yes = counter(registry, "yes");
		this.no = counter(registry, "no");
		this.unknown = counter(registry, "unknown");
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("concordat.can.i.deploy")
			.description("can-i-deploy answers, by outcome (unknown: a required verification result is missing)")
			.tag("outcome", outcome)
			.register(registry);
	}

	void answered(MatrixQuery query, @Nullable Boolean deployable) {
		if (query.environment() == null && query.tag() == null && !query.latest()) {
			return;
		}
		(deployable == null ? this.unknown : deployable ? this.yes : this.no).increment();
	}

}
