package io.concordat.matrix;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An ignore selector: rows of the pacticipant (and version, when one is named) do not
 * count.
 */
record IgnoreSelector(Selector selector, MatrixRow.@Nullable Pacticipant pacticipant, List<Long> versionIds) {

	boolean exists() {
		return this.pacticipant != null && (this.selector.onlyPacticipant() || !this.versionIds.isEmpty());
	}

	boolean matches(MatrixRow row) {
		return matches(row.consumer().pacticipant().id(), row.consumer().id()) || (row.providerVersion() != null
				? matches(row.provider().id(), row.providerVersion().id()) : matchesAnyVersion(row.provider().id()));
	}

	boolean matches(SelectedVersion resolved) {
		return (resolved.versionId() != null) ? matches(resolved.pacticipantId(), resolved.versionId())
				: matchesAnyVersion(resolved.pacticipantId());
	}

	private boolean matches(long pacticipantId, long versionId) {
		return this.pacticipant != null && this.pacticipant.id() == pacticipantId
				&& (this.selector.onlyPacticipant() || this.versionIds.contains(versionId));
	}

	private boolean matchesAnyVersion(long pacticipantId) {
		return this.pacticipant != null && this.pacticipant.id() == pacticipantId && this.selector.onlyPacticipant();
	}

	String description() {
		String name = this.selector.pacticipant();
		if (this.pacticipant == null) {
			return "any version of " + name + " (no such pacticipant exists)";
		}
		if (this.selector.version() != null) {
			return "version " + this.selector.version() + " of " + name + " (no such version exists)";
		}
		return "a version of " + name + " (no such version exists)";
	}

}
