package io.concordat.pacticipant;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A branch of a pacticipant.
 *
 * @param id database id
 * @param pacticipant the pacticipant's name
 * @param name the branch name ({@code feat/x} is one name)
 * @param createdAt when its first version was added
 * @param updatedAt when a version was last added
 * @param headVersion the number of the version most recently added to it, if any
 */
public record BranchView(long id, String pacticipant, String name, Instant createdAt, Instant updatedAt,
		@Nullable String headVersion) {

}
