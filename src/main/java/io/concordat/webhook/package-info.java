/**
 * Webhooks: definitions of what to call on which events, the deliveries those events
 * trigger (a transactional outbox written in the publication's or verification's own
 * transaction), the dispatcher that claims and sends them with retries, and every
 * attempt's log.
 */
@ApplicationModule(allowedDependencies = { "publication", "verification", "pacticipant", "web" })
@NullMarked
package io.concordat.webhook;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
