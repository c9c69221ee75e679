package io.concordat.publication;

import java.util.ArrayList;
import java.util.HashMap;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.concordat.pacticipant.PacticipantService;
import io.concordat.publication.contract.ProviderState;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds published pacts. Every query starts from {@code latest_pact_publications} (the
 * current revision per consumer version and provider), so overridden revisions never
 * show, and "latest" is an index scan.
 *
 * <p>
 * Two meanings of "latest" coexist, as in the Pact Broker: {@code latest/{tag}} and
 * {@code branch/{b}/latest} are the latest pact <em>among</em> the tagged or branch
 * versions, while main-branch and branch-head collections use the pact <em>of the head
 * version</em> (none when the head published no pact for the provider).
 */
@Service
@Transactional(readOnly = true)
public class PactService {

	private static final Comparator<PactView> BY_CONSUMER_THEN_PROVIDER = Comparator
		.comparing((PactView pact) -> pact.consumer().toLowerCase(Locale.ROOT))
		.thenComparing((pact) -> pact.provider().toLowerCase(Locale.ROOT));

	private final JdbcClient jdbc;

	private final PacticipantService pacticipants;

	private final JsonMapper json;

	PactService(JdbcClient jdbc, PacticipantService pacticipants, JsonMapper json) {
		this.jdbc = jdbc;
		this.pacticipants = pacticipants;
		this.json = json;
	}

	public Optional<PactView> forVersion(String provider, String consumer, String version) {
		return one("where p.name = :provider and c.name = :consumer and v.number = :version", provider, consumer,
				version, null);
	}

	public Optional<PactView> latest(String provider, String consumer) {
		return one("where p.name = :provider and c.name = :consumer order by lp.consumer_version_order desc limit 1",
				provider, consumer, null, null);
	}

	public Optional<PactView> latestWithTag(String provider, String consumer, String tag) {
		return one("""
				join tags t on t.version_id = lp.consumer_version_id and t.name = :tag
				where p.name = :provider and c.name = :consumer order by lp.consumer_version_order desc limit 1""",
				provider, consumer, null, tag);
	}

	public Optional<PactView> latestUntagged(String provider, String consumer) {
		return one("""
				where p.name = :provider and c.name = :consumer
				  and not exists (select 1 from tags t where t.version_id = lp.consumer_version_id)
				order by lp.consumer_version_order desc limit 1""", provider, consumer, null, null);
	}

	/** The latest pact among the branch's versions. */
	public Optional<PactView> latestOnBranch(String provider, String consumer, String branch) {
		return one("""
				join branch_versions bv on bv.version_id = lp.consumer_version_id and bv.branch_name = :tag
				where p.name = :provider and c.name = :consumer order by lp.consumer_version_order desc limit 1""",
				provider, consumer, null, branch);
	}

	/**
	 * The pact with this content: the one of the given consumer version, or of the latest
	 * consumer version that published it.
	 */
	public Optional<PactView> byContent(String provider, String consumer, String sha,
			@Nullable String consumerVersion) {
		if (consumerVersion != null) {
			Optional<PactView> pact = forVersion(provider, consumer, consumerVersion);
			if (pact.isPresent() && pact.get().sha().equals(sha)) {
				return pact;
			}
		}
		return one("""
				where p.name = :provider and c.name = :consumer and pv.sha = :tag
				order by lp.consumer_version_order desc limit 1""", provider, consumer, null, sha);
	}

	/**
	 * The stored interactions of a content version by their {@code _id}, so that
	 * verification results can point at the interaction they are about.
	 */
	public java.util.Map<String, Long> interactionsById(long pactVersionId) {
		java.util.Map<String, Long> byId = new java.util.HashMap<>();
		this.jdbc.sql("select interaction_id, id from interactions where pact_version_id = :id")
			.param("id", pactVersionId)
			.query((rs, n) -> byId.putIfAbsent(rs.getString(1), rs.getLong(2)))
			.list();
		return byId;
	}

	/**
	 * The providers each consumer version published pacts for, by name: what links to
	 * their pacts need, without reading the pacts' content. One query for any number of
	 * versions.
	 */
	public Map<Long, List<String>> providersPublishedFor(Collection<Long> consumerVersionIds) {
		Map<Long, List<String>> byVersion = new HashMap<>();
		if (!consumerVersionIds.isEmpty()) {
			this.jdbc.sql("""
					select lp.consumer_version_id, p.name from latest_pact_publications lp
					join pacticipants p on p.id = lp.provider_id
					where lp.consumer_version_id = any(:ids) order by p.name""")
				.param("ids", consumerVersionIds.toArray(Long[]::new))
				.query((rs, n) -> byVersion.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(rs.getString(2)))
				.list();
		}
		return byVersion;
	}

	/** The providers a consumer version published pacts for, by name. */
	public List<String> providersPublishedFor(long consumerVersionId) {
		return providersPublishedFor(List.of(consumerVersionId)).getOrDefault(consumerVersionId, List.of());
	}

	/**
	 * The pact of the latest earlier consumer version whose content differs from this
	 * one, for diffs.
	 */
	public Optional<PactView> previousDistinct(PactView pact) {
		return this.jdbc
			.sql(PactStore.PACT_COLUMNS
					+ """
							where lp.consumer_id = (select consumer_id from latest_pact_publications where pact_publication_id = :id)
							  and lp.provider_id = (select provider_id from latest_pact_publications where pact_publication_id = :id)
							  and lp.consumer_version_order < :order and lp.pact_version_id <> :content
							order by lp.consumer_version_order desc limit 1""")
			.param("id", pact.publicationId())
			.param("order", pact.consumerVersionOrder())
			.param("content", pact.pactVersionId())
			.query(PactStore::pact)
			.optional();
	}

	/** Every consumer version's pact for the integration, newest first. */
	public List<PactView> allVersions(String provider, String consumer) {
		return many("where p.name = :provider and c.name = :consumer order by lp.consumer_version_order desc", provider,
				consumer, null);
	}

	public List<PactView> withTag(String provider, String consumer, String tag) {
		return many("""
				join tags t on t.version_id = lp.consumer_version_id and t.name = :tag
				where p.name = :provider and c.name = :consumer order by lp.consumer_version_order desc""", provider,
				consumer, tag);
	}

	public List<PactView> onBranch(String provider, String consumer, String branch) {
		return many("""
				join branch_versions bv on bv.version_id = lp.consumer_version_id and bv.branch_name = :tag
				where p.name = :provider and c.name = :consumer order by lp.consumer_version_order desc""", provider,
				consumer, branch);
	}

	public List<PactView> onMainBranch(String provider, String consumer) {
		return many("""
				join branch_versions bv on bv.version_id = lp.consumer_version_id and bv.branch_name = c.main_branch
				where p.name = :provider and c.name = :consumer order by lp.consumer_version_order desc""", provider,
				consumer, null);
	}

	/**
	 * The pact of the branch's head version, if the head published one for the provider.
	 */
	public List<PactView> ofBranchHead(String provider, String consumer, String branch) {
		return many("""
				join branch_heads bh on bh.version_id = lp.consumer_version_id and bh.branch_name = :tag
				where p.name = :provider and c.name = :consumer""", provider, consumer, branch);
	}

	public List<PactView> ofMainBranchHead(String provider, String consumer) {
		return many("""
				join branch_heads bh on bh.version_id = lp.consumer_version_id and bh.branch_name = c.main_branch
				where p.name = :provider and c.name = :consumer""", provider, consumer, null);
	}

	/**
	 * The latest pact of each consumer of the provider, optionally among versions with
	 * the tag.
	 */
	public List<PactView> latestForProvider(String provider, @Nullable String tag) {
		requireProvider(provider);
		String tagJoin = (tag != null) ? "join tags t on t.version_id = l.consumer_version_id and t.name = :tag" : "";
		var sql = this.jdbc
			.sql(PactStore.latestPerIntegration(tagJoin,
					"i.provider_id = (select id from pacticipants where name = :provider)"))
			.param("provider", provider);
		if (tag != null) {
			sql = sql.param("tag", tag);
		}
		return sql.query(PactStore::pact).list().stream().sorted(BY_CONSUMER_THEN_PROVIDER).toList();
	}

	/**
	 * Every consumer version's pact for the provider (optionally only versions with the
	 * tag).
	 */
	public List<PactView> allForProvider(String provider, @Nullable String tag) {
		requireProvider(provider);
		String tagJoin = (tag != null) ? "join tags t on t.version_id = lp.consumer_version_id and t.name = :tag " : "";
		return many(tagJoin + "where p.name = :provider order by c.name, lp.consumer_version_order desc", provider,
				null, tag);
	}

	/**
	 * Pacts of consumer versions on a branch ({@code null}: each consumer's main branch);
	 * with {@code headsOnly} just the pact of each branch head.
	 */
	public List<PactView> forProviderBranch(String provider, @Nullable String branch, boolean headsOnly) {
		requireProvider(provider);
		String branchName = (branch != null) ? ":tag" : "c.main_branch";
		String join = headsOnly
				? "join branch_heads bh on bh.version_id = lp.consumer_version_id and bh.branch_name = " + branchName
				: "join branch_versions bv on bv.version_id = lp.consumer_version_id and bv.branch_name = "
						+ branchName;
		return many(join + " where p.name = :provider order by c.name, lp.consumer_version_order desc", provider, null,
				branch);
	}

	/**
	 * The latest pact of each consumer of the provider among the consumer versions on a
	 * branch; {@code null} means each consumer's own main branch.
	 */
	public List<PactView> latestForProviderBranch(String provider, @Nullable String branch) {
		requireProvider(provider);
		String branchJoin = """
				join branch_versions bv on bv.version_id = l.consumer_version_id
				 and bv.branch_name = coalesce(cast(:branch as text),
				                               (select main_branch from pacticipants where id = l.consumer_id))""";
		return this.jdbc
			.sql(PactStore.latestPerIntegration(branchJoin,
					"i.provider_id = (select id from pacticipants where name = :provider)"))
			.param("provider", provider)
			.param("branch", branch)
			.query(PactStore::pact)
			.list()
			.stream()
			.sorted(BY_CONSUMER_THEN_PROVIDER)
			.toList();
	}

	/** The provider's pacts from the given consumer versions. */
	public List<PactView> forProviderAndConsumerVersions(String provider, Collection<Long> consumerVersionIds) {
		requireProvider(provider);
		if (consumerVersionIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql(PactStore.PACT_COLUMNS
					+ "where p.name = :provider and lp.consumer_version_id = any(:versions) order by c.name, "
					+ "lp.consumer_version_order desc")
			.param("provider", provider)
			.param("versions", consumerVersionIds.toArray(Long[]::new))
			.query(PactStore::pact)
			.list();
	}

	/**
	 * The provider states the interactions of the given contents need, as parsed at
	 * publication; each state once per content.
	 */
	public List<StateInContent> providerStates(Collection<Long> pactVersionIds) {
		if (pactVersionIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select distinct i.pact_version_id, s.state::text as state
				from interactions i cross join lateral jsonb_array_elements(i.provider_states) as s(state)
				where i.pact_version_id = any(:ids)
				order by 1, 2""").param("ids", pactVersionIds.toArray(Long[]::new)).query((rs, n) -> {
			ProviderState state = this.json.readValue(rs.getString("state"), ProviderState.class);
			return new StateInContent(rs.getLong("pact_version_id"), state.name(), state.params());
		}).list();
	}

	/**
	 * The pacts a dashboard shows: the latest of each integration, the latest for each
	 * consumer tag, and those of the given consumer versions (the ones in environments),
	 * each once with the tags it is the latest pact for. Optionally one integration only.
	 */
	public List<Head> heads(@Nullable String consumer, @Nullable String provider, Collection<Long> consumerVersionIds) {
		String filter = """
				(cast(:consumer as text) is null or lp.consumer_id = (select id from pacticipants where name = :consumer))
				and (cast(:provider as text) is null or lp.provider_id = (select id from pacticipants where name = :provider))""";
		Map<Long, List<String>> tagsByPublication = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select publication, tag from (
				    select distinct on (lp.consumer_id, lp.provider_id) lp.pact_publication_id as publication,
				           null::text as tag
				    from latest_pact_publications lp where """ + filter + """

				    order by lp.consumer_id, lp.provider_id, lp.consumer_version_order desc) overall
				union all
				select publication, tag from (
				    select distinct on (lp.consumer_id, lp.provider_id, t.name) lp.pact_publication_id as publication,
				           t.name as tag
				    from latest_pact_publications lp join tags t on t.version_id = lp.consumer_version_id
				    where """ + filter + """

				    order by lp.consumer_id, lp.provider_id, t.name, lp.consumer_version_order desc) tagged
				union all
				select lp.pact_publication_id, null from latest_pact_publications lp
				where lp.consumer_version_id = any(:versions) and """ + filter)
			.param("consumer", consumer)
			.param("provider", provider)
			.param("versions", consumerVersionIds.toArray(Long[]::new))
			.query((rs) -> {
				List<String> tags = tagsByPublication.computeIfAbsent(rs.getLong("publication"),
						(id) -> new java.util.ArrayList<>());
				if (rs.getString("tag") != null) {
					tags.add(rs.getString("tag"));
				}
			});
		if (tagsByPublication.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(PactStore.PACT_COLUMNS + "where lp.pact_publication_id = any(:ids)")
			.param("ids", tagsByPublication.keySet().toArray(Long[]::new))
			.query(PactStore::pact)
			.list()
			.stream()
			.map((pact) -> new Head(pact, tagsByPublication.get(pact.publicationId())))
			.toList();
	}

	/** The latest pact of every integration. */
	public List<PactView> latestOfEveryIntegration() {
		return this.jdbc.sql(PactStore.latestPerIntegration("", "true"))
			.query(PactStore::pact)
			.list()
			.stream()
			.sorted(BY_CONSUMER_THEN_PROVIDER)
			.toList();
	}

	/** Every consumer–provider pair that has a pact, by consumer then provider name. */
	public List<Integration> integrations(String query, int offset, int limit) {
		String like = "%" + query + "%";
		return this.jdbc
			.sql("""
					select c.name as consumer, p.name as provider, i.created_at, i.contract_data_updated_at
					from integrations i join pacticipants c on c.id = i.consumer_id join pacticipants p on p.id = i.provider_id
					where c.name ilike :like or p.name ilike :like
					order by lower(c.name), lower(p.name) limit :limit offset :offset""")
			.param("like", like)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Integration(rs.getString("consumer"), rs.getString("provider"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("contract_data_updated_at").toInstant()))
			.list();
	}

	public long countIntegrations(String query) {
		String like = "%" + query + "%";
		return this.jdbc.sql("""
				select count(*) from integrations i join pacticipants c on c.id = i.consumer_id
				join pacticipants p on p.id = i.provider_id where c.name ilike :like or p.name ilike :like""")
			.param("like", like)
			.query(Long.class)
			.single();
	}

	private void requireProvider(String provider) {
		if (this.pacticipants.findRef(provider).isEmpty()) {
			throw new NotFoundException("No provider with name '" + provider + "' found");
		}
	}

	private Optional<PactView> one(String where, String provider, String consumer, @Nullable String version,
			@Nullable String tag) {
		var sql = this.jdbc.sql(PactStore.PACT_COLUMNS + where).param("provider", provider).param("consumer", consumer);
		if (version != null) {
			sql = sql.param("version", version);
		}
		if (tag != null) {
			sql = sql.param("tag", tag);
		}
		return sql.query(PactStore::pact).optional();
	}

	private List<PactView> many(String where, String provider, @Nullable String consumer, @Nullable String tag) {
		var sql = this.jdbc.sql(PactStore.PACT_COLUMNS + where).param("provider", provider);
		if (consumer != null) {
			sql = sql.param("consumer", consumer);
		}
		if (tag != null) {
			sql = sql.param("tag", tag);
		}
		return sql.query(PactStore::pact).list();
	}

	/**
	 * @param pact a pact a dashboard shows
	 * @param latestForTags the consumer tags it is the latest pact for
	 */
	public record Head(PactView pact, List<String> latestForTags) {

	}

	/**
	 * @param pactVersionId the content whose interactions need the state
	 * @param name the state's description
	 * @param params its parameters (empty when none)
	 */
	public record StateInContent(long pactVersionId, String name, Map<String, Object> params) {

	}

	/**
	 * @param consumer consumer name
	 * @param provider provider name
	 * @param createdAt when the first pact between them was published
	 * @param contractDataUpdatedAt when a pact between them was last published
	 */
	public record Integration(String consumer, String provider, Instant createdAt, Instant contractDataUpdatedAt) {

	}

}
