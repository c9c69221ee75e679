package io.concordat.pacticipant;

import org.jspecify.annotations.Nullable;

/**
 * One property of a JSON merge-patch that was given: set to a value, or cleared
 * ({@code null}). A property that was not given has no {@code Change} at all.
 *
 * @param value the new value, or null to clear it
 */
public record Change(@Nullable String value) {

	public static Change to(@Nullable String value) {
		return new Change(value);
	}

	static @Nullable String applied(@Nullable Change change, @Nullable String current) {
		return (change != null) ? change.value() : current;
	}

}
