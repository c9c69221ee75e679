package io.concordat.publication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts published pacts ({@code concordat_publications_total} at
 * {@code /diagnostic/prometheus}), once the publication has committed: a refused or
 * rolled-back one is not counted.
 */
@Component
class PublicationCounter {

	private final Counter published;

	PublicationCounter(MeterRegistry registry) {
		this.published = Counter.builder("concordat.publications")
			.description("Pacts published (one per consumer version and provider, identical republications included)")
			.register(registry);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ContractPublished event) {
		this.published.increment();
	}

}
