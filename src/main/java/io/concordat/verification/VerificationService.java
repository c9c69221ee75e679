package io.concordat.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.concordat.pacticipant.PacticipantRef;
import io.concordat.pacticipant.BranchService;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.VersionRef;
import io.concordat.pacticipant.VersionService;
import io.concordat.publication.PactService;
import io.concordat.publication.PactView;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads verification results. A result belongs to pact content, so it counts
 * for every consumer version that published that content.
 */
@Service
@Transactional
public class VerificationService {

	private static final String VERIFICATION_COLUMNS = """
			select ver.id, ver.number, p.name as provider, c.name as consumer, pv.sha, pvv.number as provider_version,
			       ver.success, ver.wip, ver.pact_pending, ver.created_at, ver.build_url, ver.verified_by::text as verified_by,
			       ver.test_results::text as test_results
			from verifications ver
			join pact_versions pv on pv.id = ver.pact_version_id
			join pacticipants c on c.id = ver.consumer_id
			join pacticipants p on p.id = ver.provider_id
			join versions pvv on pvv.id = ver.provider_version_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final PactService pacts;

	private final PacticipantService pacticipants;

	private final VersionService versions;

	private final BranchService branches;

	private final ApplicationEventPublisher events;

	VerificationService(JdbcClient jdbc, JsonMapper json, PactService pacts, PacticipantService pacticipants,
			VersionService versions, BranchService branches, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.json = json;
		this.pacts = pacts;
		this.pacticipants = pacticipants;
		this.versions = versions;
		this.branches = branches;
	}

	/**
	 * Records a result. The provider version is created if needed and put on the branch
	 * and tags the body names (verifiers usually set those beforehand through the
	 * pacticipant resources).
	 */
	public VerificationView publish(PublishVerificationResult result) {
		PactView pact = this.pacts
			.byContent(result.provider(), result.consumer(), result.sha(), result.metadata().consumerVersionNumber())
			.orElseThrow(() -> new NotFoundException("No pact between " + result.consumer() + " and "
					+ result.provider() + " with content " + result.sha() + " found"));
		VersionRef providerVersion = this.versions.findOrCreate(result.provider(), result.providerVersion()).value();
		if (result.providerBranch() != null && !result.providerBranch().isBlank()) {
			this.branches.addVersion(providerVersion, result.providerBranch(), false);
		}
		for (String tag : result.providerTags()) {
			this.versions.addTag(result.provider(), result.providerVersion(), tag);
		}
		if (result.buildUrl() != null) {
			this.versions.setBuildUrl(providerVersion.id(), result.buildUrl());
		}
		PacticipantRef consumer = this.pacticipants.getRef(result.consumer());
		List<String> providerTags = this.versions.get(result.provider(), result.providerVersion()).tagNames();
		boolean wip = "true".equals(result.metadata().first("w"));
		boolean pending = "true".equals(result.metadata().first("p"));
		long id = this.jdbc.sql("""
				insert into verifications (pact_version_id, consumer_id, provider_id, provider_version_id, success,
				    build_url, verified_by, test_results, wip, pact_pending, consumer_version_selectors,
				    provider_version_tags)
				values (:pactVersion, :consumer, :provider, :providerVersion, :success, :buildUrl,
				    :verifiedBy::jsonb, :testResults::jsonb, :wip, :pending, :selectors::jsonb, :tags::text[])
				returning id""")
			.param("pactVersion", pact.pactVersionId())
			.param("consumer", consumer.id())
			.param("provider", providerVersion.pacticipantId())
			.param("providerVersion", providerVersion.id())
			.param("success", result.success())
			.param("buildUrl", result.buildUrl())
			.param("verifiedBy", toJson(result.verifiedBy()))
			.param("testResults", toJson(result.testResults()))
			.param("wip", wip)
			.param("pending", pending)
			.param("selectors", selectors(result))
			.param("tags", providerTags.toArray(String[]::new))
			.query(Long.class)
			.single();
		storeOutcomes(id, pact.pactVersionId(), TestResults.outcomes(result.testResults()));
		// Results racing for one pact and provider version commit in any order; the
		// newest one counts, whichever commits last.
		this.jdbc.sql("""
				insert into latest_verifications (pact_version_id, provider_version_id, verification_id, consumer_id,
				                                  provider_id, success, created_at)
				select pact_version_id, provider_version_id, id, consumer_id, provider_id, success, created_at
				from verifications where id = :id
				on conflict (pact_version_id, provider_version_id) do update
				set verification_id = excluded.verification_id, success = excluded.success,
				    created_at = excluded.created_at
				where latest_verifications.verification_id < excluded.verification_id""").param("id", id).update();
		VerificationView view = find(id, pact.consumerVersion()).orElseThrow();
		this.events.publishEvent(new VerificationResultPublished(id, view.number(), consumer.id(), consumer.name(),
				providerVersion.pacticipantId(), result.provider(), result.sha(), verifiedFor(result, pact),
				result.providerVersion(), result.providerBranch(), providerTags, result.success(), result.buildUrl()));
		return view;
	}

	/**
	 * The consumer versions a result answers for: every {@code cvn} of the pact URL's
	 * metadata and of the selectors in it, else the version the pact was found for.
	 */
	private List<String> verifiedFor(PublishVerificationResult result, PactView pact) {
		java.util.Set<String> versions = new java.util.LinkedHashSet<>(
				result.metadata().values().getOrDefault("cvn", List.of()));
		for (String selector : result.metadata().values().getOrDefault("s", List.of())) {
			JsonNode cvn = selectorNode(selector).path("cvn");
			if (cvn.isString()) {
				versions.add(cvn.asString());
			}
		}
		return versions.isEmpty() ? List.of(pact.consumerVersion()) : List.copyOf(versions);
	}

	/**
	 * Deletes one result with its interaction outcomes. When it was the latest result for
	 * its pact content and provider version, the one before it (if any) takes its place,
	 * so the matrix answers as if the deleted result had never been published.
	 */
	public void delete(VerificationView result) {
		record Key(long pactVersionId, long providerVersionId) {
		}
		Key key = this.jdbc
			.sql("delete from verifications where id = :id returning pact_version_id, provider_version_id")
			.param("id", result.id())
			.query((rs, n) -> new Key(rs.getLong(1), rs.getLong(2)))
			.single();
		this.jdbc.sql("""
				insert into latest_verifications (pact_version_id, provider_version_id, verification_id, consumer_id,
				                                  provider_id, success, created_at)
				select pact_version_id, provider_version_id, id, consumer_id, provider_id, success, created_at
				from verifications where pact_version_id = :pactVersion and provider_version_id = :providerVersion
				order by id desc limit 1
				on conflict (pact_version_id, provider_version_id) do nothing""")
			.param("pactVersion", key.pactVersionId())
			.param("providerVersion", key.providerVersionId())
			.update();
	}

	@Transactional(readOnly = true)
	public Optional<VerificationView> find(String provider, String consumer, String sha, long number) {
		return this.jdbc
			.sql(VERIFICATION_COLUMNS + "where p.name = :provider and c.name = :consumer and pv.sha = :sha "
					+ "and ver.number = :number")
			.param("provider", provider)
			.param("consumer", consumer)
			.param("sha", sha)
			.param("number", number)
			.query(this::row)
			.optional()
			.map(this::withConsumerVersion);
	}

	/**
	 * The most recent result for a pact content, whichever provider version published it.
	 */
	@Transactional(readOnly = true)
	public Optional<VerificationView> latestForContent(String provider, String consumer, String sha) {
		return this.jdbc
			.sql(VERIFICATION_COLUMNS + "where p.name = :provider and c.name = :consumer and pv.sha = :sha "
					+ "order by ver.id desc limit 1")
			.param("provider", provider)
			.param("consumer", consumer)
			.param("sha", sha)
			.query(this::row)
			.optional()
			.map(this::withConsumerVersion);
	}

	/** The latest result for each provider of a consumer version's pacts. */
	@Transactional(readOnly = true)
	public List<VerificationView> latestForConsumerVersion(String consumer, String consumerVersion) {
		return this.jdbc
			.sql("select distinct on (ver.provider_id) " + VERIFICATION_COLUMNS.substring("select ".length()) + """
					join latest_pact_publications lp
					  on lp.pact_version_id = ver.pact_version_id and lp.provider_id = ver.provider_id
					join versions cv on cv.id = lp.consumer_version_id
					where c.name = :consumer and cv.number = :version
					order by ver.provider_id, ver.id desc""")
			.param("consumer", consumer)
			.param("version", consumerVersion)
			.query(this::row)
			.list()
			.stream()
			.map((found) -> withConsumerVersion(found, consumerVersion))
			.toList();
	}

	/**
	 * Each interaction's outcome in a result, in the order the verifier reported them.
	 */
	@Transactional(readOnly = true)
	public List<InteractionOutcome> outcomes(long verificationId) {
		Map<Long, List<InteractionOutcome.Mismatch>> mismatches = new java.util.HashMap<>();
		this.jdbc.sql("""
				select m.interaction_result, m.attribute, m.identifier, m.description from verification_mismatches m
				join verification_interaction_results r on r.id = m.interaction_result
				where r.verification_id = :id order by m.id""")
			.param("id", verificationId)
			.query((rs, n) -> mismatches.computeIfAbsent(rs.getLong(1), (k) -> new java.util.ArrayList<>())
				.add(new InteractionOutcome.Mismatch(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list();
		return this.jdbc.sql("""
				select id, interaction_key, description, success from verification_interaction_results
				where verification_id = :id order by position""")
			.param("id", verificationId)
			.query((rs, n) -> new InteractionOutcome(rs.getString("interaction_key"), rs.getString("description"),
					rs.getBoolean("success"), mismatches.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	private void storeOutcomes(long verificationId, long pactVersionId, List<InteractionOutcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		Map<String, Long> interactions = this.pacts.interactionsById(pactVersionId);
		for (int i = 0; i < outcomes.size(); i++) {
			InteractionOutcome outcome = outcomes.get(i);
			Long interaction = (outcome.interactionKey() != null) ? interactions.get(outcome.interactionKey()) : null;
			long resultId = this.jdbc.sql("""
					insert into verification_interaction_results (verification_id, position, interaction_key,
					                                              interaction, description, success)
					values (:verification, :position, :key, :interaction, :description, :success) returning id""")
				.param("verification", verificationId)
				.param("position", i)
				.param("key", outcome.interactionKey())
				.param("interaction", interaction)
				.param("description", outcome.description())
				.param("success", outcome.success())
				.query(Long.class)
				.single();
			for (InteractionOutcome.Mismatch mismatch : outcome.mismatches()) {
				this.jdbc.sql("""
						insert into verification_mismatches (interaction_result, attribute, identifier, description)
						values (:result, :attribute, :identifier, :description)""")
					.param("result", resultId)
					.param("attribute", mismatch.attribute())
					.param("identifier", mismatch.identifier())
					.param("description", mismatch.description())
					.update();
			}
		}
	}

	private Optional<VerificationView> find(long id, String consumerVersion) {
		return this.jdbc.sql(VERIFICATION_COLUMNS + "where ver.id = :id")
			.param("id", id)
			.query(this::row)
			.optional()
			.map((found) -> withConsumerVersion(found, consumerVersion));
	}

	private VerificationView withConsumerVersion(VerificationView found) {
		String consumerVersion = this.pacts.byContent(found.provider(), found.consumer(), found.sha(), null)
			.map(PactView::consumerVersion)
			.orElse(found.consumerVersion());
		return withConsumerVersion(found, consumerVersion);
	}

	private static VerificationView withConsumerVersion(VerificationView found, String consumerVersion) {
		return new VerificationView(found.id(), found.number(), found.provider(), found.consumer(), found.sha(),
				consumerVersion, found.providerVersion(), found.success(), found.wip(), found.pactPending(),
				found.verificationDate(), found.buildUrl(), found.verifiedBy(), found.testResults());
	}

	private VerificationView row(ResultSet rs, int n) throws SQLException {
		return new VerificationView(rs.getLong("id"), rs.getLong("number"), rs.getString("provider"),
				rs.getString("consumer"), rs.getString("sha"), "", rs.getString("provider_version"),
				rs.getBoolean("success"), rs.getBoolean("wip"), rs.getBoolean("pact_pending"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("build_url"),
				parse(rs.getString("verified_by")), parse(rs.getString("test_results")));
	}

	private @Nullable JsonNode parse(@Nullable String text) {
		return (text != null) ? this.json.readTree(text) : null;
	}

	private @Nullable String toJson(@Nullable JsonNode node) {
		return (node != null && !node.isNull()) ? this.json.writeValueAsString(node) : null;
	}

	/**
	 * The selectors the pact URL said it was selected by, as JSON objects ({@code {"b":
	 * "main", "l": true, "cvn": "1.1.0"}}) where they are, as text otherwise.
	 */
	private @Nullable String selectors(PublishVerificationResult result) {
		List<String> selectors = result.metadata().values().get("s");
		if (selectors == null) {
			return null;
		}
		List<JsonNode> nodes = new java.util.ArrayList<>();
		for (String selector : selectors) {
			nodes.add(selectorNode(selector));
		}
		return this.json.writeValueAsString(nodes);
	}

	private JsonNode selectorNode(String selector) {
		try {
			JsonNode node = this.json.readTree(selector);
			if (node.isObject()) {
				return node;
			}
		}
		catch (tools.jackson.core.JacksonException ex) {
			// not one of ours: kept as text
		}
		return this.json.getNodeFactory().stringNode(selector);
	}

}
