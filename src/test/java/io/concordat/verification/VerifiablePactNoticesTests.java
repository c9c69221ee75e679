package io.concordat.verification;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notices verifiers print, word for word as the Pact Broker writes them (the captured
 * exchanges for a pending main-branch pact, a WIP pact and the deprecated GET).
 */
class VerifiablePactNoticesTests {

	private static final String URL = "http://localhost:9292/pacts/provider/orders-api/consumer/orders-web/"
			+ "pact-version/aa73521bfb770f71c414a48f5303729cd1301595";

	private static final PactToVerify PACT = new PactToVerify("orders-web", "main", "orders-api", 1, "1.1.0", 10, 1,
			"aa73521bfb770f71c414a48f5303729cd1301595");

	@Test
	void aPendingPactSelectedByTheMainBranchForAProviderBranch() {
		VerifiablePact pact = pact(List.of(resolved(ConsumerVersionSelector.forMainBranch(), "1.1.0", "main")), true,
				"main", false);

		assertThat(VerifiablePactNotices.shortDescription(pact)).isEqualTo("latest from main branch");
		assertThat(VerifiablePactNotices.notices(pact, URL, true, false)).containsExactly(
				new VerificationNotice("before_verification",
						"The pact at " + URL + " is being verified because the "
								+ "pact content belongs to the consumer version matching the following criterion:\n"
								+ "    * latest version from the main branch 'main' (1.1.0)"),
				new VerificationNotice("before_verification", "This pact is in pending state for this version of "
						+ "orders-api because a successful verification result for a version of orders-api from branch "
						+ "'main' has not yet been published. If this verification fails, it will not cause the overall "
						+ "build to fail. Read more at https://docs.pact.io/go/pending"),
				new VerificationNotice("after_verification:success_true_published_false",
						"This pact is still in "
								+ "pending state for any version of orders-api from branch 'main' as the successful "
								+ "verification results have not yet been published."),
				new VerificationNotice("after_verification:success_false_published_false", "This pact is still in "
						+ "pending state for any version of orders-api from branch 'main' as a successful verification "
						+ "result has not yet been published"),
				new VerificationNotice("after_verification:success_true_published_true", "This pact is no longer in "
						+ "pending state for any version of orders-api from branch 'main', as a successful verification "
						+ "result has been published. If a verification for a version of orders-api fails in the "
						+ "future, it will fail the build. Read more at https://docs.pact.io/go/pending"),
				new VerificationNotice("after_verification:success_false_published_true", "This pact is still in "
						+ "pending state for any version of orders-api from branch 'main' as a successful verification "
						+ "result has not yet been published"));
	}

	@Test
	void aWipPactHeadingATag() {
		VerifiablePact pact = pact(List.of(resolved(ConsumerVersionSelector.latestForTag("prod"), "1.0.0", null)), true,
				"main", true);

		assertThat(VerifiablePactNotices.shortDescription(pact)).isEqualTo("latest with tag prod");
		assertThat(VerifiablePactNotices.notices(pact, URL + "/metadata/dz10cnVl", true, false))
			.extracting(VerificationNotice::text)
			.startsWith("The pact at " + URL + "/metadata/dz10cnVl is being verified because it is a 'work in "
					+ "progress' pact (ie. it is the pact for the latest version of orders-web tagged with 'prod' and "
					+ "it has not yet been successfully verified by a version of orders-api from branch 'main' when "
					+ "the pact's application version was explicitly specified in the consumer version selectors). "
					+ "Read more at https://docs.pact.io/go/wip",
					"This pact is in pending state for this version of orders-api because it was included as a 'work "
							+ "in progress' pact. If this verification fails, it will not cause the overall build to "
							+ "fail. Read more at https://docs.pact.io/go/pending")
			.hasSize(6);
	}

	@Test
	void theDeprecatedGetWarnsFirstAndDefaultSelectorsNameTheConsumer() {
		VerifiablePact pact = pact(
				List.of(resolved(ConsumerVersionSelector.forMainBranch().forConsumer("orders-web"), "1.1.0", "main")),
				true, null, false);

		List<VerificationNotice> notices = VerifiablePactNotices.notices(pact, URL, true, true);

		assertThat(notices).extracting(VerificationNotice::text)
			.startsWith(
					"WARNING - this version of the Pact library uses a beta version of the API which will be "
							+ "removed in the future. Please upgrade your Pact library. See "
							+ "https://docs.pact.io/pact_broker/advanced_topics/provider_verification_results/"
							+ "#pacts-for-verification for minimum required versions.",
					"The pact at " + URL + " is being verified because the pact content belongs to the consumer "
							+ "version matching the following criterion:\n    * latest version of orders-web from the "
							+ "main branch 'main' (1.1.0)",
					"This pact is in pending state for this version of orders-api because a successful verification "
							+ "result for orders-api has not yet been published. If this verification fails, it will "
							+ "not cause the overall build to fail. Read more at https://docs.pact.io/go/pending",
					"This pact is still in pending state for orders-api as the successful verification results have "
							+ "not yet been published.")
			.contains("This pact is no longer in pending state for orders-api, as a successful verification result "
					+ "has been published. If a verification for a version of orders-api fails in the future, it will "
					+ "fail the build. Read more at https://docs.pact.io/go/pending");
	}

	@Test
	void deployedAndReleasedVersionsAreDescribedByEnvironment() {
		VerifiablePact pact = pact(
				List.of(inEnvironment(ConsumerVersionSelector.currentlyDeployed(null), "1.0.0", "test", false),
						inEnvironment(ConsumerVersionSelector.currentlyDeployed(null), "1.1.0", "production", true),
						inEnvironment(
								ConsumerVersionSelector.currentlySupported("production").forConsumer("orders-web"),
								"0.9.0", "production", true)),
				null, null, false);

		assertThat(VerifiablePactNotices.shortDescription(pact))
			.isEqualTo("deployed to test, deployed to production, released in production");
		assertThat(VerifiablePactNotices.inclusionReason(pact, URL)).endsWith("matching the following criteria:\n"
				+ "    * consumer version(s) currently deployed to test (1.0.0) and production (1.1.0)\n"
				+ "    * version(s) of orders-web released and supported in production (0.9.0)");
	}

	@Test
	void legacyTagsNameWhichTagsArePendingAndWhichHaveVerified() {
		VerifiablePact pending = new VerifiablePact(PACT,
				List.of(resolved(ConsumerVersionSelector.latestForTag("main"), "1.1.0", null)), true,
				List.of("dev", "test"), List.of("prod"), null, false);
		VerifiablePact verified = new VerifiablePact(PACT,
				List.of(resolved(ConsumerVersionSelector.latestForTag("main"), "1.1.0", null)), false, List.of(),
				List.of("dev", "prod"), null, false);

		assertThat(VerifiablePactNotices.notices(pending, URL, true, false)).extracting(VerificationNotice::text)
			.contains("This pact is in pending state for this version of orders-api because a successful "
					+ "verification result for a versions of orders-api with tag 'dev' and 'test' has not yet been "
					+ "published. If this verification fails, it will not cause the overall build to fail. Read more "
					+ "at https://docs.pact.io/go/pending",
					"This pact is still in pending state for any versions of orders-api with tag 'dev' and 'test' as "
							+ "a successful verification result with these tags has not yet been published");
		assertThat(VerifiablePactNotices.notices(verified, URL, true, false)).extracting(VerificationNotice::text)
			.containsExactly(VerifiablePactNotices.inclusionReason(verified, URL),
					"This pact has previously been successfully verified by a version of orders-api with tag 'dev' "
							+ "and 'prod'. If this verification fails, it will fail the build. Read more at "
							+ "https://docs.pact.io/go/pending");
	}

	@Test
	void listsAreJoinedWithCommasAndAFinalAnd() {
		assertThat(VerifiablePactNotices.quoted(List.of("a"))).isEqualTo("'a'");
		assertThat(VerifiablePactNotices.quoted(List.of("a", "b"))).isEqualTo("'a' and 'b'");
		assertThat(VerifiablePactNotices.quoted(List.of("a", "b", "c", "d"))).isEqualTo("'a', 'b', 'c' and 'd'");
	}

	private static VerifiablePact pact(List<ResolvedSelector> selectors, @Nullable Boolean pending,
			@Nullable String providerBranch, boolean wip) {
		return new VerifiablePact(PACT, selectors, pending, List.of(), List.of(), providerBranch, wip);
	}

	private static ResolvedSelector resolved(ConsumerVersionSelector selector, String version,
			@Nullable String branch) {
		return new ResolvedSelector(selector, version, 10, branch, false, null, null, false);
	}

	private static ResolvedSelector inEnvironment(ConsumerVersionSelector selector, String version, String environment,
			boolean production) {
		return new ResolvedSelector(selector, version, 10, null, false, environment, null, production);
	}

}
