package io.concordat.publication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.concordat.publication.contract.Contract;
import io.concordat.publication.contract.ContractField;
import io.concordat.publication.contract.ContractInteraction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes and reads pact rows. Content is stored once per (consumer, provider, sha)
 * together with its parsed interactions and fields, written in two statements whatever
 * the number of interactions.
 */
@Repository
class PactStore {

	private static final String SELECT_PACT = """
			select pp.id as publication_id, pv.id as pact_version_id, c.name as consumer, p.name as provider,
			       v.number as consumer_version, v.id as consumer_version_id, v.version_order as consumer_version_order,
			       pv.sha, pv.content, pp.created_at, pp.revision_number
			""";

	private static final String JOIN_PACT = """
			join pact_publications pp on pp.id = lp.pact_publication_id
			join pact_versions pv on pv.id = lp.pact_version_id
			join versions v on v.id = lp.consumer_version_id
			join pacticipants c on c.id = lp.consumer_id
			join pacticipants p on p.id = lp.provider_id
			""";

	static final String PACT_COLUMNS = SELECT_PACT + "from latest_pact_publications lp\n" + JOIN_PACT;

	/**
	 * The latest pact of each integration that passes {@code integrationFilter} (a
	 * condition on {@code i}), optionally among consumer versions joined by
	 * {@code versionJoin} (a join on {@code l}). Each integration is one probe of the
	 * latest-publication index, so the cost follows the number of integrations, not the
	 * history.
	 */
	static String latestPerIntegration(String versionJoin, String integrationFilter) {
		return SELECT_PACT + """
				from integrations i
				cross join lateral (
				    select l.* from latest_pact_publications l
				    """ + versionJoin + """
				    where l.consumer_id = i.consumer_id and l.provider_id = i.provider_id
				    order by l.consumer_version_order desc limit 1) lp
				""" + JOIN_PACT + "where " + integrationFilter + "\n";
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PactStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Makes the publications of one consumer version take turns until this transaction
	 * ends: each then reads what the one before it committed, so racing publishers get
	 * the answers they would get one at a time (the same content is one publication,
	 * changed content a 409). An advisory lock rather than a row lock, because the
	 * version may not exist yet. Two versions whose keys hash alike only wait for each
	 * other.
	 */
	void lockConsumerVersion(String consumer, String version) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "publication:" + consumer.length() + ":" + consumer + ":" + version)
			.query((rs, n) -> true)
			.list();
	}

	/** The current pact of a consumer version for a provider, by names. */
	Optional<PactView> find(String consumer, String version, String provider) {
		return this.jdbc.sql(PACT_COLUMNS + "where c.name = :consumer and v.number = :version and p.name = :provider")
			.param("consumer", consumer)
			.param("version", version)
			.param("provider", provider)
			.query(PactStore::pact)
			.optional();
	}

	/**
	 * The content row for this contract, inserting it (with its parsed interactions) if
	 * it is new. Content already stored keeps the text first published with it (another
	 * key order or spacing is the same content), and that text is what is served.
	 */
	StoredContent storeContent(long consumerId, long providerId, Contract contract, String content) {
		Optional<Long> inserted = this.jdbc
			.sql("""
					insert into pact_versions (consumer_id, provider_id, sha, content, specification, interactions_count, messages_count)
					values (:consumer, :provider, :sha, :content, :specification, :interactions, :messages)
					on conflict (consumer_id, provider_id, sha) do nothing returning id""")
			.param("consumer", consumerId)
			.param("provider", providerId)
			.param("sha", contract.sha())
			.param("content", content)
			.param("specification", contract.specificationVersion())
			.param("interactions", contract.interactionsCount())
			.param("messages", contract.messagesCount())
			.query(Long.class)
			.optional();
		if (inserted.isPresent()) {
			storeModel(inserted.get(), contract);
			return new StoredContent(inserted.get(), content);
		}
		return this.jdbc.sql("""
				select id, content from pact_versions
				where consumer_id = :consumer and provider_id = :provider and sha = :sha""")
			.param("consumer", consumerId)
			.param("provider", providerId)
			.param("sha", contract.sha())
			.query((rs, n) -> new StoredContent(rs.getLong("id"), rs.getString("content")))
			.single();
	}

	/**
	 * Points the consumer version at the content: a new publication (revision 1, or the
	 * next revision when the content changed), the derived latest-publication row, and
	 * the integration.
	 */
	Revision publish(long consumerVersionId, long consumerVersionOrder, long consumerId, long providerId,
			long pactVersionId) {
		int revision = this.jdbc.sql("""
				select coalesce(max(revision_number), 0) + 1 from pact_publications
				where consumer_version_id = :version and provider_id = :provider""")
			.param("version", consumerVersionId)
			.param("provider", providerId)
			.query(Integer.class)
			.single();
		Revision published = this.jdbc.sql("""
				insert into pact_publications (consumer_version_id, consumer_id, provider_id, pact_version_id,
				                               revision_number, consumer_version_order)
				values (:version, :consumer, :provider, :pactVersion, :revision, :order)
				returning id, revision_number, created_at""")
			.param("version", consumerVersionId)
			.param("consumer", consumerId)
			.param("provider", providerId)
			.param("pactVersion", pactVersionId)
			.param("revision", revision)
			.param("order", consumerVersionOrder)
			.query((rs, n) -> new Revision(rs.getLong("id"), rs.getInt("revision_number"),
					rs.getTimestamp("created_at").toInstant()))
			.single();
		long publicationId = published.publicationId();
		this.jdbc
			.sql("""
					insert into latest_pact_publications (consumer_version_id, provider_id, consumer_id, pact_publication_id,
					                                      pact_version_id, consumer_version_order, created_at)
					select :version, :provider, :consumer, :publication, :pactVersion, :order, v.created_at
					from versions v where v.id = :version
					on conflict (consumer_version_id, provider_id) do update
					set pact_publication_id = excluded.pact_publication_id, pact_version_id = excluded.pact_version_id""")
			.param("version", consumerVersionId)
			.param("provider", providerId)
			.param("consumer", consumerId)
			.param("publication", publicationId)
			.param("pactVersion", pactVersionId)
			.param("order", consumerVersionOrder)
			.update();
		this.jdbc.sql("""
				insert into integrations (consumer_id, provider_id) values (:consumer, :provider)
				on conflict (consumer_id, provider_id) do update set contract_data_updated_at = now()""")
			.param("consumer", consumerId)
			.param("provider", providerId)
			.update();
		return published;
	}

	/**
	 * Whether any pact was published for this consumer and provider before (for "first
	 * time" notices).
	 */
	boolean integrationExists(long consumerId, long providerId) {
		return this.jdbc.sql("select exists (select 1 from integrations where consumer_id = :c and provider_id = :p)")
			.param("c", consumerId)
			.param("p", providerId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The content of the latest earlier consumer version's pact, to tell whether content
	 * changed.
	 */
	Optional<Long> previousPactVersion(long consumerId, long providerId, long beforeOrder) {
		return this.jdbc.sql("""
				select pact_version_id from latest_pact_publications
				where consumer_id = :c and provider_id = :p and consumer_version_order < :order
				order by consumer_version_order desc limit 1""")
			.param("c", consumerId)
			.param("p", providerId)
			.param("order", beforeOrder)
			.query(Long.class)
			.optional();
	}

	/**
	 * Removes every revision of the pacts the consumer published for the provider from
	 * the consumer versions the condition (on {@code pp.consumer_version_id}) selects.
	 */
	int deletePublications(long consumerId, long providerId, String versionCondition, @Nullable String name) {
		var sql = this.jdbc
			.sql("""
					delete from pact_publications pp where pp.consumer_id = :c and pp.provider_id = :p and """ + " "
					+ versionCondition)
			.param("c", consumerId)
			.param("p", providerId);
		if (name != null) {
			sql = sql.param("name", name);
		}
		return sql.update();
	}

	/**
	 * Removes the pacts between a consumer and a provider, and with their content the
	 * verification results and interactions stored for it, and the integration itself.
	 * Either id {@code null} means every consumer or every provider.
	 */
	int deleteIntegrations(@Nullable Long consumerId, @Nullable Long providerId) {
		String where = "(cast(:c as bigint) is null or consumer_id = :c) and (cast(:p as bigint) is null or provider_id = :p)";
		this.jdbc.sql("delete from pact_versions where " + where)
			.param("c", consumerId)
			.param("p", providerId)
			.update();
		return this.jdbc.sql("delete from integrations where " + where)
			.param("c", consumerId)
			.param("p", providerId)
			.update();
	}

	/** Removes every revision a consumer version published for a provider. */
	int delete(long consumerVersionId, long providerId) {
		return this.jdbc.sql("delete from pact_publications where consumer_version_id = :v and provider_id = :p")
			.param("v", consumerVersionId)
			.param("p", providerId)
			.update();
	}

	private void storeModel(long pactVersionId, Contract contract) {
		List<ContractInteraction> interactions = contract.interactions();
		if (interactions.isEmpty()) {
			return;
		}
		int size = interactions.size();
		Integer[] positions = new Integer[size];
		String[] ids = new String[size];
		String[] kinds = new String[size];
		String[] descriptions = new String[size];
		String[] states = new String[size];
		String[] methods = new String[size];
		String[] paths = new String[size];
		Integer[] statuses = new Integer[size];
		Boolean[] pending = new Boolean[size];
		String[] rules = new String[size];
		for (int i = 0; i < size; i++) {
			ContractInteraction interaction = interactions.get(i);
			positions[i] = interaction.position();
			ids[i] = interaction.interactionId();
			kinds[i] = interaction.kind().value();
			descriptions[i] = interaction.description();
			states[i] = this.json.writeValueAsString(interaction.providerStates());
			methods[i] = interaction.requestMethod();
			paths[i] = interaction.requestPath();
			statuses[i] = interaction.responseStatus();
			pending[i] = interaction.pending();
			rules[i] = this.json.writeValueAsString(interaction.matchingRules());
		}
		List<long[]> stored = this.jdbc
			.sql("""
					insert into interactions (pact_version_id, position, interaction_id, kind, description, provider_states,
					                          request_method, request_path, response_status, pending, matching_rules)
					select :pactVersion, t.* from unnest(:positions::int[], :ids::text[], :kinds::text[], :descriptions::text[],
					       :states::jsonb[], :methods::text[], :paths::text[], :statuses::int[], :pending::boolean[],
					       :rules::jsonb[]) as t
					returning id, position""")
			.param("pactVersion", pactVersionId)
			.param("positions", positions)
			.param("ids", ids)
			.param("kinds", kinds)
			.param("descriptions", descriptions)
			.param("states", states)
			.param("methods", methods)
			.param("paths", paths)
			.param("statuses", statuses)
			.param("pending", pending)
			.param("rules", rules)
			.query((rs, n) -> new long[] { rs.getLong("id"), rs.getInt("position") })
			.list();
		long[] idByPosition = new long[interactions.stream().mapToInt(ContractInteraction::position).max().orElse(0)
				+ 1];
		stored.forEach((row) -> idByPosition[(int) row[1]] = row[0]);
		storeFields(interactions, idByPosition);
	}

	private void storeFields(List<ContractInteraction> interactions, long[] idByPosition) {
		List<Long> owners = new ArrayList<>();
		List<String> directions = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		List<String> paths = new ArrayList<>();
		List<String> types = new ArrayList<>();
		List<String> examples = new ArrayList<>();
		List<String> matchers = new ArrayList<>();
		for (ContractInteraction interaction : interactions) {
			for (ContractField field : interaction.fields()) {
				owners.add(idByPosition[interaction.position()]);
				directions.add(field.direction().value());
				parts.add(field.part());
				paths.add(field.path());
				types.add(field.valueType());
				examples.add(this.json.writeValueAsString(field.example()));
				matchers.add(field.matchers().isEmpty() ? null : this.json.writeValueAsString(field.matchers()));
			}
		}
		if (owners.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into interaction_fields (interaction_id, direction, part, path, value_type, example, matchers)
				select * from unnest(:owners::bigint[], :directions::text[], :parts::text[], :paths::text[],
				                     :types::text[], :examples::jsonb[], :matchers::jsonb[])""")
			.param("owners", owners.toArray(Long[]::new))
			.param("directions", directions.toArray(String[]::new))
			.param("parts", parts.toArray(String[]::new))
			.param("paths", paths.toArray(String[]::new))
			.param("types", types.toArray(String[]::new))
			.param("examples", examples.toArray(String[]::new))
			.param("matchers", matchers.toArray(String[]::new))
			.update();
	}

	static PactView pact(ResultSet rs, int n) throws SQLException {
		return new PactView(rs.getLong("publication_id"), rs.getLong("pact_version_id"), rs.getString("consumer"),
				rs.getString("provider"), rs.getString("consumer_version"), rs.getLong("consumer_version_id"),
				rs.getLong("consumer_version_order"), rs.getString("sha"), rs.getString("content"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("revision_number"));
	}

	/**
	 * @param id the content row
	 * @param content the text served for it
	 */
	record StoredContent(long id, String content) {
	}

	/**
	 * @param publicationId the new publication
	 * @param revision its revision number for the consumer version
	 * @param createdAt when it was published
	 */
	record Revision(long publicationId, int revision, java.time.Instant createdAt) {
	}

}
