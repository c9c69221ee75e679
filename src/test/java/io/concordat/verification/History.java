package io.concordat.verification;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.VersionService;
import io.concordat.publication.PactMetadata;
import io.concordat.publication.PactView;
import io.concordat.publication.PublicationService;
import io.concordat.publication.PublishContracts;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds a small history for one new provider through the real services: consumers
 * publish pacts (on branches, with tags), the provider records verifications, and the
 * test asks which pacts the provider must verify. Names are unique, so histories never
 * see each other in the shared database.
 */
final class History {

	final String provider;

	private final PublicationService publications;

	private final VersionService versions;

	private final VerificationService verifications;

	private final PactsForVerificationService pactsForVerification;

	private final JdbcClient jdbc;

	private History(ApplicationContext context) {
		this.publications = context.getBean(PublicationService.class);
		this.versions = context.getBean(VersionService.class);
		this.verifications = context.getBean(VerificationService.class);
		this.pactsForVerification = context.getBean(PactsForVerificationService.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.provider = Names.unique("provider");
		context.getBean(PacticipantService.class).findOrCreate(this.provider);
	}

	static History ofNewProvider(ApplicationContext context) {
		return new History(context);
	}

	/** A new consumer's unique name. */
	String consumer(String name) {
		return Names.unique(name);
	}

	/** Publishes the consumer version's pact with the default content. */
	PactView publish(String consumer, String version, @Nullable String branch, String... tags) {
		return publish(consumer, version, branch, 1, tags);
	}

	/**
	 * Publishes the consumer version's pact; the same {@code content} number means the
	 * same content.
	 */
	PactView publish(String consumer, String version, @Nullable String branch, int content, String... tags) {
		String pact = PactFiles.aPact().between(consumer, this.provider).withOrderTotal(content).json();
		return this.publications
			.publish(new PublishContracts(consumer, version, branch, Arrays.asList(tags), null,
					List.of(new PublishContracts.ContractToPublish(consumer, this.provider, pact, false))))
			.contracts()
			.get(0)
			.pact();
	}

	/** Creates a consumer version that publishes nothing for this provider. */
	void versionWithoutPact(String consumer, String version, @Nullable String branch, String... tags) {
		this.versions.findOrCreate(consumer, version);
		if (branch != null) {
			this.versions.addToBranch(consumer, branch, version);
		}
		for (String tag : tags) {
			this.versions.addTag(consumer, version, tag);
		}
	}

	void tag(String pacticipant, String version, String tag) {
		this.versions.addTag(pacticipant, version, tag);
	}

	void addToBranch(String pacticipant, String version, String branch) {
		this.versions.addToBranch(pacticipant, branch, version);
	}

	/** A provider version on the branch publishes a result through the plain pact URL. */
	void verify(PactView pact, String providerVersion, @Nullable String providerBranch, boolean success) {
		verify(pact, providerVersion, providerBranch, List.of(), success, PactMetadata.empty());
	}

	/** The result is published through the URL a WIP pact was handed out with. */
	void verifyAsWip(PactView pact, String providerVersion, @Nullable String providerBranch, boolean success) {
		verify(pact, providerVersion, providerBranch, List.of(), success,
				new PactMetadata(Map.of("w", List.of("true"))));
	}

	/** A provider version with these tags (and no branch) publishes a result. */
	void verifyWithTags(PactView pact, String providerVersion, List<String> tags, boolean success) {
		verify(pact, providerVersion, null, tags, success, PactMetadata.empty());
	}

	private void verify(PactView pact, String providerVersion, @Nullable String providerBranch, List<String> tags,
			boolean success, PactMetadata metadata) {
		this.verifications.publish(new PublishVerificationResult(this.provider, pact.consumer(), pact.sha(), metadata,
				success, providerVersion, providerBranch, tags, null, null, null));
	}

	/** Moves every verification of this provider recorded so far into the past. */
	void verificationsHappenedAgo(Duration ago) {
		this.jdbc.sql("""
				update verifications set created_at = created_at - make_interval(secs => :seconds),
				                         execution_date = execution_date - make_interval(secs => :seconds)
				where provider_id = (select id from pacticipants where name = :provider)""")
			.param("seconds", ago.toSeconds())
			.param("provider", this.provider)
			.update();
	}

	/** Moves the publication of this pact into the past. */
	void publishedAgo(PactView pact, Duration ago) {
		this.jdbc
			.sql("update pact_publications set created_at = created_at - make_interval(secs => :seconds) "
					+ "where id = :id")
			.param("seconds", ago.toSeconds())
			.param("id", pact.publicationId())
			.update();
	}

	/** Moves the creation of the provider's branch (and its versions) into the past. */
	void providerBranchCreatedAgo(String branch, Duration ago) {
		this.jdbc
			.sql("""
					with branch as (select b.id from branches b join pacticipants p on p.id = b.pacticipant_id
					                where p.name = :provider and b.name = :branch),
					     moved as (update branches set created_at = created_at - make_interval(secs => :seconds)
					               where id in (select id from branch)),
					     versions_on_it as (update branch_versions set created_at = created_at - make_interval(secs => :seconds)
					                        where branch_id in (select id from branch) returning version_id)
					update versions set created_at = created_at - make_interval(secs => :seconds)
					where id in (select version_id from versions_on_it)""")
			.param("seconds", ago.toSeconds())
			.param("provider", this.provider)
			.param("branch", branch)
			.update();
	}

	List<VerifiablePact> pactsToVerify(Ask ask) {
		return this.pactsForVerification.find(this.provider, ask.request());
	}

}
