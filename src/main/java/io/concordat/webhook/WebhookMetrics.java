package io.concordat.webhook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many webhooks there are and how often they ran, for {@code GET /metrics}. */
@Service
@Transactional(readOnly = true)
public class WebhookMetrics {

	private final JdbcClient jdbc;

	WebhookMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One statement of three counts. */
	public Counts counts() {
		return this.jdbc.sql("""
				select (select count(*) from webhooks) as webhooks,
				       (select count(*) from triggered_webhooks) as triggered,
				       (select count(*) from webhook_executions) as executions""")
			.query((rs, n) -> new Counts(rs.getLong("webhooks"), rs.getLong("triggered"), rs.getLong("executions")))
			.single();
	}

	/**
	 * @param webhooks webhook definitions
	 * @param triggered deliveries events have triggered
	 * @param executions attempts made to deliver them
	 */
	public record Counts(long webhooks, long triggered, long executions) {

	}

}
