package io.concordat.matrix;

import org.jspecify.annotations.Nullable;

/**
 * What a matrix selector selected: one version (a selector matching several versions
 * selects each of them), every version (only the pacticipant named), or none.
 *
 * @param selector what was asked
 * @param specified given by the client rather than inferred for a counterpart
 * @param pacticipantId the pacticipant's id
 * @param pacticipant its name
 * @param versionId the version, or null for every version or none
 * @param versionNumber its number
 * @param versionOrder its creation order
 * @param oneOfMany the selector matched several versions
 * @param ignored an ignore selector names this pacticipant (and version)
 */
public record SelectedVersion(Selector selector, boolean specified, long pacticipantId, String pacticipant,
		@Nullable Long versionId, @Nullable String versionNumber, long versionOrder, boolean oneOfMany,
		boolean ignored) {

	/** Every version, for a selector that names only the pacticipant. */
	static SelectedVersion every(Selector selector, boolean specified, MatrixRow.Pacticipant pacticipant) {
		return new SelectedVersion(selector, specified, pacticipant.id(), pacticipant.name(), null, null, 0, false,
				false);
	}

	/** No version: the selector asked for one and none matched. */
	static SelectedVersion none(Selector selector, boolean specified, MatrixRow.Pacticipant pacticipant) {
		return new SelectedVersion(selector, specified, pacticipant.id(), pacticipant.name(), null, null, 0, false,
				false);
	}

	/** One of the versions the selector matched. */
	static SelectedVersion of(Selector selector, boolean specified, MatrixRow.Version version, boolean oneOfMany) {
		return new SelectedVersion(selector, specified, version.pacticipant().id(), version.pacticipant().name(),
				version.id(), version.number(), version.order(), oneOfMany, false);
	}

	/** Every version of the pacticipant. */
	boolean allVersions() {
		return this.selector.onlyPacticipant();
	}

	/** The selector asked for a version and none matched. */
	boolean versionMissing() {
		return this.versionId == null && !allVersions();
	}

	SelectedVersion ignore() {
		return new SelectedVersion(this.selector, this.specified, this.pacticipantId, this.pacticipant, this.versionId,
				this.versionNumber, this.versionOrder, this.oneOfMany, true);
	}

	/**
	 * How reasons name the selected version: "the version of orders-api currently in
	 * production (2.0.0)", "version 1.0.0 of orders-web", "any version of orders-api".
	 */
	String description() {
		Selector s = this.selector;
		String name = this.pacticipant;
		String number = this.versionNumber;
		if (s.latest() && s.tag() != null) {
			return "the latest version of " + name + " with tag " + s.tag() + found(number);
		}
		if (s.mainBranch()) {
			if (number == null) {
				return (s.latest() ? "the latest version" : "any version") + " of " + name
						+ " from the main branch (no versions exist for this branch)";
			}
			return (s.latest() ? "the latest version" : (this.oneOfMany ? "one of the versions" : "the version"))
					+ " of " + name + " from the main branch (" + number + ")";
		}
		if (s.branch() != null) {
			if (s.latest()) {
				return "the latest version of " + name + " from branch " + s.branch() + found(number);
			}
			return (number != null)
					? (this.oneOfMany ? "one of the versions" : "the version") + " of " + name + " from branch "
							+ s.branch() + " (" + number + ")"
					: "a version of " + name + " from branch " + s.branch() + " (no such version exists)";
		}
		if (s.latest()) {
			return "the latest version of " + name + found(number);
		}
		if (s.tag() != null) {
			return "a version of " + name + " with tag " + s.tag() + found(number);
		}
		if (s.environment() != null) {
			return (number != null)
					? (this.oneOfMany ? "one of the versions" : "the version") + " of " + name + " currently in "
							+ s.environment() + " (" + number + ")"
					: "a version of " + name + " currently in " + s.environment()
							+ " (no version is currently recorded as deployed/released in this environment)";
		}
		if (s.version() != null) {
			return "version " + s.version() + " of " + name + ((number == null) ? " (no such version exists)" : "");
		}
		return "any version of " + name;
	}

	/** Why a specified selector selects nothing, as the Pact Broker words it. */
	String missingDescription() {
		Selector s = this.selector;
		if (s.tag() != null) {
			return "No version with tag " + s.tag() + " exists for " + this.pacticipant;
		}
		if (s.branch() != null) {
			return "No version of " + this.pacticipant + " from branch " + s.branch() + " exists";
		}
		if (s.mainBranch()) {
			return "No version of " + this.pacticipant + " from the main branch exists";
		}
		if (s.environment() != null) {
			return "No version of " + this.pacticipant
					+ " is currently recorded as deployed or released in environment " + s.environment();
		}
		if (s.version() != null) {
			return "No pacts or verifications have been published for version " + s.version() + " of "
					+ this.pacticipant;
		}
		return "No pacts or verifications have been published for " + this.pacticipant;
	}

	private static String found(@Nullable String number) {
		return (number != null) ? " (" + number + ")" : " (no such version exists)";
	}

}
