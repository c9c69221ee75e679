package io.concordat.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.concordat.pacticipant.LabelService;
import io.concordat.pacticipant.VersionService;
import io.concordat.pacticipant.VersionView;
import io.concordat.publication.ContractPublished;
import io.concordat.publication.PactMetadata;
import io.concordat.verification.RequiredVerifications;
import io.concordat.verification.VerificationResultPublished;
import io.concordat.verification.VerificationService;
import io.concordat.verification.VerificationView;
import io.concordat.web.Links;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Turns publications and verification results into deliveries. A plain synchronous
 * listener, not an after-commit one: the deliveries are written to the outbox in the
 * transaction of the publication or result itself, so both commit or neither does, and a
 * crash between the two cannot lose a webhook. The template variables are resolved now,
 * as the event saw the data, and kept with the delivery.
 */
@Component
class WebhookTriggers {

	private final WebhookStore webhooks;

	private final WebhookOutbox outbox;

	private final LabelService labels;

	private final VersionService versions;

	private final VerificationService verifications;

	private final RequiredVerifications required;

	private final Links links;

	private final Environment environment;

	WebhookTriggers(WebhookStore webhooks, WebhookOutbox outbox, LabelService labels, VersionService versions,
			VerificationService verifications, RequiredVerifications required, Links links, Environment environment) {
		this.webhooks = webhooks;
		this.outbox = outbox;
		this.labels = labels;
		this.versions = versions;
		this.verifications = verifications;
		this.required = required;
		this.links = links;
		this.environment = environment;
	}

	@EventListener
	void contractPublished(ContractPublished published) {
		if (!this.webhooks.anyEnabled()) {
			return;
		}
		List<String> consumerLabels = this.labels.labelsOf(published.consumerId());
		List<String> providerLabels = this.labels.labelsOf(published.providerId());
		List<WebhookStore.Triggered> onPublished = this.webhooks.triggeredBy(EventName.CONTRACT_PUBLISHED,
				published.consumerId(), consumerLabels, published.providerId(), providerLabels);
		List<WebhookStore.Triggered> onChanged = published.contentChanged()
				? this.webhooks.triggeredBy(EventName.CONTRACT_CONTENT_CHANGED, published.consumerId(), consumerLabels,
						published.providerId(), providerLabels)
				: List.of();
		List<WebhookStore.Triggered> onRequiring = this.webhooks.triggeredBy(
				EventName.CONTRACT_REQUIRING_VERIFICATION_PUBLISHED, published.consumerId(), consumerLabels,
				published.providerId(), providerLabels);
		if (onPublished.isEmpty() && onChanged.isEmpty() && onRequiring.isEmpty()) {
			return;
		}
		Map<String, String> base = contractVariables(published, consumerLabels, providerLabels);
		for (WebhookStore.Triggered webhook : onPublished) {
			add(webhook, EventName.CONTRACT_PUBLISHED, base, published, null);
		}
		for (WebhookStore.Triggered webhook : onChanged) {
			add(webhook, EventName.CONTRACT_CONTENT_CHANGED, base, published, null);
		}
		if (!onRequiring.isEmpty()) {
			for (RequiredVerifications.RequiredVerification version : this.required.of(published.provider(),
					published.pactVersionId())) {
				Map<String, String> variables = new LinkedHashMap<>(base);
				variables.put("providerVersionNumber", version.providerVersion());
				variables.put("providerVersionBranch", orEmpty(version.providerVersionBranch()));
				variables.put("providerVersionTags", String.join(", ",
						this.versions.get(published.provider(), version.providerVersion()).tagNames()));
				variables.put("providerVersionDescriptions", String.join(", ", version.descriptions()));
				if (version.descriptions().stream().anyMatch((reason) -> reason.startsWith("currently deployed"))) {
					variables.put("currentlyDeployedProviderVersionNumber", version.providerVersion());
				}
				for (WebhookStore.Triggered webhook : onRequiring) {
					add(webhook, EventName.CONTRACT_REQUIRING_VERIFICATION_PUBLISHED, variables, published, null);
				}
			}
		}
	}

	@EventListener
	void verificationResultPublished(VerificationResultPublished result) {
		if (!this.webhooks.anyEnabled()) {
			return;
		}
		List<String> consumerLabels = this.labels.labelsOf(result.consumerId());
		List<String> providerLabels = this.labels.labelsOf(result.providerId());
		EventName outcome = result.success() ? EventName.PROVIDER_VERIFICATION_SUCCEEDED
				: EventName.PROVIDER_VERIFICATION_FAILED;
		Map<EventName, List<WebhookStore.Triggered>> triggered = new LinkedHashMap<>();
		for (EventName event : List.of(EventName.PROVIDER_VERIFICATION_PUBLISHED, outcome)) {
			List<WebhookStore.Triggered> found = this.webhooks.triggeredBy(event, result.consumerId(), consumerLabels,
					result.providerId(), providerLabels);
			if (!found.isEmpty()) {
				triggered.put(event, found);
			}
		}
		if (triggered.isEmpty()) {
			return;
		}
		String resultUrl = pactVersionHref(result.provider(), result.consumer(), result.sha())
				+ "/verification-results/" + result.number();
		for (String consumerVersion : result.consumerVersions()) {
			Map<String, String> variables = new LinkedHashMap<>();
			variables.put("consumerName", result.consumer());
			variables.put("providerName", result.provider());
			variables.put("consumerVersionNumber", consumerVersion);
			Optional<VersionView> version = this.versions.find(result.consumer(), consumerVersion);
			variables.put("consumerVersionTags", version.map((v) -> String.join(", ", v.tagNames())).orElse(""));
			variables.put("consumerVersionBranch", version.map(WebhookTriggers::lastBranch).orElse(""));
			variables.put("providerVersionNumber", result.providerVersion());
			variables.put("providerVersionTags", String.join(", ", result.providerVersionTags()));
			variables.put("providerVersionBranch",
					(result.providerVersionBranch() != null) ? result.providerVersionBranch()
							: this.versions.find(result.provider(), result.providerVersion())
								.map(WebhookTriggers::lastBranch)
								.orElse(""));
			variables.put("providerVersionDescriptions", "");
			variables.put("pactUrl", pactUrl(result.provider(), result.consumer(), result.sha(), consumerVersion));
			variables.put("verificationResultUrl", resultUrl);
			statuses(variables, result.success());
			variables.put("consumerLabels", String.join(", ", consumerLabels));
			variables.put("providerLabels", String.join(", ", providerLabels));
			variables.put("buildUrl", orEmpty(result.buildUrl()));
			variables.put("currentlyDeployedProviderVersionNumber", "");
			triggered.forEach((event, found) -> {
				Map<String, String> forEvent = new LinkedHashMap<>(variables);
				forEvent.put("eventName", event.value());
				for (WebhookStore.Triggered webhook : found) {
					this.outbox.add(new WebhookOutbox.Delivery(webhook.id(), webhook.uuid(), event, forEvent,
							result.consumer(), result.provider(), consumerVersion, result.number(), result.sha()));
				}
			});
		}
	}

	private void add(WebhookStore.Triggered webhook, EventName event, Map<String, String> variables,
			ContractPublished published, @Nullable Long verificationNumber) {
		Map<String, String> forEvent = new LinkedHashMap<>(variables);
		forEvent.put("eventName", event.value());
		this.outbox.add(new WebhookOutbox.Delivery(webhook.id(), webhook.uuid(), event, forEvent, published.consumer(),
				published.provider(), published.consumerVersion(), verificationNumber, published.sha()));
	}

	/**
	 * The variables of the contract events. The provider version is the one that last
	 * verified this content, as the Pact Broker reports it; empty when none has.
	 */
	private Map<String, String> contractVariables(ContractPublished published, List<String> consumerLabels,
			List<String> providerLabels) {
		Map<String, String> variables = new LinkedHashMap<>();
		VersionView consumerVersion = this.versions.get(published.consumer(), published.consumerVersion());
		variables.put("consumerName", published.consumer());
		variables.put("providerName", published.provider());
		variables.put("consumerVersionNumber", published.consumerVersion());
		variables.put("consumerVersionTags", String.join(", ", consumerVersion.tagNames()));
		variables.put("consumerVersionBranch", (published.consumerVersionBranch() != null)
				? published.consumerVersionBranch() : lastBranch(consumerVersion));
		variables.put("pactUrl",
				pactUrl(published.provider(), published.consumer(), published.sha(), published.consumerVersion()));
		Optional<VerificationView> latest = this.verifications.latestForContent(published.provider(),
				published.consumer(), published.sha());
		if (latest.isPresent()) {
			VerificationView verification = latest.get();
			Optional<VersionView> providerVersion = this.versions.find(published.provider(),
					verification.providerVersion());
			variables.put("providerVersionNumber", verification.providerVersion());
			variables.put("providerVersionTags",
					providerVersion.map((v) -> String.join(", ", v.tagNames())).orElse(""));
			variables.put("providerVersionBranch", providerVersion.map(WebhookTriggers::lastBranch).orElse(""));
			variables.put("verificationResultUrl",
					pactVersionHref(published.provider(), published.consumer(), published.sha())
							+ "/verification-results/" + verification.number());
			statuses(variables, verification.success());
		}
		else {
			variables.put("providerVersionNumber", "");
			variables.put("providerVersionTags", "");
			variables.put("providerVersionBranch", "");
			variables.put("verificationResultUrl", "");
			statuses(variables, null);
		}
		variables.put("providerVersionDescriptions", "");
		variables.put("consumerLabels", String.join(", ", consumerLabels));
		variables.put("providerLabels", String.join(", ", providerLabels));
		variables.put("buildUrl",
				(published.buildUrl() != null) ? published.buildUrl() : orEmpty(consumerVersion.buildUrl()));
		variables.put("currentlyDeployedProviderVersionNumber", "");
		return variables;
	}

	/** The CI systems' own words for a verification status ("pending": none yet). */
	static void statuses(Map<String, String> variables, @Nullable Boolean success) {
		variables.put("githubVerificationStatus", (success == null) ? "pending" : success ? "success" : "failure");
		variables.put("bitbucketVerificationStatus",
				(success == null) ? "INPROGRESS" : success ? "SUCCESSFUL" : "FAILED");
		variables.put("azureDevOpsVerificationStatus",
				(success == null) ? "pending" : success ? "succeeded" : "failed");
		variables.put("gitlabVerificationStatus", (success == null) ? "pending" : success ? "success" : "failed");
	}

	private String pactUrl(String provider, String consumer, String sha, String consumerVersion) {
		return pactVersionHref(provider, consumer, sha) + "/metadata/"
				+ PactMetadata.consumerVersion(consumerVersion).encode();
	}

	private String pactVersionHref(String provider, String consumer, String sha) {
		return baseUrl() + "/pacts/provider/" + Links.encode(provider) + "/consumer/" + Links.encode(consumer)
				+ "/pact-version/" + Links.encode(sha);
	}

	/**
	 * The base links use: the configured base URL, else the request's. A publication made
	 * without a request (a maintenance task, a test) and without a configured base falls
	 * back to this server on localhost.
	 */
	private String baseUrl() {
		try {
			return this.links.baseUrl();
		}
		catch (IllegalStateException ex) {
			return "http://localhost:" + this.environment.getProperty("local.server.port",
					this.environment.getProperty("server.port", "9292"));
		}
	}

	private static String lastBranch(VersionView version) {
		List<String> branches = version.branchNames();
		return branches.isEmpty() ? "" : branches.get(branches.size() - 1);
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
