package io.concordat.matrix;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.concordat.deployment.DeploymentService;
import io.concordat.deployment.Kind;
import io.concordat.deployment.VersionInEnvironment;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.TagView;
import io.concordat.pacticipant.VersionService;
import io.concordat.pacticipant.VersionView;
import io.concordat.publication.PactService;
import io.concordat.publication.PactView;
import io.concordat.verification.VerificationService;
import io.concordat.verification.VerificationView;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Pact Broker's dashboard: for every integration the pacts worth looking at (the
 * latest, the latest for each consumer tag, those of consumer versions in an
 * environment), each with the latest verification of its content, most recent activity
 * first.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

	private final PactService pacts;

	private final VerificationService verifications;

	private final VersionService versions;

	private final PacticipantService pacticipants;

	private final DeploymentService deployments;

	Dashboard(PactService pacts, VerificationService verifications, VersionService versions,
			PacticipantService pacticipants, DeploymentService deployments) {
		this.pacts = pacts;
		this.verifications = verifications;
		this.versions = versions;
		this.pacticipants = pacticipants;
		this.deployments = deployments;
	}

	/** Every integration's items. */
	public List<Item> items() {
		return load(null, null);
	}

	/** One integration's items; 404 when either pacticipant does not exist. */
	public List<Item> items(String provider, String consumer) {
		this.pacticipants.get(consumer);
		this.pacticipants.get(provider);
		return load(consumer, provider);
	}

	private List<Item> load(@Nullable String consumer, @Nullable String provider) {
		Set<Long> inEnvironments = this.deployments.versionsIn(null, consumer, Kind.DEPLOYED_OR_RELEASED)
			.stream()
			.map(VersionInEnvironment::versionId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		return this.pacts.heads(consumer, provider, inEnvironments)
			.stream()
			.map(this::item)
			.sorted(Comparator.comparing(Item::lastActivity).reversed())
			.toList();
	}

	private Item item(PactService.Head head) {
		PactView pact = head.pact();
		VersionView consumerVersion = this.versions.findById(pact.consumerVersionId())
			.orElseThrow(
					() -> new NotFoundException("No version " + pact.consumerVersion() + " of " + pact.consumer()));
		VerificationView verification = this.verifications
			.latestForContent(pact.provider(), pact.consumer(), pact.sha())
			.orElse(null);
		VersionView providerVersion = (verification != null)
				? this.versions.find(pact.provider(), verification.providerVersion()).orElse(null) : null;
		List<ProviderTag> providerTags = (providerVersion != null) ? providerVersion.tags()
			.stream()
			.map(TagView::name)
			.sorted()
			.map((tag) -> new ProviderTag(tag,
					this.versions.latestWithTag(pact.provider(), tag)
						.map((latest) -> latest.id() == providerVersion.id())
						.orElse(false)))
			.toList() : List.of();
		return new Item(pact, head.latestForTags().stream().sorted().toList(), headBranches(consumerVersion),
				verification, (providerVersion != null) ? headBranches(providerVersion) : List.of(), providerTags,
				status(verification));
	}

	private static List<String> headBranches(VersionView version) {
		return version.branches().stream().filter(VersionView.BranchMembership::latest).map((b) -> b.branch()).toList();
	}

	/**
	 * The latest result is for this very content, so the Pact Broker's "stale" (verified
	 * before the content changed) cannot arise for a dashboard item.
	 */
	private static String status(@Nullable VerificationView verification) {
		if (verification == null) {
			return "never";
		}
		if (verification.success()) {
			return "success";
		}
		return verification.pactPending() ? "failed_pending" : "failed";
	}

	/**
	 * A provider version's tag, and whether the version is the latest with it.
	 *
	 * @param name the tag
	 * @param latest whether no later provider version has it
	 */
	public record ProviderTag(String name, boolean latest) {

	}

	/**
	 * @param pact the pact shown
	 * @param pactTags the consumer tags it is the latest pact for, by name
	 * @param consumerHeadBranches the branches whose head is its consumer version
	 * @param latestVerification the latest result for its content, if any
	 * @param providerHeadBranches the branches whose head is that result's provider
	 * version
	 * @param providerTags that provider version's tags, by name
	 * @param verificationStatus never, success, failed, or failed_pending (failed while
	 * the pact was pending, so the provider's build did not fail)
	 */
	public record Item(PactView pact, List<String> pactTags, List<String> consumerHeadBranches,
			@Nullable VerificationView latestVerification, List<String> providerHeadBranches,
			List<ProviderTag> providerTags, String verificationStatus) {

		/** The later of publication and latest verification. */
		public Instant lastActivity() {
			Instant published = this.pact.createdAt();
			return (this.latestVerification != null && this.latestVerification.verificationDate().isAfter(published))
					? this.latestVerification.verificationDate() : published;
		}

	}

}
