package io.concordat.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.concordat.ConcordatTest;
import io.concordat.pacticipant.VersionService;
import io.concordat.publication.PactView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.concordat.verification.ConsumerVersionSelector.forMainBranch;
import static io.concordat.verification.ConsumerVersionSelector.latestForBranch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work-in-progress pacts: what a consumer published on a branch shows up in the
 * provider's main build, pending, until the provider's branch has verified it.
 */
@ConcordatTest
class WipPactsTests {

	private static final Duration AN_HOUR = Duration.ofHours(1);

	@Autowired
	ApplicationContext context;

	@Autowired
	VersionService versions;

	History history;

	String consumer;

	PactView onMain;

	PactView onFeature;

	Instant yesterday = Instant.now().minus(Duration.ofDays(1));

	@BeforeEach
	void aConsumerPublishesOnMainThenOnAFeatureBranch() {
		this.history = History.ofNewProvider(this.context);
		this.consumer = this.history.consumer("web");
		this.onMain = this.history.publish(this.consumer, "1.0.0", "main", 1);
		this.onFeature = this.history.publish(this.consumer, "1.1.0", "feat-discounts", 2);
	}

	@Test
	void aPactOnAFeatureBranchIsWipForTheMainBranchUntilVerified() {
		List<VerifiablePact> pacts = this.history.pactsToVerify(mainBuild());

		assertThat(describe(pacts)).containsExactly("1.0.0 pending", "1.1.0 pending wip");
		VerifiablePact wip = pacts.get(1);
		assertThat(VerifiablePactNotices.shortDescription(wip)).isEqualTo("latest from branch feat-discounts");
		assertThat(VerifiablePactNotices.notices(wip, "URL", true, false)).extracting(VerificationNotice::text)
			.startsWith("The pact at URL is being verified because it is a 'work in progress' pact (ie. it is the "
					+ "pact for the latest version of " + this.consumer + " from branch 'feat-discounts' and it has "
					+ "not yet been successfully verified by a version of " + this.history.provider
					+ " from branch 'main' when the pact's application version was explicitly specified in the "
					+ "consumer version selectors). Read more at https://docs.pact.io/go/wip",
					"This pact is in pending state for this version of " + this.history.provider
							+ " because it was included as a 'work in progress' pact. If this verification fails, "
							+ "it will not cause the overall build to fail. Read more at "
							+ "https://docs.pact.io/go/pending");

		this.history.verify(this.onFeature, "2.0.0", "main", false);
		assertThat(describe(this.history.pactsToVerify(mainBuild())))
			.as("a failed verification leaves it work in progress")
			.containsExactly("1.0.0 pending", "1.1.0 pending wip");

		this.history.verify(this.onFeature, "2.0.1", "main", true);
		assertThat(describe(this.history.pactsToVerify(mainBuild()))).containsExactly("1.0.0 pending");
	}

	@Test
	void wipResultsDoNotEndWipStatus() {
		this.history.verifyAsWip(this.onFeature, "2.0.0", "main", true);

		assertThat(describe(this.history.pactsToVerify(mainBuild()))).containsExactly("1.0.0 pending",
				"1.1.0 pending wip");
		assertThat(describe(this.history
			.pactsToVerify(Ask.forSelectors(latestForBranch("feat-discounts")).fromProviderBranch("main"))))
			.as("the WIP result still ends pending status")
			.containsExactly("1.1.0 verified");
	}

	@Test
	void explicitlySelectedPactsAreNotWip() {
		List<VerifiablePact> pacts = this.history
			.pactsToVerify(Ask.forSelectors(forMainBranch(), latestForBranch("feat-discounts"))
				.fromProviderBranch("main")
				.wipSince(this.yesterday));

		assertThat(describe(pacts)).containsExactly("1.0.0 pending", "1.1.0 pending");
	}

	@Test
	void pactsPublishedBeforeTheWipDateAreNotWip() {
		this.history.publishedAgo(this.onFeature, Duration.ofDays(10));

		assertThat(describe(this.history.pactsToVerify(mainBuild().wipSince(Instant.now().minus(Duration.ofDays(5))))))
			.containsExactly("1.0.0 pending");
	}

	@Test
	void onlyTheHeadsOfBranchesAndTagsAreWip() {
		this.history.publish(this.consumer, "1.2.0", "feat-discounts", 3);
		this.history.publish(this.consumer, "1.3.0", "feat-rc", 4, "rc");
		this.history.publish(this.consumer, "1.3.1", "feat-rc", 5);
		this.history.publish(this.consumer, "1.4.0", "feat-other", 6, "other");
		this.history.publish(this.consumer, "1.5.0", "feat-other", 7, "other");

		List<VerifiablePact> pacts = this.history.pactsToVerify(mainBuild());

		assertThat(describe(pacts)).containsExactly("1.0.0 pending", "1.2.0 pending wip", "1.3.0 pending wip",
				"1.3.1 pending wip", "1.5.0 pending wip");
		assertThat(pacts.stream().map(VerifiablePactNotices::shortDescription)).containsExactly(
				"latest from main branch", "latest from branch feat-discounts", "latest with tag rc",
				"latest from branch feat-rc", "latest from branch feat-other, latest with tag other");
		assertThat(VerifiablePactNotices.inclusionReason(pacts.get(4), "URL"))
			.contains("it is the pact for the latest version of " + this.consumer
					+ " from branch 'feat-other' and tagged with 'other' (both have the same content) and it has not");
	}

	@Test
	void aPactVerifiedByAnotherBranchBeforeThisBranchExistedIsNotWip() {
		this.history.verify(this.onFeature, "2.0.0", "main", true);
		this.history.verificationsHappenedAgo(AN_HOUR);

		assertThat(describe(this.history.pactsToVerify(build("feat-new")))).as("while the branch does not exist yet")
			.containsExactly("1.0.0 pending");
		this.versions.addToBranch(this.history.provider, "feat-new", "2.1.0");
		assertThat(describe(this.history.pactsToVerify(build("feat-new")))).containsExactly("1.0.0 pending");
	}

	@Test
	void aPactVerifiedByAnotherBranchAfterThisBranchExistedIsStillWip() {
		this.versions.addToBranch(this.history.provider, "feat-old", "1.9.0");
		this.history.providerBranchCreatedAgo("feat-old", AN_HOUR);
		this.history.verify(this.onFeature, "2.0.0", "main", true);

		assertThat(describe(this.history.pactsToVerify(build("feat-old")))).containsExactly("1.0.0 pending",
				"1.1.0 pending wip");
	}

	@Test
	void withoutAProviderBranchOrTagsThereAreNoWipPacts() {
		assertThat(describe(this.history.pactsToVerify(Ask.forSelectors(forMainBranch()).wipSince(this.yesterday))))
			.containsExactly("1.0.0 pending");
	}

	@Test
	void withProviderTagsAPactIsWipUntilAVersionWithThatTagVerifiedIt() {
		List<VerifiablePact> pacts = this.history
			.pactsToVerify(Ask.forSelectors(forMainBranch()).withProviderTags("main").wipSince(this.yesterday));

		assertThat(describe(pacts)).containsExactly("1.0.0 pending", "1.1.0 pending wip");
		assertThat(pacts.get(1).pendingProviderTags()).containsExactly("main");
		assertThat(VerifiablePactNotices.inclusionReason(pacts.get(1), "URL"))
			.contains("not yet been successfully verified by a version of " + this.history.provider
					+ " with tag 'main' when");

		this.history.verifyWithTags(this.onFeature, "2.0.0", List.of("main"), true);

		assertThat(describe(this.history
			.pactsToVerify(Ask.forSelectors(forMainBranch()).withProviderTags("main").wipSince(this.yesterday))))
			.containsExactly("1.0.0 pending");
	}

	@Test
	void wipPactsAreListedWhetherOrNotPendingStatusWasAskedFor() {
		List<VerifiablePact> pacts = this.history.pactsToVerify(mainBuild().withoutPendingStatus());

		assertThat(pacts).extracting(VerifiablePact::wip).containsExactly(false, true);
		assertThat(VerifiablePactNotices.notices(pacts.get(1), "URL", false, false)).hasSize(1);
	}

	private Ask mainBuild() {
		return build("main");
	}

	private Ask build(String providerBranch) {
		return Ask.forSelectors(forMainBranch()).fromProviderBranch(providerBranch).wipSince(this.yesterday);
	}

	private static List<String> describe(List<VerifiablePact> pacts) {
		return pacts.stream()
			.map((pact) -> pact.pact().consumerVersion() + (pact.isPending() ? " pending" : " verified")
					+ (pact.wip() ? " wip" : ""))
			.toList();
	}

}
