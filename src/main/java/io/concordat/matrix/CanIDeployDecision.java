package io.concordat.matrix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * can-i-deploy's verdict over the rows a matrix query considered, decided as the Pact
 * Broker decides: a specified version that does not exist is a "no"; then any row without
 * a verification result makes the answer unknown (null), even when another row failed, so
 * that {@code --retry-while-unknown} keeps waiting; otherwise "yes" when every row passed
 * (and when there are none). A pure function of what the service read, so that each rule
 * is tested without a database.
 */
final class CanIDeployDecision {

	private CanIDeployDecision() {
	}

	static Verdict decide(MatrixQuery query, List<SelectedVersion> selectors, List<IgnoreSelector> ignores,
			List<MatrixRow> considered, List<MatrixRow> ignored) {
		List<SelectedVersion> missing = selectors.stream()
			.filter((s) -> s.specified() && !s.ignored() && s.versionMissing())
			.toList();
		int success = (int) considered.stream().filter((r) -> Boolean.TRUE.equals(r.success())).count();
		int failed = (int) considered.stream().filter((r) -> Boolean.FALSE.equals(r.success())).count();
		int unknown = (int) considered.stream().filter((r) -> r.success() == null).count();
		Boolean deployable;
		if (!missing.isEmpty()) {
			deployable = false;
		}
		else if (unknown > 0) {
			deployable = null;
		}
		else {
			deployable = failed == 0;
		}
		Descriptions descriptions = new Descriptions(selectors);
		List<Reason> warnings = new ArrayList<>();
		for (IgnoreSelector ignore : ignores) {
			if (!ignore.exists()) {
				warnings.add(Reason.warning("WARN: Cannot ignore " + ignore.description()));
			}
		}
		long specifiedCount = selectors.stream().filter(SelectedVersion::specified).count();
		if (specifiedCount == 1 && query.tag() == null && query.environment() == null && !query.mainBranch()) {
			warnings.add(Reason.warning("WARN: It is recommended to specify the environment into which you are "
					+ "deploying. Without the environment, this result will not be reliable."));
		}
		List<SelectedVersion> versioned = selectors.stream()
			.filter(SelectedVersion::specified)
			.filter((s) -> !s.allVersions())
			.toList();
		if (!versioned.isEmpty() && versioned.stream().noneMatch((s) -> s.selector().version() != null)) {
			warnings.add(Reason.warning("WARN: It is recommended to specify the version number (rather than the tag "
					+ "or branch) of the pacticipant you wish to deploy to avoid race conditions. Without a version "
					+ "number, this result will not be reliable."));
		}
		Set<Reason> errors = new LinkedHashSet<>();
		missing.forEach((s) -> errors.add(Reason.error(s.missingDescription())));
		if (errors.isEmpty()) {
			for (MatrixRow row : considered) {
				if (Boolean.FALSE.equals(row.success())) {
					errors.add(Reason.error(descriptions.failed(row)));
				}
			}
			for (MatrixRow row : considered) {
				if (row.success() == null) {
					errors.add(Reason.error(descriptions.unverified(row)));
				}
			}
		}
		List<Reason> reasons = new ArrayList<>(warnings);
		if (!errors.isEmpty()) {
			reasons.addAll(errors);
		}
		else if (deployable == Boolean.TRUE) {
			reasons.add(considered.isEmpty() ? Reason.success("There are no missing dependencies")
					: Reason.success("All required verification results are published and successful"));
		}
		Set<Reason> ignoring = new LinkedHashSet<>();
		for (MatrixRow row : ignored) {
			if (Boolean.FALSE.equals(row.success())) {
				ignoring.add(Reason.info("Ignoring: " + descriptions.failed(row)));
			}
			else if (row.success() == null) {
				ignoring.add(Reason.info("Ignoring: " + descriptions.unverified(row)));
			}
		}
		reasons.addAll(ignoring);
		return new Verdict(deployable, reasons, missing, success, failed, unknown);
	}

	/**
	 * @param deployable true, false, or null when unknown
	 * @param reasons the reasons, worded as the Pact Broker words them
	 * @param missing the specified selectors that selected no version
	 * @param success considered rows whose verification passed
	 * @param failed considered rows whose verification failed
	 * @param unknown considered rows without a result
	 */
	record Verdict(@Nullable Boolean deployable, List<Reason> reasons, List<SelectedVersion> missing, int success,
			int failed, int unknown) {

	}

}
