package io.concordat.webhook.web;

import java.util.List;
import java.util.Map;

import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.Upserted;
import io.concordat.web.Hal;
import io.concordat.web.Links;
import io.concordat.web.NotFoundException;
import io.concordat.webhook.Attempt;
import io.concordat.webhook.PacticipantSelector;
import io.concordat.webhook.WebhookService;
import io.concordat.webhook.WebhookView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /webhooks}: the collection, the per-pacticipant and per-integration collections
 * (which also create webhooks scoped by their path), a webhook, and its test execution.
 */
@RestController
class WebhookController {

	private final WebhookService webhooks;

	private final PacticipantService pacticipants;

	private final WebhookResources resources;

	private final Links links;

	WebhookController(WebhookService webhooks, PacticipantService pacticipants, WebhookResources resources,
			Links links) {
		this.webhooks = webhooks;
		this.pacticipants = pacticipants;
		this.resources = resources;
		this.links = links;
	}

	@GetMapping("/webhooks")
	ResponseEntity<Map<String, Object>> list() {
		return Hal.ok(this.resources.collection(this.links.href("webhooks"), this.webhooks.list(null, null)));
	}

	@PostMapping("/webhooks")
	ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) @Nullable JsonNode body) {
		return created(this.webhooks.create(WebhookBodies.read(body, null, null)));
	}

	@GetMapping("/webhooks/provider/{provider}")
	ResponseEntity<Map<String, Object>> listForProvider(@PathVariable String provider) {
		existing(provider);
		return Hal.ok(this.resources.collection(this.links.href("webhooks", "provider", provider),
				this.webhooks.list(null, provider)));
	}

	@PostMapping("/webhooks/provider/{provider}")
	ResponseEntity<Map<String, Object>> createForProvider(@PathVariable String provider,
			@RequestBody(required = false) @Nullable JsonNode body) {
		existing(provider);
		return created(this.webhooks.create(WebhookBodies.read(body, null, PacticipantSelector.named(provider))));
	}

	@GetMapping("/webhooks/consumer/{consumer}")
	ResponseEntity<Map<String, Object>> listForConsumer(@PathVariable String consumer) {
		existing(consumer);
		return Hal.ok(this.resources.collection(this.links.href("webhooks", "consumer", consumer),
				this.webhooks.list(consumer, null)));
	}

	@PostMapping("/webhooks/consumer/{consumer}")
	ResponseEntity<Map<String, Object>> createForConsumer(@PathVariable String consumer,
			@RequestBody(required = false) @Nullable JsonNode body) {
		existing(consumer);
		return created(this.webhooks.create(WebhookBodies.read(body, PacticipantSelector.named(consumer), null)));
	}

	// The older path under the pact (pb:webhooks of a pact) is the same collection.
	@GetMapping({ "/webhooks/provider/{provider}/consumer/{consumer}",
			"/pacts/provider/{provider}/consumer/{consumer}/webhooks" })
	ResponseEntity<Map<String, Object>> listForIntegration(@PathVariable String provider,
			@PathVariable String consumer) {
		existing(provider);
		existing(consumer);
		return Hal.ok(this.resources.collection(this.links.href("webhooks", "provider", provider, "consumer", consumer),
				this.webhooks.list(consumer, provider)));
	}

	@PostMapping({ "/webhooks/provider/{provider}/consumer/{consumer}",
			"/pacts/provider/{provider}/consumer/{consumer}/webhooks" })
	ResponseEntity<Map<String, Object>> createForIntegration(@PathVariable String provider,
			@PathVariable String consumer, @RequestBody(required = false) @Nullable JsonNode body) {
		existing(provider);
		existing(consumer);
		return created(this.webhooks.create(
				WebhookBodies.read(body, PacticipantSelector.named(consumer), PacticipantSelector.named(provider))));
	}

	@GetMapping("/webhooks/{uuid}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String uuid) {
		return Hal.ok(this.resources.webhook(this.webhooks.get(uuid)));
	}

	/** Creates the webhook with the client's uuid (201) or replaces it (200). */
	@PutMapping("/webhooks/{uuid}")
	ResponseEntity<Map<String, Object>> createOrReplace(@PathVariable String uuid,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Upserted<WebhookView> saved = this.webhooks.createOrReplace(uuid, WebhookBodies.read(body, null, null));
		return Hal.createdOrOk(saved.created(), this.resources.href(uuid), this.resources.webhook(saved.value()));
	}

	@DeleteMapping("/webhooks/{uuid}")
	ResponseEntity<Void> delete(@PathVariable String uuid) {
		this.webhooks.delete(uuid);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Test-runs a saved webhook: 200 when the receiver answered 2xx, 500 otherwise, as
	 * the Pact Broker answers, with the request, response and logs either way.
	 */
	@PostMapping("/webhooks/{uuid}/execute")
	ResponseEntity<Map<String, Object>> execute(@PathVariable String uuid) {
		Attempt attempt = this.webhooks.execute(uuid);
		return Hal.status(attempt.success() ? HttpStatus.OK : HttpStatus.INTERNAL_SERVER_ERROR,
				this.resources.execution(attempt));
	}

	private ResponseEntity<Map<String, Object>> created(WebhookView webhook) {
		return Hal.created(this.resources.href(webhook.uuid()), this.resources.webhook(webhook));
	}

	private void existing(String pacticipant) {
		if (this.pacticipants.findRef(pacticipant).isEmpty()) {
			throw NotFoundException.pacticipant(pacticipant);
		}
	}

}
