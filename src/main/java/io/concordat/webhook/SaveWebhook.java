package io.concordat.webhook;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Create or replace a webhook.
 *
 * @param description what it is for
 * @param consumer the consumers it is for; any when null
 * @param provider the providers it is for; any when null
 * @param enabled whether events trigger it
 * @param events the events that trigger it
 * @param request the request it makes
 */
public record SaveWebhook(@Nullable String description, @Nullable PacticipantSelector consumer,
		@Nullable PacticipantSelector provider, boolean enabled, List<EventName> events, WebhookRequest request) {

}
