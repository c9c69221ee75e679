package io.concordat.matrix;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of the verdict, as a pure function of selected versions and rows: no
 * database, no Spring. {@link CanIDeployScenarioTests} proves the same rules end to end
 * over histories built through the real services.
 */
class CanIDeployDecisionTests {

	private static final MatrixRow.Pacticipant WEB = new MatrixRow.Pacticipant(1, "web");

	private static final MatrixRow.Pacticipant API = new MatrixRow.Pacticipant(2, "api");

	private static final MatrixRow.Version WEB_1 = new MatrixRow.Version(WEB, 10, "1.0.0", 10);

	private static final MatrixRow.Version API_2 = new MatrixRow.Version(API, 20, "2.0.0", 20);

	private static final Selector WEB_VERSION = Selector.version("web", "1.0.0");

	private static final MatrixQuery TO_PRODUCTION = MatrixQuery.toEnvironment(WEB_VERSION, "production", List.of());

	private static final List<SelectedVersion> WEB_TO_PRODUCTION = List.of(
			SelectedVersion.of(WEB_VERSION, true, WEB_1, false),
			SelectedVersion.of(Selector.inEnvironment("api", "production"), false, API_2, false));

	@Test
	void allowsDeploymentWhenEveryConsideredRowPassed() {
		CanIDeployDecision.Verdict verdict = decide(TO_PRODUCTION, WEB_TO_PRODUCTION, List.of(row(true)));

		assertThat(verdict.deployable()).isTrue();
		assertThat(verdict.reasons())
			.containsExactly(Reason.success("All required verification results are published and successful"));
		assertThat(verdict.success()).isOne();
	}

	@Test
	void allowsDeploymentWhenThereIsNothingToVerify() {
		CanIDeployDecision.Verdict verdict = decide(TO_PRODUCTION, WEB_TO_PRODUCTION, List.of());

		assertThat(verdict.deployable()).isTrue();
		assertThat(verdict.reasons()).containsExactly(Reason.success("There are no missing dependencies"));
	}

	@Test
	void refusesDeploymentWhenAVerificationFailedNamingBothSidesByTheirSelectors() {
		CanIDeployDecision.Verdict verdict = decide(TO_PRODUCTION, WEB_TO_PRODUCTION, List.of(row(false)));

		assertThat(verdict.deployable()).isFalse();
		assertThat(verdict.failed()).isOne();
		assertThat(verdict.reasons()).containsExactly(Reason.error("The verification for the pact between version "
				+ "1.0.0 of web and the version of api currently in production (2.0.0) failed"));
	}

	@Test
	void aMissingResultMakesTheAnswerUnknownEvenWhenAnotherRowFailed() {
		CanIDeployDecision.Verdict verdict = decide(TO_PRODUCTION, WEB_TO_PRODUCTION, List.of(row(null), row(false)));

		assertThat(verdict.deployable()).as("unknown, so that --retry-while-unknown keeps waiting").isNull();
		assertThat(verdict.unknown()).isOne();
		assertThat(verdict.reasons()).extracting(Reason::text)
			.containsExactly(
					"The verification for the pact between version 1.0.0 of web and the version of api currently in "
							+ "production (2.0.0) failed",
					"There is no verified pact between version 1.0.0 of web and the version of api currently in "
							+ "production (2.0.0)");
	}

	@Test
	void aSpecifiedVersionThatDoesNotExistIsANoWhateverTheRows() {
		List<SelectedVersion> missing = List.of(SelectedVersion.none(WEB_VERSION, true, WEB));

		CanIDeployDecision.Verdict verdict = decide(TO_PRODUCTION, missing, List.of(row(false), row(null)));

		assertThat(verdict.deployable()).isFalse();
		assertThat(verdict.missing()).hasSize(1);
		assertThat(verdict.reasons()).as("only the missing version, not the rows it makes moot")
			.containsExactly(Reason.error("No pacts or verifications have been published for version 1.0.0 of web"));
	}

	@Test
	void ignoredRowsDoNotCountButAreReported() {
		IgnoreSelector ignoreApi = new IgnoreSelector(Selector.pacticipant("api"), API, List.of());

		CanIDeployDecision.Verdict verdict = CanIDeployDecision.decide(TO_PRODUCTION, WEB_TO_PRODUCTION,
				List.of(ignoreApi), List.of(), List.of(row(false).ignore()));

		assertThat(verdict.deployable()).isTrue();
		assertThat(verdict.reasons()).extracting(Reason::text)
			.containsExactly("There are no missing dependencies", "Ignoring: The verification for the pact between "
					+ "version 1.0.0 of web and the version of api currently in production (2.0.0) failed");
	}

	@Test
	void warnsThatAnIgnoreSelectorNamesNothing() {
		IgnoreSelector unknown = new IgnoreSelector(Selector.pacticipant("nobody"), null, List.of());

		CanIDeployDecision.Verdict verdict = CanIDeployDecision.decide(TO_PRODUCTION, WEB_TO_PRODUCTION,
				List.of(unknown), List.of(row(true)), List.of());

		assertThat(verdict.reasons()).first()
			.isEqualTo(Reason.warning("WARN: Cannot ignore any version of nobody (no such pacticipant exists)"));
	}

	@Test
	void warnsWhenAskedWithoutATargetEnvironment() {
		MatrixQuery noTarget = MatrixQuery.of(List.of(WEB_VERSION));

		CanIDeployDecision.Verdict verdict = decide(noTarget,
				List.of(SelectedVersion.of(WEB_VERSION, true, WEB_1, false)), List.of());

		assertThat(verdict.reasons()).first()
			.extracting(Reason::text)
			.asString()
			.startsWith("WARN: It is recommended to specify the environment into which you are deploying.");
	}

	@Test
	void warnsWhenTheVersionIsChosenByBranchRatherThanByNumber() {
		Selector headOfMain = Selector.latestOfBranch("web", "main");

		CanIDeployDecision.Verdict verdict = decide(MatrixQuery.toEnvironment(headOfMain, "production", List.of()),
				List.of(SelectedVersion.of(headOfMain, true, WEB_1, false)), List.of());

		assertThat(verdict.reasons()).extracting(Reason::text)
			.anySatisfy((text) -> assertThat(text).startsWith("WARN: It is recommended to specify the version number"));
	}

	private static CanIDeployDecision.Verdict decide(MatrixQuery query, List<SelectedVersion> selected,
			List<MatrixRow> considered) {
		return CanIDeployDecision.decide(query, selected, List.of(), considered, List.of());
	}

	private static MatrixRow row(Boolean success) {
		MatrixRow.Verification verification = (success != null)
				? new MatrixRow.Verification(1, 1, success, Instant.EPOCH, false, List.of()) : null;
		return new MatrixRow(WEB_1, API, API_2, new MatrixRow.Pact(1, "sha", 1, Instant.EPOCH), verification, false);
	}

}
