package io.concordat.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers what the outbox holds: every poll interval it claims the due deliveries (as
 * many as it sends at once), sends them in parallel and records each attempt. A claim is
 * a short transaction of its own and the call happens outside any transaction, so a slow
 * receiver holds no database connection or lock. Several dispatchers (replicas) share the
 * outbox safely, since a claimed delivery is skipped by the others until its lease
 * expires; a dispatcher that dies mid-attempt therefore loses nothing, its deliveries are
 * claimed again once their lease has passed.
 *
 * <p>
 * On shutdown it stops claiming and waits for the attempts in flight (up to the
 * timeouts); one still running after that is interrupted and recorded as failed, to be
 * retried by the next dispatcher.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(WebhookDispatcher.class);

	private final WebhookOutbox outbox;

	private final WebhookStore webhooks;

	private final WebhookClient client;

	private final WebhookProperties properties;

	private volatile boolean running;

	private ScheduledExecutorService poller;

	private ExecutorService senders;

	WebhookDispatcher(WebhookOutbox outbox, WebhookStore webhooks, WebhookClient client, WebhookProperties properties) {
		this.outbox = outbox;
		this.webhooks = webhooks;
		this.client = client;
		this.properties = properties;
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.dispatcherEnabled();
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.senders = Executors.newFixedThreadPool(Math.max(1, this.properties.concurrentDeliveries()),
				daemon("webhook-delivery"));
		this.poller = Executors.newSingleThreadScheduledExecutor(daemon("webhook-dispatcher"));
		this.running = true;
		long interval = this.properties.pollInterval().toMillis();
		this.poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.poller.shutdown();
		Duration grace = this.properties.connectTimeout().plus(this.properties.readTimeout());
		try {
			if (!this.poller.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.poller.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.senders.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void poll() {
		try {
			while (this.running && dispatchDue() == this.properties.concurrentDeliveries()) {
				// a full batch: there may be more due right now
			}
		}
		catch (RuntimeException ex) {
			// The database may be briefly unreachable; the next poll tries again.
			log.warn("Could not dispatch webhooks: " + ex.getMessage());
		}
	}

	/**
	 * Claims one batch of due deliveries and sends them, waiting until each attempt is
	 * recorded.
	 * @return how many were claimed
	 */
	int dispatchDue() {
		List<WebhookOutbox.Claim> claims = this.outbox.claim(Math.max(1, this.properties.concurrentDeliveries()),
				this.properties.lease());
		if (claims.isEmpty()) {
			return 0;
		}
		ExecutorService executor = (this.senders != null && !this.senders.isShutdown()) ? this.senders : null;
		List<Future<?>> sent = new ArrayList<>();
		for (WebhookOutbox.Claim claim : claims) {
			if (executor != null) {
				sent.add(executor.submit(() -> deliver(claim)));
			}
			else {
				deliver(claim);
			}
		}
		for (Future<?> future : sent) {
			try {
				future.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return claims.size();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				log.warn("A webhook delivery failed unexpectedly", ex.getCause());
			}
		}
		return claims.size();
	}

	private void deliver(WebhookOutbox.Claim claim) {
		Attempt attempt = this.webhooks.findById(claim.webhookId())
			.map((request) -> this.client.send(request, claim.variables()))
			.orElseGet(() -> deleted(claim));
		this.outbox.record(claim, attempt);
		if (!attempt.success()) {
			log.info("Webhook " + claim.webhookUuid() + " (" + claim.eventName() + ") attempt " + claim.attempt()
					+ " failed: " + ((attempt.error() != null) ? attempt.error() : "status " + attempt.status()));
		}
	}

	private static Attempt deleted(WebhookOutbox.Claim claim) {
		String line = "[" + Instant.now() + "] Webhook " + claim.webhookUuid()
				+ " was deleted before it could be sent\n";
		return new Attempt(false, false, Map.of(), null, null, null, "webhook deleted", Duration.ZERO, line);
	}

}
