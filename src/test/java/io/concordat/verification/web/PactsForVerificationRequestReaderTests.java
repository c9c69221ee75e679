package io.concordat.verification.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.concordat.verification.ConsumerVersionSelector;
import io.concordat.verification.NoDeploymentsRecorded;
import io.concordat.verification.PactsForVerificationRequest;
import io.concordat.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The request rules of pacts-for-verification, each refusal naming the field (and the
 * selector's index) in the Pact Broker's words.
 */
class PactsForVerificationRequestReaderTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final PactsForVerificationRequestReader validation = new PactsForVerificationRequestReader(
			new NoDeploymentsRecorded());

	@Test
	void aSelectorMustSaySomethingToSelectBy() {
		assertThat(selectorErrors("{\"consumer\": \"web\"}", "{\"latest\": false}")).containsExactly(
				"must specify a value for environment or tag or branch, or specify mainBranch=true, matchingBranch=true, "
						+ "latest=true, deployed=true, released=true or deployedOrReleased=true (at index 0)",
				"must specify a value for environment or tag or branch, or specify mainBranch=true, matchingBranch=true, "
						+ "latest=true, deployed=true, released=true or deployedOrReleased=true (at index 1)");
	}

	@Test
	void mainBranchGoesWithConsumerAndLatestTrueOnly() {
		assertThat(
				selectorErrors("{\"mainBranch\": true, \"tag\": \"prod\"}", "{\"mainBranch\": true, \"latest\": false}",
						"{\"mainBranch\": false}", "{\"mainBranch\": true, \"latest\": true, \"consumer\": \"web\"}"))
			.containsExactly("cannot specify mainBranch=true with any other criteria apart from consumer (at index 0)",
					"cannot specify mainBranch=true with latest=false (at index 1)",
					"mainBranch must be one of: true (at index 2)");
	}

	@Test
	void matchingBranchNeedsTheProviderVersionBranchAndNothingElse() {
		assertThat(selectorErrors("{\"matchingBranch\": true}")).containsExactly(
				"the providerVersionBranch must be specified when the selector matchingBranch=true is used (at index 0)");
		assertThat(errors("{\"providerVersionBranch\": \"main\", \"consumerVersionSelectors\": "
				+ "[{\"matchingBranch\": true, \"latest\": true}]}"))
			.containsEntry("consumerVersionSelectors", List
				.of("cannot specify matchingBranch=true with any other criteria apart from consumer (at index 0)"));
	}

	@Test
	void aTagAndABranchCannotBeCombined() {
		assertThat(selectorErrors("{\"tag\": \"prod\", \"branch\": \"main\"}"))
			.containsExactly("cannot specify both a tag and a branch (at index 0)");
	}

	@Test
	void branchFieldsAndEnvironmentFieldsCannotBeMixed() {
		assertThat(selectorErrors("{\"branch\": \"main\", \"latest\": true, \"deployed\": true}"))
			.containsExactly("cannot specify the fields branch/latest with the field deployed (at index 0)");
	}

	@Test
	void fallbacksNeedWhatTheyFallBackFrom() {
		assertThat(selectorErrors("{\"tag\": \"feat\", \"fallbackTag\": \"main\"}",
				"{\"fallbackTag\": \"main\", " + "\"latest\": true}",
				"{\"fallbackBranch\": \"main\", \"latest\": true}",
				"{\"branch\": \"feat\", \"fallbackBranch\": \"main\", \"latest\": false}"))
			.containsExactly("fallbackTag can only be set if latest is true (at index 0)",
					"a tag must be specified when a fallbackTag is specified (at index 1)",
					"a branch must be specified when a fallbackBranch is specified (at index 2)",
					"fallbackBranch can only be set if latest is true (at index 3)",
					"cannot specify a branch with latest=false (at index 3)");
	}

	@Test
	void anEnvironmentMustExistAndNoneDoesUntilDeploymentsAreRecorded() {
		assertThat(selectorErrors("{\"environment\": \"production\"}",
				"{\"deployed\": true, \"environment\": " + "\"test\"}"))
			.containsExactly("environment with name 'production' does not exist (at index 0)",
					"environment with name 'test' does not exist (at index 1)");
	}

	@Test
	void deployedReleasedAndDeployedOrReleasedExcludeEachOther() {
		assertThat(selectorErrors("{\"deployed\": true, \"released\": true}",
				"{\"deployed\": true, \"deployedOrReleased\": true}",
				"{\"released\": true, \"deployedOrReleased\": true}"))
			.containsExactly("cannot specify both deployed=true and released=true (at index 0)",
					"cannot specify both deployed=true and deployedOrReleased=true (at index 1)",
					"cannot specify both released=true and deployedOrReleased=true (at index 2)");
	}

	@Test
	void wrongTypesAreNamedBeforeAnyRule() {
		assertThat(selectorErrors("{\"tag\": 1, \"latest\": \"yes\"}", "{\"branch\": false}",
				"{\"consumer\": \" \", " + "\"latest\": true}", "\"mainBranch\""))
			.containsExactly("latest must be one of: true, false (at index 0)", "tag must be a string (at index 0)",
					"branch must be a string or must be equal to true (at index 1)",
					"consumer cannot be blank (at index 2)", "must be a hash (at index 3)");
		assertThat(errors("{\"consumerVersionSelectors\": {}, \"providerVersionTags\": \"main\", "
				+ "\"includePendingStatus\": \"yes\", \"providerVersionBranch\": 1}"))
			.containsEntry("consumerVersionSelectors", List.of("must be an array"))
			.containsEntry("providerVersionTags", List.of("must be an array"))
			.containsEntry("includePendingStatus", List.of("must be one of: true, false"))
			.containsEntry("providerVersionBranch", List.of("must be a string"));
	}

	@Test
	void includeWipPactsSinceMustBeADate() {
		assertThat(errors("{\"includeWipPactsSince\": \"last tuesday\"}")).containsEntry("includeWipPactsSince",
				List.of("must be a date"));
		assertThat(read("{\"includeWipPactsSince\": \"2024-01-01\"}").includeWipPactsSince())
			.isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
		assertThat(read("{\"includeWipPactsSince\": \"2024-01-01T10:00:00+02:00\"}").includeWipPactsSince())
			.isEqualTo(Instant.parse("2024-01-01T08:00:00Z"));
	}

	@Test
	void anEmptyProviderVersionBranchIsRefusedOnlyWherePendingOrWipWouldUseIt() {
		String message = "when pending or WIP pacts are enabled and there are no tags provided, the provider version "
				+ "branch must not be an empty string, as it is used in the calculations for WIP/pending. A value must "
				+ "be provided (recommended), or it must not be set at all.";
		assertThat(errors("{\"providerVersionBranch\": \"\", \"includePendingStatus\": true}"))
			.containsEntry("providerVersionBranch", List.of(message));
		assertThat(errors("{\"providerVersionBranch\": \"\", \"includeWipPactsSince\": \"2024-01-01\"}"))
			.containsEntry("providerVersionBranch", List.of(message));
		assertThat(errors("{\"providerVersionBranch\": \"  \"}")).containsEntry("providerVersionBranch",
				List.of("cannot be blank"));
		assertThat(read("{\"providerVersionBranch\": \"\", \"includePendingStatus\": true, \"providerVersionTags\": "
				+ "[\"main\"]}")
			.providerVersionBranch()).isNull();
		assertThat(read("{\"providerVersionBranch\": \"\"}").providerVersionBranch()).isNull();
	}

	@Test
	void branchSelectorsImplyLatestAndDeployedOrReleasedIsSplitInTwo() {
		PactsForVerificationRequest request = read("{\"providerVersionBranch\": \"feat-x\", "
				+ "\"consumerVersionSelectors\": [{\"mainBranch\": true}, {\"branch\": \"main\", \"consumer\": \"web\"}, "
				+ "{\"matchingBranch\": true}, {\"branch\": true}, {\"tag\": \"prod\"}, {\"tag\": \"prod\", "
				+ "\"latest\": true, \"fallbackTag\": \"main\"}, {\"deployedOrReleased\": true, \"consumer\": \"web\"}]}");

		assertThat(request.selectors()).containsExactly(ConsumerVersionSelector.forMainBranch(),
				ConsumerVersionSelector.latestForBranch("main").forConsumer("web"),
				ConsumerVersionSelector.latestForBranch("feat-x").matching("feat-x"),
				ConsumerVersionSelector.latestForEveryBranch(), ConsumerVersionSelector.allForTag("prod"),
				ConsumerVersionSelector.latestForTag("prod").withFallbackTag("main"),
				ConsumerVersionSelector.currentlyDeployed(null).forConsumer("web"),
				ConsumerVersionSelector.currentlySupported(null).forConsumer("web"));
		assertThat(request.selectors()).extracting(ConsumerVersionSelector::kind)
			.containsExactly(ConsumerVersionSelector.Kind.MAIN_BRANCH, ConsumerVersionSelector.Kind.BRANCH,
					ConsumerVersionSelector.Kind.BRANCH, ConsumerVersionSelector.Kind.EVERY_BRANCH,
					ConsumerVersionSelector.Kind.ALL_TAG, ConsumerVersionSelector.Kind.LATEST_TAG,
					ConsumerVersionSelector.Kind.DEPLOYED, ConsumerVersionSelector.Kind.RELEASED);
	}

	@Test
	void snakeCaseKeysMeanTheSameAsCamelCase() {
		PactsForVerificationRequest request = read("{\"provider_version_branch\": \"main\", "
				+ "\"provider_version_tags\": [\"dev\"], \"include_pending_status\": false, "
				+ "\"include_wip_pacts_since\": \"2024-01-01\", \"consumer_version_selectors\": "
				+ "[{\"main_branch\": true}, {\"tag\": \"feat\", \"latest\": true, \"fallback_tag\": \"main\"}]}");

		assertThat(request).isEqualTo(new PactsForVerificationRequest(
				List.of(ConsumerVersionSelector.forMainBranch(),
						ConsumerVersionSelector.latestForTag("feat").withFallbackTag("main")),
				"main", List.of("dev"), false, Instant.parse("2024-01-01T00:00:00Z")));
	}

	@Test
	void anEmptyRequestAsksForTheDefaultsWithPendingStatus() {
		assertThat(read("{}")).isEqualTo(PactsForVerificationRequest.defaults());
	}

	private PactsForVerificationRequest read(String body) {
		return this.validation.read(json.readTree(body));
	}

	private List<String> selectorErrors(String... selectors) {
		List<String> messages = errors("{\"consumerVersionSelectors\": [" + String.join(", ", selectors) + "]}")
			.get("consumerVersionSelectors");
		assertThat(messages).isNotNull();
		return messages;
	}

	private Map<String, List<String>> errors(String body) {
		JsonNode tree = json.readTree(body);
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
				() -> this.validation.read(tree));
		assertThat(refused).as("refused").isNotNull();
		return refused.fieldErrors().byField();
	}

}
