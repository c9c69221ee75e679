package io.concordat.matrix;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One consumer version's pact with a provider, and the latest result of a provider
 * version verifying its content, if any.
 *
 * @param consumer the consumer version
 * @param provider the provider's name and id
 * @param providerVersion the provider version that verified, or null when no selected
 * provider version has
 * @param pact the consumer version's current pact with the provider
 * @param verification the result, or null
 * @param ignored an ignore selector names the consumer or provider (version)
 */
public record MatrixRow(Version consumer, Pacticipant provider, @Nullable Version providerVersion, Pact pact,
		@Nullable Verification verification, boolean ignored) {

	public @Nullable Boolean success() {
		return (this.verification != null) ? this.verification.success() : null;
	}

	MatrixRow ignore() {
		return new MatrixRow(this.consumer, this.provider, this.providerVersion, this.pact, this.verification, true);
	}

	MatrixRow withFailedInteractions(List<FailedInteraction> failed) {
		return new MatrixRow(this.consumer, this.provider, this.providerVersion, this.pact,
				(this.verification != null) ? this.verification.withFailedInteractions(failed) : null, this.ignored);
	}

	public record Pacticipant(long id, String name) {

	}

	/**
	 * @param pacticipant whose version it is
	 * @param id the version's id
	 * @param number its number
	 * @param order its creation order
	 */
	public record Version(Pacticipant pacticipant, long id, String number, long order) {

	}

	/**
	 * @param pactVersionId the content
	 * @param sha the content's identity
	 * @param revision the publication's revision for the consumer version
	 * @param createdAt when the revision was published
	 */
	public record Pact(long pactVersionId, String sha, int revision, Instant createdAt) {

	}

	/**
	 * @param id database id
	 * @param number the number in its URL
	 * @param success whether it passed
	 * @param verifiedAt when it ran
	 * @param pending the pact was pending for the provider when it verified (a failure
	 * did not fail its build)
	 * @param failedInteractions the interactions that failed, for a failed result
	 */
	public record Verification(long id, long number, boolean success, Instant verifiedAt, boolean pending,
			List<FailedInteraction> failedInteractions) {

		Verification withFailedInteractions(List<FailedInteraction> failed) {
			return new Verification(this.id, this.number, this.success, this.verifiedAt, this.pending, failed);
		}

	}

}
