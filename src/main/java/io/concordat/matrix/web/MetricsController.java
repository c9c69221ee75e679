package io.concordat.matrix.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.concordat.deployment.DeploymentMetrics;
import io.concordat.pacticipant.PacticipantMetrics;
import io.concordat.publication.PublicationMetrics;
import io.concordat.verification.VerificationMetrics;
import io.concordat.webhook.WebhookMetrics;
import io.concordat.web.Hal;
import io.concordat.web.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics}: the Pact Broker's JSON counts of what the broker holds, each
 * module counting its own tables. The matrix count is -1 as in the Pact Broker, which
 * stopped computing it because it means nothing and costs too much.
 */
@RestController
class MetricsController {

	private final PacticipantMetrics pacticipants;

	private final PublicationMetrics publications;

	private final VerificationMetrics verifications;

	private final DeploymentMetrics deployments;

	private final WebhookMetrics webhooks;

	MetricsController(PacticipantMetrics pacticipants, PublicationMetrics publications,
			VerificationMetrics verifications, DeploymentMetrics deployments, WebhookMetrics webhooks) {
		this.pacticipants = pacticipants;
		this.publications = publications;
		this.verifications = verifications;
		this.deployments = deployments;
		this.webhooks = webhooks;
	}

	@GetMapping("/metrics")
	ResponseEntity<Map<String, Object>> metrics() {
		PacticipantMetrics.Counts who = this.pacticipants.counts();
		PublicationMetrics.Counts pacts = this.publications.counts();
		VerificationMetrics.Counts results = this.verifications.counts();
		DeploymentMetrics.Counts where = this.deployments.counts();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("interactions",
				Map.of("latestInteractionsCount", pacts.latestInteractions(), "latestMessagesCount",
						pacts.latestMessages(), "latestInteractionsAndMessagesCount",
						pacts.latestInteractions() + pacts.latestMessages()));
		body.put("pacticipants", Map.of("count", who.pacticipants(), "withMainBranchSetCount", who.withMainBranch()));
		body.put("integrations", Map.of("count", pacts.integrations()));
		body.put("pactPublications", withDates(Map.of("count", pacts.publications()),
				Timestamps.format(pacts.firstPublished()), Timestamps.format(pacts.lastPublished())));
		body.put("pactVersions", Map.of("count", pacts.contents()));
		body.put("pactRevisionsPerConsumerVersion", Map.of("distribution", pacts.revisionsPerConsumerVersion()));
		Map<String, Object> verificationCounts = new LinkedHashMap<>();
		verificationCounts.put("count", results.results());
		verificationCounts.put("successCount", results.successes());
		verificationCounts.put("failureCount", results.failures());
		verificationCounts.put("distinctCount", results.distinct());
		body.put("verificationResults",
				withDates(verificationCounts, Timestamps.format(results.first()), Timestamps.format(results.last())));
		body.put("verificationResultsPerPactVersion", Map.of("distribution", results.perContent()));
		Map<String, Object> versions = new LinkedHashMap<>();
		versions.put("count", who.versions());
		versions.put("withUserCreatedBranchCount", who.versionsWithUserCreatedBranch());
		versions.put("withBranchCount", who.versionsWithBranch());
		versions.put("withBranchSetCount", who.versionsWithBranch());
		body.put("pacticipantVersions", versions);
		WebhookMetrics.Counts hooks = this.webhooks.counts();
		body.put("webhooks", Map.of("count", hooks.webhooks()));
		body.put("tags", Map.of("count", who.tags(), "distinctCount", who.distinctTagNames(),
				"distinctWithPacticipantCount", who.distinctTagNamesPerPacticipant()));
		body.put("triggeredWebhooks", Map.of("count", hooks.triggered()));
		body.put("webhookExecutions", Map.of("count", hooks.executions()));
		body.put("matrix", Map.of("count", -1));
		body.put("environments", Map.of("count", where.environments()));
		body.put("deployedVersions", Map.of("count", where.deployed(), "userCreatedCount", where.deployedByUsers(),
				"currentlyDeployedCount", where.currentlyDeployed()));
		body.put("releasedVersions",
				Map.of("count", where.released(), "currentlySupportedCount", where.currentlySupported()));
		return Hal.ok(body);
	}

	/**
	 * {@code first} and {@code last} are null on an empty broker, as the Pact Broker's.
	 */
	private static Map<String, Object> withDates(Map<String, Object> counts, @Nullable String first,
			@Nullable String last) {
		Map<String, Object> withDates = new LinkedHashMap<>(counts);
		withDates.put("first", first);
		withDates.put("last", last);
		return withDates;
	}

}
