package io.concordat.matrix;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of the fields a consumer reads a verifier's mismatches are about. Verifiers name
 * a field either in the mismatch's path ({@code $.total_cents}) or only in its text
 * ("Actual map is missing the following keys: total_cents"), so both are searched for the
 * field's last name.
 */
final class FieldNames {

	private static final Pattern LAST_NAME = Pattern.compile("([A-Za-z0-9_\\-]+)['\"\\]]*$");

	private FieldNames() {
	}

	static List<String> named(List<String> readPaths, List<FailedInteraction.Mismatch> mismatches) {
		Set<String> named = new LinkedHashSet<>();
		for (String path : readPaths) {
			String last = lastName(path);
			if (last == null) {
				continue;
			}
			Pattern word = Pattern.compile("(?<![A-Za-z0-9_\\-])" + Pattern.quote(last) + "(?![A-Za-z0-9_\\-])");
			for (FailedInteraction.Mismatch mismatch : mismatches) {
				String identifier = (mismatch.identifier() != null) ? mismatch.identifier() : "";
				if (identifier.equals(path) || word.matcher(identifier).find()
						|| onlyOnOneSide(word, mismatch.description())) {
					named.add(path);
				}
			}
		}
		return List.copyOf(named);
	}

	/**
	 * A name the text mentions once: "Expected keys [id, total_cents] but received
	 * [amount_cents, id]" is about {@code total_cents}, not {@code id}.
	 */
	private static boolean onlyOnOneSide(Pattern word, String text) {
		return word.matcher(text).results().count() == 1;
	}

	static @org.jspecify.annotations.Nullable String lastName(String path) {
		var matcher = LAST_NAME.matcher(path);
		if (!matcher.find()) {
			return null;
		}
		String name = matcher.group(1);
		return name.chars().allMatch(Character::isDigit) ? null : name;
	}

}
