package io.concordat.matrix.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.matrix.Dashboard;
import io.concordat.publication.PactView;
import io.concordat.verification.VerificationView;
import io.concordat.web.Hal;
import io.concordat.web.Links;
import io.concordat.webhook.TriggeredWebhookView;
import io.concordat.webhook.WebhookService;
import io.concordat.webhook.WebhookStatus;
import io.concordat.web.MediaTypes;
import io.concordat.web.Paging;
import io.concordat.web.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Pact Broker's (beta) dashboard API: {@code GET /dashboard} and one integration's
 * {@code GET /dashboard/provider/{p}/consumer/{c}}, as {@code {"items": [...]}}.
 */
@RestController
class DashboardController {

	private final Dashboard dashboard;

	private final Links links;

	private final WebhookService webhooks;

	DashboardController(Dashboard dashboard, Links links, WebhookService webhooks) {
		this.dashboard = dashboard;
		this.links = links;
		this.webhooks = webhooks;
	}

	@GetMapping("/dashboard")
	ResponseEntity<?> all(Paging paging,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return represent(this.dashboard.items(), paging, accept);
	}

	@GetMapping("/dashboard/provider/{provider}/consumer/{consumer}")
	ResponseEntity<?> integration(@PathVariable String provider, @PathVariable String consumer, Paging paging,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return represent(this.dashboard.items(provider, consumer), paging, accept);
	}

	/** JSON by default, the Pact Broker's table for {@code text/plain}. */
	private ResponseEntity<?> represent(List<Dashboard.Item> items, Paging paging, @Nullable String accept) {
		List<Dashboard.Item> page = paging.requested()
				? items.stream().skip(paging.offset()).limit(paging.size()).toList() : items;
		if (MatrixController.wantsText(accept)) {
			return ResponseEntity.ok().contentType(MediaTypes.TEXT_PLAIN).body(DashboardText.of(page));
		}
		List<Map<String, Object>> entries = new ArrayList<>();
		for (Dashboard.Item item : page) {
			entries.add(entry(item));
		}
		return Hal.ok(Map.of("items", entries));
	}

	/**
	 * Explicit nulls where the Pact Broker writes them ({@code provider.version},
	 * {@code latestVerificationResult}, {@code latestWebhookExecution}): this body is a
	 * plain hash there, not a decorated resource.
	 */
	private Map<String, Object> entry(Dashboard.Item item) {
		PactView pact = item.pact();
		VerificationView verification = item.latestVerification();
		String pactHref = this.links.href("pacts", "provider", pact.provider(), "consumer", pact.consumer(), "version",
				pact.consumerVersion());

		Map<String, Object> consumerVersion = new LinkedHashMap<>();
		consumerVersion.put("number", pact.consumerVersion());
		consumerVersion.put("branch", last(item.consumerHeadBranches()));
		consumerVersion.put("headBranchNames", item.consumerHeadBranches());
		consumerVersion.put("_links",
				Map.of("self", Map.of("href", versionHref(pact.consumer(), pact.consumerVersion()))));
		Map<String, Object> consumer = new LinkedHashMap<>();
		consumer.put("name", pact.consumer());
		consumer.put("version", consumerVersion);
		consumer.put("_links", Map.of("self", Map.of("href", this.links.href("pacticipants", pact.consumer()))));

		Map<String, Object> provider = new LinkedHashMap<>();
		provider.put("name", pact.provider());
		Map<String, Object> providerVersion = null;
		if (verification != null) {
			providerVersion = new LinkedHashMap<>();
			providerVersion.put("number", verification.providerVersion());
			providerVersion.put("branch", last(item.providerHeadBranches()));
			providerVersion.put("headBranchNames", item.providerHeadBranches());
		}
		provider.put("version", providerVersion);
		provider.put("_links", Map.of("self", Map.of("href", this.links.href("pacticipants", pact.provider()))));

		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("consumer", consumer);
		entry.put("provider", provider);
		entry.put("pact", Map.of("createdAt", Timestamps.format(pact.createdAt()), "_links",
				Map.of("self", Map.of("href", pactHref))));
		List<Map<String, Object>> pactTags = new ArrayList<>();
		for (String tag : item.pactTags()) {
			pactTags.add(Map.of("name", tag, "latest", true, "_links",
					Map.of("self", Map.of("href", tagHref(pact.consumer(), pact.consumerVersion(), tag)))));
		}
		entry.put("pactTags", pactTags);
		Map<String, Object> result = null;
		if (verification != null) {
			result = new LinkedHashMap<>();
			result.put("success", verification.success());
			result.put("verifiedAt", Timestamps.format(verification.verificationDate()));
			// The latest-result URL of the pact, not the result's permalink, so a refresh
			// shows a newer result: the Pact Broker's choice.
			result.put("_links", Map.of("self", Map.of("href", pactHref + "/verification-results/latest")));
		}
		entry.put("latestVerificationResult", result);
		List<Map<String, Object>> resultTags = new ArrayList<>();
		if (verification != null) {
			for (Dashboard.ProviderTag tag : item.providerTags()) {
				resultTags.add(Map.of("name", tag.name(), "latest", tag.latest(), "_links", Map.of("self",
						Map.of("href", tagHref(pact.provider(), verification.providerVersion(), tag.name())))));
			}
		}
		entry.put("latestVerificationResultTags", resultTags);
		entry.put("verificationStatus", item.verificationStatus());
		WebhookStatus hooks = this.webhooks.statusOf(pact.provider(), pact.consumer());
		entry.put("webhookStatus", hooks.overall());
		entry.put("latestWebhookExecution",
				hooks.latest()
					.stream()
					.filter((delivery) -> delivery.attemptsMade() > 0)
					.map(TriggeredWebhookView::triggeredAt)
					.max(java.util.Comparator.naturalOrder())
					.map((at) -> Map.of("createdAt", Timestamps.format(at)))
					.orElse(null));
		entry.put("_links",
				Map.of("pb:webhook-status",
						Map.of("title", "Status of webhooks for " + pact.consumer() + "/" + pact.provider() + " pact",
								"href", this.links.href("pacts", "provider", pact.provider(), "consumer",
										pact.consumer(), "webhooks", "status"))));
		return entry;
	}

	private String versionHref(String pacticipant, String version) {
		return this.links.href("pacticipants", pacticipant, "versions", version);
	}

	private String tagHref(String pacticipant, String version, String tag) {
		return this.links.href("pacticipants", pacticipant, "versions", version, "tags", tag);
	}

	private static Object last(List<String> values) {
		return values.isEmpty() ? null : values.get(values.size() - 1);
	}

}
