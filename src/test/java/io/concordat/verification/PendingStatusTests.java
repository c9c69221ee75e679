package io.concordat.verification;

import java.time.Duration;
import java.util.List;

import io.concordat.ConcordatTest;
import io.concordat.pacticipant.VersionService;
import io.concordat.publication.PactView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.concordat.verification.ConsumerVersionSelector.forMainBranch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a pact's failure must not fail the provider's build: until the provider (its
 * branch, its tags) has verified that content successfully.
 */
@ConcordatTest
class PendingStatusTests {

	private static final Duration AN_HOUR = Duration.ofHours(1);

	@Autowired
	ApplicationContext context;

	@Autowired
	VersionService versions;

	@Autowired
	JdbcClient jdbc;

	History history;

	String consumer;

	PactView pact;

	@BeforeEach
	void aConsumerPublishesOnItsMainBranch() {
		this.history = History.ofNewProvider(this.context);
		this.consumer = this.history.consumer("web");
		this.pact = this.history.publish(this.consumer, "1.0.0", "main", 1);
	}

	@Test
	void aNewPactIsPendingForTheProviderBranch() {
		VerifiablePact pact = onlyPact(Ask.forSelectors(forMainBranch()).fromProviderBranch("main"));

		assertThat(pact.pending()).isTrue();
		assertThat(pact.providerBranch()).isEqualTo("main");
	}

	@Test
	void aPactIsNoLongerPendingOnceTheBranchVerifiedItSuccessfully() {
		this.history.verify(this.pact, "2.0.0", "main", true);

		VerifiablePact pact = onlyPact(Ask.forSelectors(forMainBranch()).fromProviderBranch("main"));

		assertThat(pact.pending()).isFalse();
		assertThat(VerifiablePactNotices.notices(pact, "URL", true, false)).extracting(VerificationNotice::text)
			.containsExactly(VerifiablePactNotices.inclusionReason(pact, "URL"),
					"This pact has previously been successfully verified by a version of " + this.history.provider
							+ " from branch 'main'. If this verification fails, it will fail the build. Read more at "
							+ "https://docs.pact.io/go/pending");
	}

	@Test
	void aFailedVerificationDoesNotEndPending() {
		this.history.verify(this.pact, "2.0.0", "main", false);

		assertThat(onlyPact(Ask.forSelectors(forMainBranch()).fromProviderBranch("main")).pending()).isTrue();
	}

	@Test
	void aSuccessfulVerificationCountsForEveryConsumerVersionWithTheSameContent() {
		this.history.verify(this.pact, "2.0.0", "main", true);
		this.history.publish(this.consumer, "1.1.0", "main", 1);
		this.history.publish(this.consumer, "1.2.0", "feat-x", 2);

		List<VerifiablePact> pacts = this.history
			.pactsToVerify(Ask.forSelectors(forMainBranch(), ConsumerVersionSelector.latestForBranch("feat-x"))
				.fromProviderBranch("main"));

		assertThat(pacts).extracting((pact) -> pact.pact().consumerVersion() + " pending=" + pact.pending())
			.containsExactly("1.1.0 pending=false", "1.2.0 pending=true");
	}

	@Test
	void aSuccessfulVerificationOnAnotherBranchBeforeThisBranchExistedEndsPending() {
		this.history.verify(this.pact, "2.0.0", "main", true);
		this.history.verificationsHappenedAgo(AN_HOUR);

		assertThat(onlyPact(Ask.forSelectors(forMainBranch()).fromProviderBranch("feat-new")).pending())
			.as("while the branch does not exist yet")
			.isFalse();

		this.versions.addToBranch(this.history.provider, "feat-new", "2.1.0");
		assertThat(onlyPact(Ask.forSelectors(forMainBranch()).fromProviderBranch("feat-new")).pending())
			.as("once the branch exists")
			.isFalse();
	}

	@Test
	void aSuccessfulVerificationOnAnotherBranchAfterThisBranchWasCreatedDoesNotEndPending() {
		this.versions.addToBranch(this.history.provider, "feat-old", "1.9.0");
		this.history.providerBranchCreatedAgo("feat-old", AN_HOUR);
		this.history.verify(this.pact, "2.0.0", "main", true);

		assertThat(onlyPact(Ask.forSelectors(forMainBranch()).fromProviderBranch("feat-old")).pending()).isTrue();
	}

	@Test
	void aSuccessfulVerificationByAVersionOnNoBranchDoesNotEndPendingForABranch() {
		this.history.verify(this.pact, "2.0.0", null, true);

		assertThat(onlyPact(Ask.forSelectors(forMainBranch()).fromProviderBranch("main")).pending()).isTrue();
		assertThat(onlyPact(Ask.forSelectors(forMainBranch())).pending())
			.as("without a branch or tags, any successful verification counts")
			.isFalse();
	}

	@Test
	void withoutABranchOrTagsAPactIsPendingUntilAnyProviderVersionVerifiedIt() {
		VerifiablePact pending = onlyPact(Ask.forSelectors(forMainBranch()));
		assertThat(pending.pending()).isTrue();
		assertThat(VerifiablePactNotices.notices(pending, "URL", true, false).get(1).text())
			.isEqualTo("This pact is in pending state for this version of " + this.history.provider
					+ " because a successful verification result for " + this.history.provider
					+ " has not yet been published. If this verification fails, it will not cause the overall build "
					+ "to fail. Read more at https://docs.pact.io/go/pending");

		this.history.verify(this.pact, "2.0.0", "feat-y", true);

		assertThat(onlyPact(Ask.forSelectors(forMainBranch())).pending()).isFalse();
	}

	@Test
	void withTagsAPactIsPendingForTheTagsThatHaveNotVerifiedIt() {
		this.versions.addTag(this.history.provider, "1.0.0", "prod");
		this.jdbc
			.sql("update tags set created_at = created_at - interval '1 hour' where version_id = "
					+ "(select v.id from versions v join pacticipants p on p.id = v.pacticipant_id "
					+ "where p.name = :provider and v.number = '1.0.0')")
			.param("provider", this.history.provider)
			.update();
		this.history.verifyWithTags(this.pact, "2.0.0", List.of("dev"), true);

		VerifiablePact pact = onlyPact(Ask.forSelectors(forMainBranch()).withProviderTags("dev", "prod", "test"));

		assertThat(pact.pending()).isTrue();
		assertThat(pact.pendingProviderTags()).as("prod existed before dev verified it").containsExactly("prod");
		assertThat(pact.nonPendingProviderTags()).as("test did not exist yet").containsExactly("dev", "test");
		assertThat(VerifiablePactNotices.notices(pact, "URL", true, false)).extracting(VerificationNotice::text)
			.contains("This pact is still in pending state for any version of " + this.history.provider
					+ " with tag 'prod' as the successful verification results with this tag have not yet been "
					+ "published.");
	}

	@Test
	void pendingStatusIsLeftOutWhenNotAskedFor() {
		VerifiablePact pact = onlyPact(
				Ask.forSelectors(forMainBranch()).fromProviderBranch("main").withoutPendingStatus());

		assertThat(pact.pending()).isNull();
		assertThat(VerifiablePactNotices.notices(pact, "URL", false, false)).hasSize(1);
	}

	private VerifiablePact onlyPact(Ask ask) {
		List<VerifiablePact> pacts = this.history.pactsToVerify(ask);
		assertThat(pacts).hasSize(1);
		return pacts.get(0);
	}

}
