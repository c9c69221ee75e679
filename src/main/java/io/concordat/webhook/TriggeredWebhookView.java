package io.concordat.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A delivery an event triggered, and how far it got.
 *
 * @param uuid its id in URLs
 * @param webhookUuid the webhook that was triggered
 * @param eventName the event
 * @param method the webhook's method when it was listed, if it still exists
 * @param url the webhook's URL template, if it still exists
 * @param status {@code not_run}, {@code retrying}, {@code success} or {@code failure}
 * @param attemptsMade attempts so far
 * @param attemptsRemaining attempts left
 * @param triggeredAt when the event happened
 */
public record TriggeredWebhookView(String uuid, String webhookUuid, String eventName, @Nullable String method,
		@Nullable String url, String status, int attemptsMade, int attemptsRemaining, Instant triggeredAt) {

}
