package io.concordat.matrix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Turns every "no" into plain words: which integration, which counterpart version and
 * where it runs, whether the verification failed, is missing or was pending, which
 * interactions failed and which fields they are about, and what to do next.
 */
@Component
class Explainer {

	private static final int MISMATCH_LENGTH = 200;

	private final MatrixRepository repository;

	Explainer(MatrixRepository repository) {
		this.repository = repository;
	}

	/**
	 * The failed rows with the interactions they failed, read from the stored outcomes.
	 */
	List<MatrixRow> withFailedInteractions(List<MatrixRow> rows) {
		List<MatrixRow> detailed = new ArrayList<>(rows.size());
		for (MatrixRow row : rows) {
			if (row.verification() != null && !row.verification().success()) {
				detailed.add(row.withFailedInteractions(
						this.repository.failedInteractions(row.verification().id(), row.pact().pactVersionId())));
			}
			else {
				detailed.add(row);
			}
		}
		return detailed;
	}

	List<Explanation> explain(MatrixQuery query, List<SelectedVersion> selectors, List<SelectedVersion> missing,
			List<MatrixRow> considered) {
		List<Explanation> explanations = new ArrayList<>();
		for (SelectedVersion selector : missing) {
			String text = selector.missingDescription() + ". Check the name and version, or publish its pacts (or "
					+ "verification results) before asking whether it can be deployed.";
			explanations.add(new Explanation("unknown-version", selector.pacticipant(), selector.selector().version(),
					List.of(), selector.pacticipant(), null, List.of(), List.of(), text));
		}
		if (!missing.isEmpty()) {
			return explanations;
		}
		List<MatrixRow> blocking = considered.stream().filter((row) -> !Boolean.TRUE.equals(row.success())).toList();
		if (blocking.isEmpty()) {
			return explanations;
		}
		Set<Long> versionIds = new HashSet<>();
		for (MatrixRow row : blocking) {
			versionIds.add(row.consumer().id());
			if (row.providerVersion() != null) {
				versionIds.add(row.providerVersion().id());
			}
		}
		Map<Long, List<String>> environments = this.repository.environmentNames(versionIds);
		Set<String> seen = new LinkedHashSet<>();
		for (MatrixRow row : blocking) {
			Explanation explanation = (row.verification() != null) ? failed(row, environments)
					: unverified(query, selectors, row, environments);
			if (seen.add(explanation.text())) {
				explanations.add(explanation);
			}
		}
		return explanations;
	}

	private Explanation failed(MatrixRow row, Map<Long, List<String>> environments) {
		MatrixRow.Verification verification = Objects.requireNonNull(row.verification());
		MatrixRow.Version providerVersion = Objects.requireNonNull(row.providerVersion());
		List<String> consumerEnvironments = environments.getOrDefault(row.consumer().id(), List.of());
		List<String> providerEnvironments = environments.getOrDefault(providerVersion.id(), List.of());
		String consumer = name(row.consumer(), consumerEnvironments);
		String provider = name(providerVersion, providerEnvironments);
		String consumerName = row.consumer().pacticipant().name();
		String providerName = row.provider().name();
		List<FailedInteraction> failed = verification.failedInteractions();
		StringBuilder text = new StringBuilder();
		Set<String> fields = failed.stream()
			.flatMap((interaction) -> interaction.fields().stream())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (!fields.isEmpty()) {
			List<String> expectations = new ArrayList<>();
			for (FailedInteraction interaction : failed) {
				if (!interaction.fields().isEmpty()) {
					expectations.add(quoted(interaction.fields()) + " in " + interaction.where());
				}
			}
			text.append(consumer).append(" expects ").append(String.join(" and ", expectations)).append("; ");
		}
		else {
			text.append(consumer).append(" has a pact with ").append(providerName).append("; ");
		}
		text.append(provider).append(" verification failed");
		if (failed.isEmpty()) {
			text.append(" (the result names no interactions)");
		}
		else {
			List<String> details = new ArrayList<>();
			for (FailedInteraction interaction : failed) {
				String mismatch = interaction.mismatches()
					.stream()
					.map(Explainer::mismatch)
					.distinct()
					.collect(Collectors.joining("; "));
				details.add(interaction.where() + (mismatch.isEmpty() ? "" : ": " + mismatch));
			}
			text.append(": ").append(String.join(" | ", details));
		}
		text.append(".");
		if (verification.pending()) {
			text.append(" The pact was pending for ")
				.append(providerName)
				.append(" when it verified, so its build passed, but the failure still counts here.");
		}
		if (!fields.isEmpty()) {
			List<String> names = fields.stream().map((path) -> {
				String last = FieldNames.lastName(path);
				return (last != null) ? last : path;
			}).distinct().toList();
			text.append(" Keep ")
				.append(quoted(names))
				.append(" until ")
				.append(consumerName)
				.append(" stops reading ")
				.append((names.size() == 1) ? "it" : "them")
				.append(" (deploy a version of ")
				.append(consumerName)
				.append(" that no longer expects ")
				.append((names.size() == 1) ? "it" : "them")
				.append(" first).");
		}
		else {
			text.append(" Change ")
				.append(providerName)
				.append(" so that it satisfies these interactions again, or agree a new pact with ")
				.append(consumerName)
				.append(" and deploy that first.");
		}
		return new Explanation("failed", consumerName, row.consumer().number(), consumerEnvironments, providerName,
				providerVersion.number(), providerEnvironments, failed, text.toString());
	}

	private Explanation unverified(MatrixQuery query, List<SelectedVersion> selectors, MatrixRow row,
			Map<Long, List<String>> environments) {
		List<String> consumerEnvironments = environments.getOrDefault(row.consumer().id(), List.of());
		String consumer = name(row.consumer(), consumerEnvironments);
		String consumerName = row.consumer().pacticipant().name();
		String providerName = row.provider().name();
		List<SelectedVersion> providerSelectors = selectors.stream()
			.filter((s) -> s.pacticipantId() == row.provider().id())
			.toList();
		List<String> providerVersions = providerSelectors.stream()
			.map(SelectedVersion::versionNumber)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		boolean anyVersion = providerSelectors.isEmpty()
				|| providerSelectors.stream().anyMatch(SelectedVersion::allVersions);
		String sha = row.pact().sha().substring(0, Math.min(8, row.pact().sha().length()));
		if (!anyVersion && providerVersions.isEmpty()) {
			String there = target(query);
			String text = consumer + " has a pact with " + providerName + ", but there is no version of " + providerName
					+ " " + there + " to verify it. Deploy " + providerName + " first"
					+ ((query.environment() != null) ? " (and record it with `pact-broker record-deployment`)" : "")
					+ ", or publish a " + consumerName + " version that no longer needs " + providerName
					+ ", then ask again.";
			return new Explanation("missing", consumerName, row.consumer().number(), consumerEnvironments, providerName,
					null, List.of(), List.of(), text);
		}
		String who = anyVersion ? "No version of " + providerName
				: providerName + " " + String.join(", ", providerVersions)
						+ where(query.environment() != null ? List.of(query.environment()) : List.of());
		String text = who + (anyVersion ? " has published" : " has not published")
				+ " a verification result for the pact of " + consumer + " (content " + sha + "). Run " + providerName
				+ "'s verification of this pact (the contract_requiring_verification_published "
				+ "webhook does that) and publish the result; `can-i-deploy --retry-while-unknown` waits for it.";
		return new Explanation("unverified", consumerName, row.consumer().number(), consumerEnvironments, providerName,
				providerVersions.isEmpty() ? null : String.join(", ", providerVersions), List.of(), List.of(), text);
	}

	private static String target(MatrixQuery query) {
		if (query.environment() != null) {
			return "currently deployed or released in " + query.environment();
		}
		if (query.tag() != null) {
			return "with tag " + query.tag();
		}
		if (query.mainBranch()) {
			return "on its main branch";
		}
		return "selected";
	}

	private static String name(MatrixRow.Version version, List<String> environments) {
		return version.pacticipant().name() + " " + version.number() + where(environments);
	}

	private static String where(List<String> environments) {
		return environments.isEmpty() ? "" : " in " + String.join(" and ", environments);
	}

	private static String quoted(List<String> names) {
		return names.stream().map((name) -> "`" + name + "`").collect(Collectors.joining(", "));
	}

	private static String mismatch(FailedInteraction.Mismatch mismatch) {
		String text = mismatch.description().replaceAll("\\s+", " ").trim();
		if (text.length() > MISMATCH_LENGTH) {
			text = text.substring(0, MISMATCH_LENGTH - 1) + "…";
		}
		return text;
	}

}
