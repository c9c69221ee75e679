package io.concordat.matrix;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Names the two sides of a row the way the Pact Broker's reasons do, through the selector
 * that selected each side: "the version of orders-web currently in production (1.0.0)".
 */
final class Descriptions {

	private final List<SelectedVersion> selectors;

	Descriptions(List<SelectedVersion> selectors) {
		this.selectors = selectors;
	}

	String failed(MatrixRow row) {
		return "The verification for the pact between " + consumer(row) + " and " + provider(row) + " failed";
	}

	String unverified(MatrixRow row) {
		return "There is no verified pact between " + consumer(row) + " and " + provider(row);
	}

	String consumer(MatrixRow row) {
		return of(row.consumer().pacticipant().id(), row.consumer().pacticipant().name(), row.consumer().number());
	}

	String provider(MatrixRow row) {
		return of(row.provider().id(), row.provider().name(),
				(row.providerVersion() != null) ? row.providerVersion().number() : null);
	}

	private String of(long pacticipantId, String name, @Nullable String number) {
		List<SelectedVersion> own = this.selectors.stream().filter((s) -> s.pacticipantId() == pacticipantId).toList();
		if (own.size() == 1) {
			return own.get(0).description();
		}
		if (number != null) {
			for (SelectedVersion selector : own) {
				if (number.equals(selector.versionNumber())) {
					return selector.description();
				}
			}
			return "version " + number + " of " + name;
		}
		return "any version of " + name;
	}

}
