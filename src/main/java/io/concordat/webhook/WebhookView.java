package io.concordat.webhook;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A webhook as stored. The request still carries its credentials; whoever shows it
 * redacts them ({@link Redaction}).
 *
 * @param uuid its id in URLs
 * @param description what it is for
 * @param consumer the consumers it is for; any when null
 * @param provider the providers it is for; any when null
 * @param enabled whether events trigger it
 * @param events the events that trigger it
 * @param request the request template
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record WebhookView(String uuid, @Nullable String description, @Nullable PacticipantSelector consumer,
		@Nullable PacticipantSelector provider, boolean enabled, List<EventName> events, WebhookRequest request,
		Instant createdAt, Instant updatedAt) {

}
