package io.concordat.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.concordat.deployment.DeploymentService;
import io.concordat.deployment.Kind;
import io.concordat.deployment.VersionInEnvironment;
import io.concordat.pacticipant.BranchService;
import io.concordat.pacticipant.BranchView;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.PacticipantView;
import io.concordat.pacticipant.VersionService;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which provider versions still have to verify a pact's content, as the Pact Broker
 * computes it for {@code contract_requiring_verification_published}: the head of the
 * provider's main branch, every provider version currently deployed and every released
 * version still supported, less those that already published a result for this exact
 * content. A provider version found several ways is listed once, with every reason.
 */
@Service
@Transactional(readOnly = true)
public class RequiredVerifications {

	private final PacticipantService pacticipants;

	private final BranchService branches;

	private final VersionService versions;

	private final DeploymentService deployments;

	private final JdbcClient jdbc;

	RequiredVerifications(PacticipantService pacticipants, BranchService branches, VersionService versions,
			DeploymentService deployments, JdbcClient jdbc) {
		this.pacticipants = pacticipants;
		this.branches = branches;
		this.versions = versions;
		this.deployments = deployments;
		this.jdbc = jdbc;
	}

	/**
	 * @param provider the provider's name
	 * @param pactVersionId the content published
	 * @return the provider versions that have not verified it, head of main branch first
	 */
	public List<RequiredVerification> of(String provider, long pactVersionId) {
		Map<String, Candidate> required = new LinkedHashMap<>();
		PacticipantView owner = this.pacticipants.find(provider).orElse(null);
		if (owner == null) {
			return List.of();
		}
		String mainBranch = owner.mainBranch();
		if (mainBranch != null) {
			this.branches.find(provider, mainBranch)
				.map(BranchView::headVersion)
				.flatMap((head) -> (head != null) ? this.versions.find(provider, head) : java.util.Optional.empty())
				.ifPresent(
						(head) -> required.computeIfAbsent(head.number(), (n) -> new Candidate(head.id(), mainBranch))
							.reasons()
							.add("latest version from main branch"));
		}
		for (VersionInEnvironment present : this.deployments.versionsIn(null, provider, Kind.DEPLOYED)) {
			required.computeIfAbsent(present.version(), (n) -> new Candidate(present.versionId(), null))
				.reasons()
				.add("currently deployed in " + present.environment());
		}
		for (VersionInEnvironment present : this.deployments.versionsIn(null, provider, Kind.RELEASED)) {
			required.computeIfAbsent(present.version(), (n) -> new Candidate(present.versionId(), null))
				.reasons()
				.add("currently released in " + present.environment());
		}
		if (required.isEmpty()) {
			return List.of();
		}
		Set<Long> verified = Set.copyOf(this.jdbc
			.sql("select provider_version_id from latest_verifications where pact_version_id = :pact "
					+ "and provider_version_id = any(:versions)")
			.param("pact", pactVersionId)
			.param("versions", required.values().stream().map(Candidate::versionId).toArray(Long[]::new))
			.query(Long.class)
			.list());
		List<RequiredVerification> result = new ArrayList<>();
		required.forEach((number, candidate) -> {
			if (!verified.contains(candidate.versionId())) {
				result.add(new RequiredVerification(number, branchOf(provider, number, candidate.branch()),
						List.copyOf(candidate.reasons())));
			}
		});
		return result;
	}

	private @Nullable String branchOf(String provider, String number, @Nullable String known) {
		if (known != null) {
			return known;
		}
		List<String> branches = this.versions.get(provider, number).branchNames();
		return branches.isEmpty() ? null : branches.get(branches.size() - 1);
	}

	/**
	 * A provider version that should verify the content.
	 *
	 * @param providerVersion its number
	 * @param providerVersionBranch its branch (the main branch when it is that branch's
	 * head), if it has one
	 * @param descriptions why it must verify ("latest version from main branch",
	 * "currently deployed in production")
	 */
	public record RequiredVerification(String providerVersion, @Nullable String providerVersionBranch,
			List<String> descriptions) {

	}

	private record Candidate(long versionId, @Nullable String branch, List<String> reasons) {

		Candidate(long versionId, @Nullable String branch) {
			this(versionId, branch, new ArrayList<>());
		}

	}

}
