package io.concordat.matrix;

import org.jspecify.annotations.Nullable;

/**
 * A version selector as a client sends it ({@code q[][…]} or {@code ignore[][…]}): the
 * pacticipant and what narrows its versions. Only the pacticipant means every version.
 *
 * @param pacticipant the pacticipant's name (required)
 * @param version an exact version number
 * @param latest only the latest of the versions the other fields select
 * @param tag versions with this tag
 * @param branch versions on this branch
 * @param environment versions currently deployed or released there
 * @param mainBranch versions on the pacticipant's main branch
 */
public record Selector(@Nullable String pacticipant, @Nullable String version, boolean latest, @Nullable String tag,
		@Nullable String branch, @Nullable String environment, boolean mainBranch) {

	public static Selector version(String pacticipant, String version) {
		return new Selector(pacticipant, version, false, null, null, null, false);
	}

	public static Selector pacticipant(String pacticipant) {
		return new Selector(pacticipant, null, false, null, null, null, false);
	}

	public static Selector latestOfBranch(String pacticipant, String branch) {
		return new Selector(pacticipant, null, true, null, branch, null, false);
	}

	public static Selector latestOfMainBranch(String pacticipant) {
		return onMainBranch(pacticipant, true);
	}

	public static Selector latest(String pacticipant) {
		return new Selector(pacticipant, null, true, null, null, null, false);
	}

	/** The versions with the tag, or with {@code latest} the newest of them. */
	public static Selector tagged(String pacticipant, String tag, boolean latest) {
		return new Selector(pacticipant, null, latest, tag, null, null, false);
	}

	/** The versions on the main branch, or with {@code latest} its head. */
	public static Selector onMainBranch(String pacticipant, boolean latest) {
		return new Selector(pacticipant, null, latest, null, null, null, true);
	}

	/** The versions currently deployed or released in the environment. */
	public static Selector inEnvironment(String pacticipant, String environment) {
		return new Selector(pacticipant, null, false, null, null, environment, false);
	}

	/** Whether only the pacticipant is named: every one of its versions. */
	boolean onlyPacticipant() {
		return this.version == null && !this.latest && this.tag == null && this.branch == null
				&& this.environment == null && !this.mainBranch;
	}

}
