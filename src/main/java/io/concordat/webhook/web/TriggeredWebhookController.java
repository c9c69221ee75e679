package io.concordat.webhook.web;

import java.util.List;
import java.util.Map;

import io.concordat.web.Hal;
import io.concordat.web.Links;
import io.concordat.web.MediaTypes;
import io.concordat.web.NotFoundException;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.webhook.WebhookService;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deliveries a pact publication or a verification result triggered (their
 * {@code pb:triggered-webhooks} links), and each delivery's logs.
 */
@RestController
class TriggeredWebhookController {

	private final WebhookService webhooks;

	private final WebhookResources resources;

	private final Links links;

	private final PacticipantService pacticipants;

	TriggeredWebhookController(WebhookService webhooks, WebhookResources resources, Links links,
			PacticipantService pacticipants) {
		this.webhooks = webhooks;
		this.resources = resources;
		this.links = links;
		this.pacticipants = pacticipants;
	}

	@GetMapping("/pacts/provider/{provider}/consumer/{consumer}/version/{version}/triggered-webhooks")
	ResponseEntity<Map<String, Object>> ofPublication(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String version) {
		String self = this.links.href("pacts", "provider", provider, "consumer", consumer, "version", version,
				"triggered-webhooks");
		return Hal.ok(this.resources.triggered(self, "Webhooks triggered by the publication of the pact",
				this.webhooks.triggeredByPublication(provider, consumer, version)));
	}

	@GetMapping("/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}/verification-results/{number}/triggered-webhooks")
	ResponseEntity<Map<String, Object>> ofVerification(@PathVariable String provider, @PathVariable String consumer,
			@PathVariable String sha, @PathVariable long number) {
		String self = this.links.href("pacts", "provider", provider, "consumer", consumer, "pact-version", sha,
				"verification-results", Long.toString(number), "triggered-webhooks");
		return Hal.ok(this.resources.triggered(self, "Webhooks triggered by the publication of the verification result",
				this.webhooks.triggeredByVerification(provider, consumer, sha, number)));
	}

	@GetMapping("/pacts/provider/{provider}/consumer/{consumer}/webhooks/status")
	ResponseEntity<Map<String, Object>> status(@PathVariable String provider, @PathVariable String consumer) {
		this.pacticipants.getRef(provider);
		this.pacticipants.getRef(consumer);
		String self = this.links.href("pacts", "provider", provider, "consumer", consumer, "webhooks", "status");
		return Hal.ok(this.resources.status(self, provider, consumer, this.webhooks.statusOf(provider, consumer)));
	}

	@GetMapping("/triggered-webhooks/{uuid}/logs")
	ResponseEntity<String> logs(@PathVariable String uuid) {
		if (this.webhooks.triggered(uuid).isEmpty()) {
			throw new NotFoundException("No triggered webhook with uuid " + uuid + " found");
		}
		List<String> logs = this.webhooks.logs(uuid);
		String text = logs.isEmpty() ? "Not run yet\n" : String.join("\n", logs);
		return ResponseEntity.ok().contentType(MediaTypes.TEXT_PLAIN).body(text);
	}

}
