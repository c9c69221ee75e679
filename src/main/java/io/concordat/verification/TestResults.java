package io.concordat.verification;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the per-interaction outcomes out of a verifier's {@code testResults}: the current
 * shape (an array of {@code {interactionId, interactionDescription, success, mismatches,
 * exceptions}}, sent by pact_verifier and pact-jvm) and the old Ruby one
 * ({@code {"tests": [{testDescription, status, exception}]}}).
 */
final class TestResults {

	private TestResults() {
	}

	static List<InteractionOutcome> outcomes(@Nullable JsonNode testResults) {
		List<InteractionOutcome> outcomes = new ArrayList<>();
		if (testResults == null) {
			return outcomes;
		}
		if (testResults.isArray()) {
			for (JsonNode result : testResults) {
				if (result.isObject()) {
					outcomes.add(current(result));
				}
			}
		}
		else if (testResults.isObject() && testResults.path("tests").isArray()) {
			for (JsonNode test : testResults.get("tests")) {
				if (test.isObject()) {
					outcomes.add(legacy(test));
				}
			}
		}
		return outcomes;
	}

	private static InteractionOutcome current(JsonNode result) {
		List<InteractionOutcome.Mismatch> mismatches = new ArrayList<>();
		for (JsonNode mismatch : result.path("mismatches")) {
			if (mismatch.isObject()) {
				String description = firstText(mismatch, "description", "mismatch", "message");
				mismatches.add(new InteractionOutcome.Mismatch(text(mismatch, "attribute"),
						firstText(mismatch, "identifier", "path"),
						(description != null) ? description : mismatch.toString()));
			}
			else if (mismatch.isString()) {
				mismatches.add(new InteractionOutcome.Mismatch(null, null, mismatch.asString()));
			}
		}
		for (JsonNode exception : result.path("exceptions")) {
			String message = exception.isObject() ? text(exception, "message") : exception.asString();
			mismatches.add(new InteractionOutcome.Mismatch("exception", null,
					(message != null) ? message : exception.toString()));
		}
		JsonNode success = result.get("success");
		boolean passed = (success != null && success.isBoolean()) ? success.asBoolean() : mismatches.isEmpty();
		return new InteractionOutcome(text(result, "interactionId"),
				firstText(result, "interactionDescription", "description", "testDescription"), passed, mismatches);
	}

	private static InteractionOutcome legacy(JsonNode test) {
		String status = text(test, "status");
		boolean passed = "passed".equals(status) || (status == null && !test.has("exception"));
		List<InteractionOutcome.Mismatch> mismatches = new ArrayList<>();
		JsonNode exception = test.get("exception");
		if (exception != null && !exception.isNull()) {
			String message = exception.isObject() ? text(exception, "message") : exception.asString();
			mismatches.add(new InteractionOutcome.Mismatch("exception", null,
					(message != null) ? message : exception.toString()));
		}
		return new InteractionOutcome(text(test, "interactionId"), firstText(test, "testDescription", "description"),
				passed, mismatches);
	}

	private static @Nullable String firstText(JsonNode node, String... fields) {
		for (String field : fields) {
			String value = text(node, field);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
