package io.concordat.matrix;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The matrix's reads. Each is an index lookup keyed by what the decision already knows
 * (version ids, pacticipant ids, content ids), so its cost follows the integrations and
 * the versions selected, not the history.
 */
@Repository
class MatrixRepository {

	private final JdbcClient jdbc;

	MatrixRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The versions a selector names, newest first. The most selective part of the
	 * selector picks the index the lookup starts from.
	 */
	List<MatrixRow.Version> versions(MatrixRow.Pacticipant pacticipant, Selector selector,
			@Nullable String mainBranch) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("pacticipant", pacticipant.id());
		String branch = selector.mainBranch() ? mainBranch : selector.branch();
		if ((selector.mainBranch() && mainBranch == null)) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("select v.id, v.number, v.version_order from ");
		if (branch != null && selector.latest()) {
			sql.append("branch_heads h join versions v on v.id = h.version_id "
					+ "where h.pacticipant_id = :pacticipant and h.branch_name = :branch");
			params.put("branch", branch);
		}
		else if (branch != null) {
			sql.append(
					"branches b join branch_versions bv on bv.branch_id = b.id join versions v on v.id = bv.version_id "
							+ "where b.pacticipant_id = :pacticipant and b.name = :branch");
			params.put("branch", branch);
		}
		else if (selector.tag() != null) {
			sql.append("tags t join versions v on v.id = t.version_id "
					+ "where t.pacticipant_id = :pacticipant and t.name = :tag");
			params.put("tag", selector.tag());
		}
		else if (selector.environment() != null) {
			sql.append(
					"""
							versions v where v.id in (
							    select x.version_id from versions_in_environments x join environments e on e.id = x.environment_id
							    where x.pacticipant_id = :pacticipant and e.name = :environment)""");
			params.put("environment", selector.environment());
		}
		else {
			sql.append("versions v where v.pacticipant_id = :pacticipant");
		}
		if (selector.version() != null) {
			sql.append(" and v.number = :number");
			params.put("number", selector.version());
		}
		if (selector.tag() != null && (branch != null || selector.environment() != null)) {
			sql.append(" and exists (select 1 from tags t2 where t2.version_id = v.id and t2.name = :tag)");
			params.put("tag", selector.tag());
		}
		if (selector.environment() != null && (branch != null || selector.tag() != null)) {
			sql.append("""
					and exists (select 1 from versions_in_environments x join environments e on e.id = x.environment_id
					            where x.version_id = v.id and e.name = :environment)""");
			params.put("environment", selector.environment());
		}
		sql.append(" order by v.version_order desc");
		if (selector.latest()) {
			sql.append(" limit 1");
		}
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new MatrixRow.Version(pacticipant, rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	Optional<MatrixRow.Pacticipant> pacticipant(String name) {
		return this.jdbc.sql("select id, name from pacticipants where name = :name")
			.param("name", name)
			.query((rs, n) -> new MatrixRow.Pacticipant(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	@Nullable String mainBranch(long pacticipantId) {
		return this.jdbc.sql("select main_branch from pacticipants where id = :id")
			.param("id", pacticipantId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	boolean environmentExists(String name) {
		return this.jdbc.sql("select count(*) from environments where name = :name")
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	/** The providers the versions have a current pact with. */
	List<MatrixRow.Pacticipant> providersOfVersions(Collection<Long> consumerVersionIds) {
		return this.jdbc
			.sql("""
					select distinct p.id, p.name from latest_pact_publications lp join pacticipants p on p.id = lp.provider_id
					where lp.consumer_version_id = any(:versions) order by p.name""")
			.param("versions", consumerVersionIds.toArray(Long[]::new))
			.query((rs, n) -> new MatrixRow.Pacticipant(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** Every provider the pacticipant has ever published a pact for. */
	List<MatrixRow.Pacticipant> providersOf(long consumerId) {
		return this.jdbc.sql("""
				select p.id, p.name from integrations i join pacticipants p on p.id = i.provider_id
				where i.consumer_id = :consumer order by p.name""")
			.param("consumer", consumerId)
			.query((rs, n) -> new MatrixRow.Pacticipant(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** Every consumer that has ever published a pact for the pacticipant. */
	List<MatrixRow.Pacticipant> consumersOf(long providerId) {
		return this.jdbc.sql("""
				select c.id, c.name from integrations i join pacticipants c on c.id = i.consumer_id
				where i.provider_id = :provider order by c.name""")
			.param("provider", providerId)
			.query((rs, n) -> new MatrixRow.Pacticipant(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/**
	 * The rows of one integration: the current pact of each selected consumer version
	 * (every version when {@code consumerVersions} is null) with the latest result of
	 * each selected provider version (every one when {@code providerVersions} is null),
	 * or a row without a result when none of them has verified it.
	 */
	List<MatrixRow> rows(MatrixRow.Pacticipant consumer, MatrixRow.Pacticipant provider,
			@Nullable Collection<Long> consumerVersions, @Nullable Collection<Long> providerVersions) {
		Map<String, Object> params = new HashMap<>();
		params.put("consumer", consumer.id());
		params.put("provider", provider.id());
		String consumerCondition = "lp.consumer_id = :consumer";
		if (consumerVersions != null) {
			consumerCondition = "lp.consumer_version_id = any(:consumerVersions)";
			params.put("consumerVersions", consumerVersions.toArray(Long[]::new));
		}
		String providerCondition = "";
		if (providerVersions != null) {
			providerCondition = " and lv.provider_version_id = any(:providerVersions)";
			params.put("providerVersions", providerVersions.toArray(Long[]::new));
		}
		String sql = """
				select cv.id as cv_id, cv.number as cv_number, cv.version_order as cv_order,
				       lp.pact_version_id, pv.sha, pp.revision_number, lp.created_at as pact_created_at,
				       pvv.id as pv_id, pvv.number as pv_number, pvv.version_order as pv_order,
				       ver.id as ver_id, ver.number as ver_number, ver.success, ver.execution_date, ver.pact_pending
				from latest_pact_publications lp
				join versions cv on cv.id = lp.consumer_version_id
				join pact_publications pp on pp.id = lp.pact_publication_id
				join pact_versions pv on pv.id = lp.pact_version_id
				left join latest_verifications lv on lv.pact_version_id = lp.pact_version_id %s
				left join verifications ver on ver.id = lv.verification_id
				left join versions pvv on pvv.id = lv.provider_version_id
				where %s and lp.provider_id = :provider
				order by cv.version_order desc, pvv.version_order desc nulls last""".formatted(providerCondition,
				consumerCondition);
		return this.jdbc.sql(sql).params(params).query((rs, n) -> row(rs, consumer, provider)).list();
	}

	private static MatrixRow row(ResultSet rs, MatrixRow.Pacticipant consumer, MatrixRow.Pacticipant provider)
			throws SQLException {
		MatrixRow.Version consumerVersion = new MatrixRow.Version(consumer, rs.getLong("cv_id"),
				rs.getString("cv_number"), rs.getLong("cv_order"));
		MatrixRow.Pact pact = new MatrixRow.Pact(rs.getLong("pact_version_id"), rs.getString("sha"),
				rs.getInt("revision_number"), rs.getTimestamp("pact_created_at").toInstant());
		MatrixRow.Version providerVersion = null;
		MatrixRow.Verification verification = null;
		if (rs.getObject("ver_id") != null) {
			providerVersion = new MatrixRow.Version(provider, rs.getLong("pv_id"), rs.getString("pv_number"),
					rs.getLong("pv_order"));
			verification = new MatrixRow.Verification(rs.getLong("ver_id"), rs.getLong("ver_number"),
					rs.getBoolean("success"), rs.getTimestamp("execution_date").toInstant(),
					rs.getBoolean("pact_pending"), List.of());
		}
		return new MatrixRow(consumerVersion, provider, providerVersion, pact, verification, false);
	}

	/**
	 * The interactions a verification failed, with their mismatches and the fields of the
	 * pact the mismatches name.
	 */
	List<FailedInteraction> failedInteractions(long verificationId, long pactVersionId) {
		record Outcome(long id, @Nullable String description, @Nullable Long interaction, @Nullable String kind,
				@Nullable String method, @Nullable String path) {
		}
		List<Outcome> outcomes = this.jdbc.sql("""
				select r.id, coalesce(r.description, i.description) as description, i.id as interaction, i.kind,
				       i.request_method, i.request_path
				from verification_interaction_results r
				left join interactions i on i.id = coalesce(r.interaction,
				    (select i2.id from interactions i2 where i2.pact_version_id = :pactVersion
				     and i2.description = r.description order by i2.position limit 1))
				where r.verification_id = :verification and not r.success
				order by r.position""")
			.param("verification", verificationId)
			.param("pactVersion", pactVersionId)
			.query((rs, n) -> new Outcome(rs.getLong("id"), rs.getString("description"),
					(Long) rs.getObject("interaction"), rs.getString("kind"), rs.getString("request_method"),
					rs.getString("request_path")))
			.list();
		if (outcomes.isEmpty()) {
			return List.of();
		}
		Map<Long, List<FailedInteraction.Mismatch>> mismatches = new HashMap<>();
		this.jdbc.sql("""
				select interaction_result, attribute, identifier, description from verification_mismatches
				where interaction_result = any(:results) order by id""")
			.param("results", outcomes.stream().map(Outcome::id).toArray(Long[]::new))
			.query((rs, n) -> mismatches.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new FailedInteraction.Mismatch(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list();
		Map<Long, List<String>> fields = new HashMap<>();
		Long[] interactions = outcomes.stream()
			.map(Outcome::interaction)
			.filter((id) -> id != null)
			.toArray(Long[]::new);
		if (interactions.length > 0) {
			this.jdbc.sql("""
					select interaction_id, path from interaction_fields
					where interaction_id = any(:interactions) and direction = 'reads' and path <> '$'
					order by id""")
				.param("interactions", interactions)
				.query((rs, n) -> fields.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2)))
				.list();
		}
		List<FailedInteraction> failed = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			List<FailedInteraction.Mismatch> found = mismatches.getOrDefault(outcome.id(), List.of());
			List<String> named = (outcome.interaction() != null)
					? FieldNames.named(fields.getOrDefault(outcome.interaction(), List.of()), found) : List.of();
			failed.add(new FailedInteraction(outcome.description(), outcome.kind(), outcome.method(), outcome.path(),
					named, found));
		}
		return failed;
	}

	/** The names of the environments each version currently runs in. */
	Map<Long, List<String>> environmentNames(Collection<Long> versionIds) {
		Map<Long, List<String>> names = new HashMap<>();
		if (versionIds.isEmpty()) {
			return names;
		}
		this.jdbc.sql("""
				select distinct x.version_id, e.name from versions_in_environments x
				join environments e on e.id = x.environment_id
				where x.version_id = any(:versions) order by e.name""")
			.param("versions", versionIds.toArray(Long[]::new))
			.query((rs, n) -> names.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return names;
	}

	/** The branches, tags and environments of each version. */
	Map<Long, VersionDetails> details(Collection<Long> versionIds) {
		Map<Long, VersionDetails> details = new HashMap<>();
		if (versionIds.isEmpty()) {
			return details;
		}
		Long[] ids = versionIds.toArray(Long[]::new);
		Map<Long, List<VersionDetails.Named>> branches = new HashMap<>();
		this.jdbc.sql("""
				select bv.version_id, bv.branch_name, (h.branch_version_id is not null) as latest
				from branch_versions bv left join branch_heads h on h.branch_version_id = bv.id
				where bv.version_id = any(:ids) order by bv.created_at, bv.id""")
			.param("ids", ids)
			.query((rs, n) -> branches.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new VersionDetails.Named(rs.getString(2), rs.getBoolean(3))))
			.list();
		Map<Long, List<VersionDetails.Named>> tags = new HashMap<>();
		this.jdbc.sql("""
				select t.version_id, t.name, not exists (select 1 from tags n where n.pacticipant_id = t.pacticipant_id
				    and n.name = t.name and n.version_order > t.version_order) as latest
				from tags t where t.version_id = any(:ids) order by t.created_at, t.name""")
			.param("ids", ids)
			.query((rs, n) -> tags.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new VersionDetails.Named(rs.getString(2), rs.getBoolean(3))))
			.list();
		Map<Long, List<VersionDetails.Environment>> environments = new HashMap<>();
		this.jdbc.sql("""
				select x.version_id, e.uuid, e.name, e.display_name, e.production, e.created_at from (
				    select version_id, environment_id, min(since) as since from versions_in_environments
				    where version_id = any(:ids) group by version_id, environment_id) x
				join environments e on e.id = x.environment_id order by x.since, e.name""")
			.param("ids", ids)
			.query((rs, n) -> environments.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new VersionDetails.Environment(rs.getObject(2, java.util.UUID.class), rs.getString(3),
						rs.getString(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant())))
			.list();
		for (Long id : versionIds) {
			details.put(id, new VersionDetails(branches.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of()),
					environments.getOrDefault(id, List.of())));
		}
		return details;
	}

}
