package io.concordat.webhook;

import org.jspecify.annotations.Nullable;

/**
 * Which consumers or providers a webhook is for: one by name, every one with a label, or
 * (the webhook has no selector at all) any.
 *
 * @param name a pacticipant's name
 * @param label a label
 */
public record PacticipantSelector(@Nullable String name, @Nullable String label) {

	public static PacticipantSelector named(String name) {
		return new PacticipantSelector(name, null);
	}

	public static PacticipantSelector labelled(String label) {
		return new PacticipantSelector(null, label);
	}

}
