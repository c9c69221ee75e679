package io.concordat.pacticipant;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A pacticipant version with its branches and tags.
 *
 * @param id database id
 * @param pacticipantId the pacticipant's id
 * @param pacticipant the pacticipant's name
 * @param number the version number, free-form (a git sha, a semver…)
 * @param buildUrl the CI build that produced it
 * @param order creation order; "latest" is the highest
 * @param createdAt when it was created
 * @param branches the branches it belongs to, in the order it was added to them
 * @param tags its tags, oldest first
 */
public record VersionView(long id, long pacticipantId, String pacticipant, String number, @Nullable String buildUrl,
		long order, Instant createdAt, List<BranchMembership> branches, List<TagView> tags) {

	public List<String> tagNames() {
		return this.tags.stream().map(TagView::name).toList();
	}

	public List<String> branchNames() {
		return this.branches.stream().map(BranchMembership::branch).toList();
	}

	/**
	 * @param branch the branch name
	 * @param latest whether this version is the branch's head
	 * @param createdAt when the version was added to the branch
	 */
	public record BranchMembership(String branch, boolean latest, Instant createdAt) {

	}

}
