package io.concordat.compatibility;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ruby client's pact does not name the URLs the broker decides: where the client
 * followed a HAL relation, the recorded path is a placeholder such as
 * {@code /HAL-REL-PLACEHOLDER-PB-PACTICIPANT-BRANCH-Foo-main}. This maps each placeholder
 * to the path that relation has in the Pact Broker API (and in Concordat), as the Pact
 * Broker's own verification of this pact does.
 */
final class HalRelationPlaceholders {

	private static final String NAME = "([A-Za-z0-9]+)";

	private static final String UUID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

	/**
	 * The environment the record-deployment and record-release placeholders point at: the
	 * one their provider state creates. The client upper-cased the rest of the relation,
	 * so those two are spelled out whole.
	 */
	private static final String TEST_ENVIRONMENT = "cb632df3-0a0d-4227-aac3-60114dd36479";

	private static final List<Replacement> RELATIONS = List.of(
			relation("INDEX-PB-LATEST-TAGGED-VERSION-" + NAME + "-" + NAME, "/pacticipants/$1/latest-version/$2"),
			relation("INDEX-PB-LATEST-VERSION-" + NAME, "/pacticipants/$1/latest-version"),
			relation("PB-PACTICIPANT-BRANCH-" + NAME + "-" + NAME, "/pacticipants/$1/branches/$2"),
			relation("PB-PACTICIPANT-VERSION-" + NAME + "-" + NAME, "/pacticipants/$1/versions/$2"),
			relation("PB-PUBLISH-CONTRACTS", "/contracts/publish"), relation("PB-WEBHOOKS", "/webhooks"),
			relation("PB-ENVIRONMENTS", "/environments"), relation("PB-ENVIRONMENT-" + UUID, "/environments/$1"),
			relation("PB-RECORD-DEPLOYMENT-FOO-5556B8149BF8BAC76BC30F50A8A2DD4C22C85F30-TEST",
					"/pacticipants/Foo/versions/5556b8149bf8bac76bc30f50a8a2dd4c22c85f30/deployed-versions/environment/"
							+ TEST_ENVIRONMENT),
			relation("PB-RECORD-RELEASE-FOO-5556B8149BF8BAC76BC30F50A8A2DD4C22C85F30-TEST",
					"/pacticipants/Foo/versions/5556b8149bf8bac76bc30f50a8a2dd4c22c85f30/released-versions/environment/"
							+ TEST_ENVIRONMENT),
			new Replacement(Pattern.compile("/PLACEHOLDER-ENVIRONMENT-CURRENTLY-DEPLOYED-" + UUID),
					"/environments/$1/deployed-versions/currently-deployed"),
			new Replacement(Pattern.compile("/PLACEHOLDER-DEPLOYED-VERSION-" + UUID), "/deployed-versions/$1"));

	private HalRelationPlaceholders() {
	}

	/**
	 * The real path for a recorded path (with or without a query string); paths without a
	 * placeholder are returned as they are.
	 * @throws IllegalArgumentException for a placeholder this class does not know
	 */
	static String resolve(String path) {
		int query = path.indexOf('?');
		String rawPath = (query >= 0) ? path.substring(0, query) : path;
		String rest = (query >= 0) ? path.substring(query) : "";
		for (Replacement replacement : RELATIONS) {
			Matcher matcher = replacement.placeholder().matcher(rawPath);
			if (matcher.matches()) {
				return matcher.replaceFirst(replacement.path()) + rest;
			}
		}
		if (rawPath.contains("PLACEHOLDER")) {
			throw new IllegalArgumentException("No real path known for the placeholder " + rawPath);
		}
		return path;
	}

	private static Replacement relation(String placeholder, String path) {
		return new Replacement(Pattern.compile("/HAL-REL-PLACEHOLDER-" + placeholder), path);
	}

	private record Replacement(Pattern placeholder, String path) {
	}

}
