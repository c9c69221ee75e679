package io.concordat.verification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts published verification results by outcome
 * ({@code concordat_verification_results_total{outcome="success"|"failure"}} at
 * {@code /diagnostic/prometheus}), once they have committed.
 */
@Component
class VerificationResultCounter {

	private final Counter succeeded;

	private final Counter failed;

	VerificationResultCounter(MeterRegistry registry) {
		this.succeeded = counter(registry, "success");
		this.failed = counter(registry, "failure");
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("concordat.verification.results")
			.description("Verification results published, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(VerificationResultPublished event) {
		(event.success() ? this.succeeded : this.failed).increment();
	}

}
