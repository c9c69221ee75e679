package io.concordat.matrix.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.matrix.Explanation;
import io.concordat.matrix.FailedInteraction;
import io.concordat.matrix.MatrixResult;
import io.concordat.matrix.MatrixRow;
import io.concordat.matrix.Reason;
import io.concordat.matrix.VersionDetails;
import io.concordat.publication.PactMetadata;
import io.concordat.web.Links;
import io.concordat.web.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * The Pact Broker's matrix body: {@code summary}, {@code notices} and {@code matrix}
 * rows, with explicit nulls for a missing provider version or verification result.
 * Concordat adds what clients ignore: {@code summary.explanations[]} and each failed
 * result's {@code failedInteractions[]}.
 */
final class MatrixRepresentation {

	private final Links links;

	private final Map<Long, VersionDetails> details;

	MatrixRepresentation(Links links, Map<Long, VersionDetails> details) {
		this.links = links;
		this.details = details;
	}

	Map<String, Object> of(MatrixResult result) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("deployable", result.deployable());
		summary.put("reason", result.reason());
		summary.put("success", result.success());
		summary.put("failed", result.failed());
		summary.put("unknown", result.unknown());
		if (result.ignored() != null) {
			summary.put("ignored", result.ignored());
		}
		if (result.truncated()) {
			summary.put("rowsShown", result.rows().size());
			summary.put("rowsConsidered", result.totalRows());
		}
		summary.put("explanations", result.explanations().stream().map(this::explanation).toList());
		List<Map<String, Object>> notices = new ArrayList<>();
		for (Reason reason : result.reasons()) {
			notices.add(notice(reason.type(), reason.text()));
		}
		for (Explanation explanation : result.explanations()) {
			notices.add(notice("error", explanation.text()));
		}
		if (result.truncated()) {
			notices.add(notice("warning", "Showing " + result.rows().size() + " of " + result.totalRows()
					+ " rows (limit); the decision considered all " + result.totalRows() + "."));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("summary", summary);
		body.put("notices", notices);
		body.put("matrix", result.rows().stream().map(this::row).toList());
		return body;
	}

	private static Map<String, Object> notice(String type, String text) {
		Map<String, Object> notice = new LinkedHashMap<>();
		notice.put("type", type);
		notice.put("text", text);
		return notice;
	}

	private Map<String, Object> explanation(Explanation explanation) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", explanation.status());
		body.put("consumer",
				side(explanation.consumer(), explanation.consumerVersion(), explanation.consumerEnvironments()));
		body.put("provider",
				side(explanation.provider(), explanation.providerVersion(), explanation.providerEnvironments()));
		body.put("failedInteractions", explanation.failedInteractions().stream().map(this::interaction).toList());
		body.put("text", explanation.text());
		return body;
	}

	private static Map<String, Object> side(String name, @Nullable String version, List<String> environments) {
		Map<String, Object> side = new LinkedHashMap<>();
		side.put("name", name);
		side.put("version", version);
		side.put("environments", environments);
		return side;
	}

	private Map<String, Object> row(MatrixRow row) {
		Map<String, Object> body = new LinkedHashMap<>();
		String consumer = row.consumer().pacticipant().name();
		String provider = row.provider().name();
		body.put("consumer", pacticipant(consumer, version(row.consumer())));
		body.put("provider",
				pacticipant(provider, (row.providerVersion() != null) ? version(row.providerVersion()) : null));
		Map<String, Object> pact = new LinkedHashMap<>();
		pact.put("createdAt", Timestamps.format(row.pact().createdAt()));
		pact.put("_links", Map.of("self", Map.of("href", this.links.href("pacts", "provider", provider, "consumer",
				consumer, "version", row.consumer().number()))));
		body.put("pact", pact);
		MatrixRow.Verification verification = row.verification();
		if (verification == null) {
			body.put("verificationResult", null);
		}
		else {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("success", verification.success());
			result.put("verifiedAt", Timestamps.format(verification.verifiedAt()));
			if (!verification.success()) {
				result.put("pending", verification.pending());
				result.put("failedInteractions",
						verification.failedInteractions().stream().map(this::interaction).toList());
			}
			result.put("_links",
					Map.of("self",
							Map.of("href",
									this.links.href("pacts", "provider", provider, "consumer", consumer, "pact-version",
											row.pact().sha(), "metadata",
											PactMetadata.consumerVersion(row.consumer().number()).encode(),
											"verification-results", Long.toString(verification.number())))));
			body.put("verificationResult", result);
		}
		if (row.ignored()) {
			body.put("ignored", true);
		}
		return body;
	}

	private Map<String, Object> interaction(FailedInteraction interaction) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("description", interaction.description());
		if (interaction.kind() != null) {
			body.put("type", interaction.kind());
		}
		if (interaction.method() != null) {
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("method", interaction.method());
			request.put("path", interaction.path());
			body.put("request", request);
		}
		body.put("fields", interaction.fields());
		body.put("mismatches", interaction.mismatches().stream().map((mismatch) -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("attribute", mismatch.attribute());
			m.put("identifier", mismatch.identifier());
			m.put("description", mismatch.description());
			return m;
		}).toList());
		return body;
	}

	private Map<String, Object> pacticipant(String name, @Nullable Map<String, Object> version) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("version", version);
		body.put("_links", Map.of("self", Map.of("href", this.links.href("pacticipants", name))));
		return body;
	}

	private Map<String, Object> version(MatrixRow.Version version) {
		String pacticipant = version.pacticipant().name();
		VersionDetails found = this.details.getOrDefault(version.id(),
				new VersionDetails(List.of(), List.of(), List.of()));
		List<Map<String, Object>> branches = found.branches().stream().map((branch) -> {
			Map<String, Object> b = new LinkedHashMap<>();
			b.put("name", branch.name());
			b.put("latest", branch.latest());
			Map<String, Object> self = new LinkedHashMap<>();
			self.put("title", "Branch version");
			self.put("name", branch.name());
			self.put("href", this.links.href("pacticipants", pacticipant, "branches", branch.name(), "versions",
					version.number()));
			b.put("_links", Map.of("self", self));
			return b;
		}).toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("number", version.number());
		body.put("branch", branches.isEmpty() ? null : found.branches().get(found.branches().size() - 1).name());
		body.put("branches", branches);
		body.put("branchVersions", branches);
		body.put("environments", found.environments().stream().map((environment) -> {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("uuid", environment.uuid().toString());
			e.put("name", environment.name());
			e.put("displayName", environment.displayName());
			e.put("production", environment.production());
			e.put("createdAt", Timestamps.format(environment.createdAt()));
			Map<String, Object> self = new LinkedHashMap<>();
			self.put("title", "Environment");
			self.put("name", environment.name());
			self.put("href", this.links.href("environments", environment.uuid().toString()));
			e.put("_links", Map.of("self", self));
			return e;
		}).toList());
		body.put("_links", Map.of("self",
				Map.of("href", this.links.href("pacticipants", pacticipant, "versions", version.number()))));
		body.put("tags", found.tags().stream().map((tag) -> {
			Map<String, Object> t = new LinkedHashMap<>();
			t.put("name", tag.name());
			t.put("latest", tag.latest());
			t.put("_links", Map.of("self", Map.of("href",
					this.links.href("pacticipants", pacticipant, "versions", version.number(), "tags", tag.name()))));
			return t;
		}).toList());
		return body;
	}

}
