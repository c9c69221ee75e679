package io.concordat.pacticipant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Derives a display name from a pacticipant name the way the Pact Broker does: words
 * split on dashes, underscores, spaces and camel case, each capitalised
 * ({@code orders-api} → {@code Orders Api}). Environments get theirs the same way.
 */
public final class DisplayNames {

	private DisplayNames() {
	}

	public static String derive(String name) {
		List<String> words = new ArrayList<>();
		for (String part : name.split("[-_\\s]+")) {
			for (String word : part.split("(?<=[a-z0-9])(?=[A-Z])")) {
				if (!word.isEmpty()) {
					words.add(word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
				}
			}
		}
		return words.isEmpty() ? name : String.join(" ", words);
	}

}
