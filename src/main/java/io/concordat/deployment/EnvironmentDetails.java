package io.concordat.deployment;

import java.util.List;

import io.concordat.web.Names;
import org.jspecify.annotations.Nullable;

/**
 * What a client says about an environment when creating or replacing it.
 *
 * @param name unique name without spaces
 * @param displayName human name; derived from the name when blank
 * @param production whether it is a production environment
 * @param contacts who is responsible for it, if anyone is named
 */
public record EnvironmentDetails(String name, @Nullable String displayName, boolean production,
		@Nullable List<Contact> contacts) {

	/**
	 * What is wrong with a name, in the Pact Broker's words: environment names are used
	 * in deployment commands, so they are one word.
	 * @return the problem, or null for a good name
	 */
	public static @Nullable String nameProblem(String name) {
		if (name.isEmpty()) {
			return "must be filled";
		}
		if (name.contains("\n")) {
			return "cannot contain multiple lines";
		}
		if (name.chars().anyMatch(Character::isWhitespace)) {
			return "cannot contain spaces";
		}
		return Names.problem(name);
	}

	/**
	 * What is wrong with a display name or a contact's name: they must fit on one line.
	 * @return the problem, or null for a good text
	 */
	public static @Nullable String lineProblem(@Nullable String text) {
		return (text != null) ? Names.textProblem(text) : null;
	}

}
