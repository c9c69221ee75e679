package io.concordat.verification;

import java.util.List;

import io.concordat.ConcordatTest;
import io.concordat.verification.web.PactsForVerificationRequestReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.concordat.verification.ConsumerVersionSelector.allForTag;
import static io.concordat.verification.ConsumerVersionSelector.currentlyDeployed;
import static io.concordat.verification.ConsumerVersionSelector.currentlySupported;
import static io.concordat.verification.ConsumerVersionSelector.forMainBranch;
import static io.concordat.verification.ConsumerVersionSelector.latestForBranch;
import static io.concordat.verification.ConsumerVersionSelector.latestForEveryBranch;
import static io.concordat.verification.ConsumerVersionSelector.latestForTag;
import static io.concordat.verification.ConsumerVersionSelector.overallLatest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which pacts each consumer version selector selects, over small histories published
 * through the real services.
 */
@ConcordatTest
class SelectorResolutionTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	PactsForVerificationRequestReader validation;

	History history;

	@BeforeEach
	void newProvider() {
		this.history = History.ofNewProvider(this.context);
	}

	@Test
	void mainBranchSelectsThePactOfEachConsumersMainBranchHead() {
		String web = this.history.consumer("web");
		String mobile = this.history.consumer("mobile");
		this.history.publish(web, "1.0.0", "main", 1);
		this.history.publish(web, "1.1.0", "main", 2);
		this.history.publish(web, "2.0.0", "feat-x", 3);
		this.history.publish(mobile, "5.0.0", "master", 4);

		List<VerifiablePact> pacts = this.history.pactsToVerify(Ask.forSelectors(forMainBranch()));

		assertThat(versions(pacts)).containsExactly(mobile + " 5.0.0", web + " 1.1.0");
		assertThat(pacts.get(0).selectors().get(0).branch()).isEqualTo("master");
	}

	@Test
	void aBranchHeadWithoutAPactForThisProviderSelectsNothingForThatConsumer() {
		String web = this.history.consumer("web");
		this.history.publish(web, "1.0.0", "main", 1);
		this.history.versionWithoutPact(web, "1.1.0", "main");

		assertThat(this.history.pactsToVerify(Ask.forSelectors(forMainBranch()))).isEmpty();
		assertThat(versions(this.history.pactsToVerify(Ask.forSelectors(overallLatest()))))
			.containsExactly(web + " 1.0.0");
	}

	@Test
	void theBranchHeadIsTheVersionLastAddedToTheBranchNotTheNewest() {
		String web = this.history.consumer("web");
		this.history.publish(web, "1.0.0", "feat-x", 1);
		this.history.publish(web, "2.0.0", "main", 2);
		this.history.addToBranch(web, "1.0.0", "main");

		assertThat(versions(this.history.pactsToVerify(Ask.forSelectors(forMainBranch()))))
			.containsExactly(web + " 1.0.0");
	}

	@Test
	void aBranchSelectsThePactOfThatBranchsHeadOfEveryConsumer() {
		String web = this.history.consumer("web");
		String mobile = this.history.consumer("mobile");
		this.history.publish(web, "1.0.0", "feat-x", 1);
		this.history.publish(web, "1.1.0", "feat-x", 2);
		this.history.publish(mobile, "3.0.0", "feat-x", 3);
		this.history.publish(mobile, "3.1.0", "main", 4);

		List<VerifiablePact> pacts = this.history.pactsToVerify(Ask.forSelectors(latestForBranch("feat-x")));

		assertThat(versions(pacts)).containsExactly(mobile + " 3.0.0", web + " 1.1.0");
		assertThat(VerifiablePactNotices.shortDescription(pacts.get(1))).isEqualTo("latest from branch feat-x");
	}

	@Test
	void branchTrueSelectsTheHeadOfEveryBranch() {
		String web = this.history.consumer("web");
		this.history.publish(web, "1.0.0", "main", 1);
		this.history.publish(web, "1.1.0", "main", 2);
		this.history.publish(web, "2.0.0", "feat-x", 3);
		this.history.publish(web, "3.0.0", "feat-y", 4);

		List<VerifiablePact> pacts = this.history.pactsToVerify(Ask.forSelectors(latestForEveryBranch()));

		assertThat(versions(pacts)).containsExactly(web + " 1.1.0", web + " 2.0.0", web + " 3.0.0");
		assertThat(pacts.stream().map(VerifiablePactNotices::shortDescription))
			.containsExactly("latest from branch main", "latest from branch feat-x", "latest from branch feat-y");
	}

	@Test
	void matchingBranchSelectsTheConsumerBranchNamedLikeTheProviderBranch() {
		String web = this.history.consumer("web");
		this.history.publish(web, "1.0.0", "main", 1);
		this.history.publish(web, "1.1.0", "feat-discounts", 2);

		PactsForVerificationRequest request = this.validation.read(JsonMapper.builder()
			.build()
			.readTree("{\"consumerVersionSelectors\": [{\"matchingBranch\": true}], "
					+ "\"providerVersionBranch\": \"feat-discounts\"}"));
		List<VerifiablePact> pacts = this.history
			.pactsToVerify(Ask.forSelectors(request.selectors().toArray(ConsumerVersionSelector[]::new))
				.fromProviderBranch("feat-discounts"));

		assertThat(versions(pacts)).containsExactly(web + " 1.1.0");
		assertThat(pacts.get(0).selectors().get(0).selector().matchingBranch()).isTrue();
	}

	@Test
	void fallbackBranchIsUsedOnlyWhenTheBranchHasNoPact() {
		String web = this.history.consumer("web");
		String mobile = this.history.consumer("mobile");
		this.history.publish(web, "1.0.0", "main", 1);
		this.history.publish(web, "1.1.0", "feat-x", 2);
		this.history.publish(mobile, "3.0.0", "main", 3);

		List<VerifiablePact> pacts = this.history
			.pactsToVerify(Ask.forSelectors(latestForBranch("feat-x").withFallbackBranch("main")));

		assertThat(versions(pacts)).containsExactly(mobile + " 3.0.0", web + " 1.1.0");
		ResolvedSelector fallback = pacts.get(0).selectors().get(0);
		assertThat(fallback.fallbackUsed()).isTrue();
		assertThat(pacts.get(1).selectors().get(0).fallbackUsed()).isFalse();
		assertThat(VerifiablePactNotices.shortDescription(pacts.get(0))).isEqualTo("latest from branch main");
		assertThat(VerifiablePactNotices.inclusionReason(pacts.get(0), "URL")).endsWith(
				"* latest version from branch 'main' (fallback branch used as no pact was found from branch 'feat-x') "
						+ "(3.0.0)");
	}

	@Test
	void latestWithATagIsThePactOfTheLatestVersionWithTheTag() {
		String web = this.history.consumer("web");
		this.history.publish(web, "1.0.0", null, 1, "prod");
		this.history.publish(web, "1.1.0", null, 2, "prod");
		this.history.publish(web, "1.2.0", null, 3);
		this.history.versionWithoutPact(this.history.consumer("other"), "9.0.0", null, "prod");

		List<VerifiablePact> pacts = this.history.pactsToVerify(Ask.forSelectors(latestForTag("prod")));

		assertThat(versions(pacts)).containsExactly(web + " 1.1.0");
	}

	@Test
	void fallbackTagIsUsedOnlyWhenTheTagHasNoPact() {
		String web = this.history.consumer("web");
		String mobile = this.history.consumer("mobile");
		this.history.publish(web, "1.0.0", null, 1, "main");
		this.history.publish(web, "1.1.0", null, 2, "feat-x");
		this.history.publish(mobile, "3.0.0", null, 3, "main");
		this.history.publish(mobile, "2.0.0", null, 4, "other");

		List<VerifiablePact> pacts = this.history
			.pactsToVerify(Ask.forSelectors(latestForTag("feat-x").withFallbackTag("main")));

		assertThat(versions(pacts)).containsExactly(mobile + " 3.0.0", web + " 1.1.0");
		assertThat(pacts.get(0).selectors().get(0).fallbackUsed()).isTrue();
		assertThat(VerifiablePactNotices.shortDescription(pacts.get(0))).isEqualTo("latest with tag main");
		assertThat(VerifiablePactNotices.inclusionReason(pacts.get(0), "URL")).endsWith(
				"* latest version tagged 'main' (fallback tag used as no pact was found with tag 'feat-x') (3.0.0)");
		assertThat(VerifiablePactNotices.shortDescription(pacts.get(1))).isEqualTo("latest with tag feat-x");
	}

	@Test
	void aTagWithoutLatestSelectsEveryTaggedVersionOnceForEachContent() {
		String web = this.history.consumer("web");
		String mobile = this.history.consumer("mobile");
		this.history.publish(web, "1.0.0", null, 1, "prod");
		this.history.publish(web, "1.1.0", null, 2, "prod");
		this.history.publish(web, "1.2.0", null, 2, "prod");
		this.history.publish(web, "1.3.0", null, 3);
		this.history.publish(mobile, "7.0.0", null, 4, "prod");

		List<VerifiablePact> pacts = this.history.pactsToVerify(Ask.forSelectors(allForTag("prod")));

		assertThat(versions(pacts)).containsExactly(mobile + " 7.0.0", web + " 1.0.0", web + " 1.2.0");
		VerifiablePact sameContent = pacts.get(2);
		assertThat(sameContent.selectors()).extracting(ResolvedSelector::consumerVersion)
			.containsExactly("1.1.0", "1.2.0");
		assertThat(VerifiablePactNotices.shortDescription(sameContent)).isEqualTo("one of prod, one of prod");
		assertThat(VerifiablePactNotices.inclusionReason(sameContent, "URL"))
			.endsWith("the consumer versions matching the following criteria:\n"
					+ "    * all consumer versions tagged 'prod' (1.1.0)\n"
					+ "    * all consumer versions tagged 'prod' (1.2.0)");
	}

	@Test
	void overallLatestIsEachConsumersLatestPact() {
		String web = this.history.consumer("web");
		String mobile = this.history.consumer("mobile");
		this.history.publish(web, "1.0.0", "main", 1);
		this.history.publish(web, "2.0.0", "feat-x", 2);
		this.history.publish(mobile, "3.0.0", null, 3);

		List<VerifiablePact> pacts = this.history.pactsToVerify(Ask.forSelectors(overallLatest()));

		assertThat(versions(pacts)).containsExactly(mobile + " 3.0.0", web + " 2.0.0");
		assertThat(VerifiablePactNotices.inclusionReason(pacts.get(1), "URL"))
			.endsWith("* latest version of a consumer that has a pact with " + this.history.provider + " (2.0.0)");
	}

	@Test
	void aConsumerSelectorRestrictsTheSelectionToThatConsumer() {
		String web = this.history.consumer("web");
		String mobile = this.history.consumer("mobile");
		this.history.publish(web, "1.0.0", "main", 1);
		this.history.publish(mobile, "3.0.0", "main", 2);

		List<VerifiablePact> pacts = this.history.pactsToVerify(Ask.forSelectors(forMainBranch().forConsumer(web),
				overallLatest().forConsumer(this.history.consumer("nobody"))));

		assertThat(versions(pacts)).containsExactly(web + " 1.0.0");
		assertThat(VerifiablePactNotices.inclusionReason(pacts.get(0), "URL"))
			.endsWith("* latest version of " + web + " from the main branch 'main' (1.0.0)");
	}

	@Test
	void identicalContentFromTwoSelectorsIsOneEntryWithBothReasons() {
		String web = this.history.consumer("web");
		this.history.publish(web, "1.0.0", "main", 1, "prod");
		this.history.publish(web, "1.1.0", "main", 1);

		List<VerifiablePact> pacts = this.history
			.pactsToVerify(Ask.forSelectors(latestForTag("prod"), forMainBranch()));

		assertThat(versions(pacts)).containsExactly(web + " 1.1.0");
		VerifiablePact pact = pacts.get(0);
		assertThat(VerifiablePactNotices.shortDescription(pact))
			.isEqualTo("latest from main branch, latest with tag prod");
		assertThat(VerifiablePactNotices.inclusionReason(pact, "https://broker/pact"))
			.isEqualTo("The pact at https://broker/pact is being verified because the pact content belongs to the "
					+ "consumer versions matching the following criteria:\n"
					+ "    * latest version from the main branch 'main' (1.1.0)\n"
					+ "    * latest version tagged 'prod' (1.0.0)");
	}

	@Test
	void defaultsAreTheMainBranchHeadElseTheMainBranchTagElseTheLatest() {
		String withBranch = this.history.consumer("a-branch");
		this.history.publish(withBranch, "1.0.0", "main", 1);
		this.history.publish(withBranch, "1.1.0", "feat-x", 2);
		String withTag = this.history.consumer("b-tag");
		this.history.publish(withTag, "2.0.0", null, 3, "release", "main");
		this.history.publish(withTag, "2.1.0", null, 4, "release");
		String withNeither = this.history.consumer("c-neither");
		this.history.publish(withNeither, "3.0.0", "feat-y", 5);
		this.history.publish(withNeither, "3.1.0", "feat-z", 6);

		List<VerifiablePact> pacts = this.history.pactsToVerify(Ask.forDefaults());

		assertThat(versions(pacts)).containsExactly(withBranch + " 1.0.0", withTag + " 2.0.0", withNeither + " 3.1.0");
		assertThat(pacts.stream().map(VerifiablePactNotices::shortDescription))
			.containsExactly("latest from main branch", "latest with tag main", "latest");
		assertThat(VerifiablePactNotices.inclusionReason(pacts.get(1), "URL"))
			.endsWith("* latest version of " + withTag + " tagged 'main' (2.0.0)");
	}

	@Test
	void deployedAndReleasedSelectNothingUntilDeploymentsAreRecorded() {
		String web = this.history.consumer("web");
		this.history.publish(web, "1.0.0", "main", 1);

		assertThat(this.history.pactsToVerify(Ask.forSelectors(currentlyDeployed(null), currentlySupported(null))))
			.isEmpty();
		assertThat(versions(this.history.pactsToVerify(Ask.forSelectors(forMainBranch(), currentlyDeployed(null)))))
			.containsExactly(web + " 1.0.0");
	}

	static List<String> versions(List<VerifiablePact> pacts) {
		return pacts.stream().map((pact) -> pact.pact().consumer() + " " + pact.pact().consumerVersion()).toList();
	}

}
