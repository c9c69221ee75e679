package io.concordat.matrix;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a matrix row shows of a version besides its number: its branches, tags and the
 * environments it currently runs in.
 *
 * @param branches the branches it is on, in the order it was added to them
 * @param tags its tags, oldest first
 * @param environments where it is currently deployed or released
 */
public record VersionDetails(List<Named> branches, List<Named> tags, List<Environment> environments) {

	static final VersionDetails NONE = new VersionDetails(List.of(), List.of(), List.of());

	/**
	 * @param name the branch or tag
	 * @param latest whether this version is its newest (the branch head, the latest
	 * version with the tag)
	 */
	public record Named(String name, boolean latest) {

	}

	public record Environment(UUID uuid, String name, String displayName, boolean production, Instant createdAt) {

	}

}
