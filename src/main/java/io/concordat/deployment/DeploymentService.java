package io.concordat.deployment;

import java.util.HashMap;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.concordat.pacticipant.VersionService;
import io.concordat.pacticipant.VersionView;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records deployments and answers which versions are currently in an environment.
 *
 * <p>
 * A deployment replaces the deployment of the same pacticipant and application instance
 * in that environment: the previous one is marked undeployed. Which deployment currently
 * runs is kept in {@code currently_deployed_versions}, one row per pacticipant ×
 * environment × application instance, so that {@link #versionsIn} and
 * {@link #environmentsOf} (the deployed and released consumer version selectors, the
 * matrix and can-i-deploy) are index lookups whatever the history.
 */
@Service
@Transactional
public class DeploymentService {

	private static final String DEPLOYED_COLUMNS = """
			select d.id, d.uuid, d.version_id, p.name as pacticipant, v.number as version, d.application_instance,
			       c.deployed_version_id is not null as currently_deployed, d.undeployed_at, d.auto_created,
			       d.created_at, d.updated_at, e.id as env_id, e.uuid as env_uuid, e.name as env_name,
			       e.display_name as env_display_name, e.production as env_production,
			       e.contacts::text as env_contacts, e.created_at as env_created_at, e.updated_at as env_updated_at
			""";

	private static final String ALL_DEPLOYMENTS = DEPLOYED_COLUMNS + """
			from deployed_versions d
			join versions v on v.id = d.version_id
			join pacticipants p on p.id = d.pacticipant_id
			join environments e on e.id = d.environment_id
			left join currently_deployed_versions c on c.deployed_version_id = d.id
			""";

	private static final String CURRENT_DEPLOYMENTS = DEPLOYED_COLUMNS + """
			from currently_deployed_versions c
			join deployed_versions d on d.id = c.deployed_version_id
			join versions v on v.id = c.version_id
			join pacticipants p on p.id = c.pacticipant_id
			join environments e on e.id = c.environment_id
			""";

	private static final String NEWEST_FIRST = " order by d.created_at desc, d.id desc";

	private static final String OLDEST_FIRST = " order by d.created_at, d.id";

	private final JdbcClient jdbc;

	private final VersionService versions;

	private final EnvironmentService environments;

	DeploymentService(JdbcClient jdbc, VersionService versions, EnvironmentService environments) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.environments = environments;
	}

	/**
	 * {@code POST …/deployed-versions/environment/{uuid}}: records that the version now
	 * runs in the environment (as the given application instance, if any). The version
	 * deployed there before for that instance is marked undeployed. When the version is
	 * already the one deployed there, that deployment is returned and nothing changes.
	 * Neither the version nor the environment is created (404).
	 */
	public DeployedVersionView recordDeployment(String pacticipant, String version, UUID environment,
			@Nullable String applicationInstance) {
		return recordDeployment(UUID.randomUUID(), pacticipant, version, environment, applicationInstance);
	}

	/**
	 * {@link #recordDeployment(String, String, UUID, String)} with the id the caller
	 * chose for a new deployment (data moved from a Pact Broker keeps its ids).
	 */
	public DeployedVersionView recordDeployment(UUID uuid, String pacticipant, String version, UUID environment,
			@Nullable String applicationInstance) {
		VersionView deployed = this.versions.get(pacticipant, version);
		EnvironmentView target = this.environments.get(environment);
		return record(uuid, deployed.id(), deployed.pacticipantId(), target, applicationInstance, false);
	}

	/**
	 * A deployment recorded because the version was tagged with the environment's name
	 * (the Pact Broker's {@code create_deployed_versions_for_tags}).
	 */
	DeployedVersionView recordForTag(long versionId, long pacticipantId, EnvironmentView environment) {
		return record(UUID.randomUUID(), versionId, pacticipantId, environment, null, true);
	}

	private DeployedVersionView record(UUID uuid, long versionId, long pacticipantId, EnvironmentView environment,
			@Nullable String applicationInstance, boolean autoCreated) {
		String instance = (applicationInstance == null || applicationInstance.isEmpty()) ? null : applicationInstance;
		String key = (instance != null) ? instance : "";
		// Deployments of one instance take turns, so that a racing record of the same
		// version finds the deployment the first one made (as it would one at a time)
		// instead of adding a second that immediately replaces it.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:lock, 0))")
			.param("lock", "deployment:" + pacticipantId + ":" + environment.id() + ":" + key)
			.query((rs, n) -> true)
			.list();
		Optional<Long> alreadyDeployed = this.jdbc.sql("""
				select deployed_version_id from currently_deployed_versions
				where pacticipant_id = :pacticipant and environment_id = :environment
				  and application_instance_key = :key and version_id = :version""")
			.param("pacticipant", pacticipantId)
			.param("environment", environment.id())
			.param("key", key)
			.param("version", versionId)
			.query(Long.class)
			.optional();
		if (alreadyDeployed.isPresent()) {
			return byId(alreadyDeployed.get());
		}
		long id = this.jdbc.sql("""
				insert into deployed_versions (uuid, version_id, pacticipant_id, environment_id, application_instance,
				                               auto_created)
				values (:uuid, :version, :pacticipant, :environment, :instance, :autoCreated)
				returning id""")
			.param("uuid", uuid)
			.param("version", versionId)
			.param("pacticipant", pacticipantId)
			.param("environment", environment.id())
			.param("instance", instance)
			.param("autoCreated", autoCreated)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into currently_deployed_versions (pacticipant_id, environment_id, application_instance_key,
				                                         version_id, deployed_version_id)
				values (:pacticipant, :environment, :key, :version, :id)
				on conflict (pacticipant_id, environment_id, application_instance_key) do update
				set version_id = excluded.version_id, deployed_version_id = excluded.deployed_version_id""")
			.param("pacticipant", pacticipantId)
			.param("environment", environment.id())
			.param("key", key)
			.param("version", versionId)
			.param("id", id)
			.update();
		this.jdbc.sql("""
				update deployed_versions set undeployed_at = now()
				where pacticipant_id = :pacticipant and environment_id = :environment
				  and coalesce(application_instance, '') = :key and undeployed_at is null and id <> :id""")
			.param("pacticipant", pacticipantId)
			.param("environment", environment.id())
			.param("key", key)
			.param("id", id)
			.update();
		return byId(id);
	}

	/**
	 * {@code PATCH /deployed-versions/{uuid}} with {@code currentlyDeployed: false}: the
	 * deployment no longer runs (record-undeployment). Undeploying twice changes nothing.
	 */
	public DeployedVersionView undeploy(UUID uuid) {
		DeployedVersionView deployment = get(uuid);
		this.jdbc.sql("delete from currently_deployed_versions where deployed_version_id = :id")
			.param("id", deployment.id())
			.update();
		this.jdbc.sql("update deployed_versions set undeployed_at = now() where id = :id and undeployed_at is null")
			.param("id", deployment.id())
			.update();
		return get(uuid);
	}

	@Transactional(readOnly = true)
	public Optional<DeployedVersionView> find(UUID uuid) {
		return this.jdbc.sql(ALL_DEPLOYMENTS + "where d.uuid = :uuid").param("uuid", uuid).query(this::row).optional();
	}

	@Transactional(readOnly = true)
	public DeployedVersionView get(UUID uuid) {
		return find(uuid).orElseThrow(() -> new NotFoundException("No deployed version with UUID " + uuid + " found"));
	}

	/**
	 * Every deployment of the version to the environment, newest first, including ended
	 * ones.
	 */
	@Transactional(readOnly = true)
	public List<DeployedVersionView> deploymentsOf(String pacticipant, String version, UUID environment) {
		VersionView deployed = this.versions.get(pacticipant, version);
		EnvironmentView target = this.environments.get(environment);
		return this.jdbc
			.sql(ALL_DEPLOYMENTS + "where d.version_id = :version and d.environment_id = :environment" + NEWEST_FIRST)
			.param("version", deployed.id())
			.param("environment", target.id())
			.query(this::row)
			.list();
	}

	/** Every deployment of a version, to any environment, oldest first. */
	@Transactional(readOnly = true)
	public List<DeployedVersionView> deploymentsOf(long versionId) {
		return deploymentsOf(List.of(versionId)).getOrDefault(versionId, List.of());
	}

	/** {@link #deploymentsOf(long)} for several versions in one query, by version id. */
	@Transactional(readOnly = true)
	public Map<Long, List<DeployedVersionView>> deploymentsOf(Collection<Long> versionIds) {
		Map<Long, List<DeployedVersionView>> byVersion = new HashMap<>();
		if (!versionIds.isEmpty()) {
			this.jdbc.sql(ALL_DEPLOYMENTS + "where d.version_id = any(:versions)" + OLDEST_FIRST)
				.param("versions", versionIds.toArray(Long[]::new))
				.query(this::row)
				.list()
				.forEach((deployment) -> byVersion.computeIfAbsent(deployment.versionId(), (id) -> new ArrayList<>())
					.add(deployment));
		}
		return byVersion;
	}

	/** The deployments of a pacticipant that currently run, in any environment. */
	@Transactional(readOnly = true)
	public List<DeployedVersionView> currentlyDeployedOf(long pacticipantId) {
		return this.jdbc.sql(CURRENT_DEPLOYMENTS + "where c.pacticipant_id = :pacticipant" + OLDEST_FIRST)
			.param("pacticipant", pacticipantId)
			.query(this::row)
			.list();
	}

	/**
	 * The deployments currently running in the environment, newest first, of every
	 * application instance.
	 * @param pacticipant only this pacticipant's, if given
	 */
	@Transactional(readOnly = true)
	public List<DeployedVersionView> currentlyDeployed(UUID environment, @Nullable String pacticipant) {
		return currentlyDeployed(environment, pacticipant, false, null);
	}

	/**
	 * The deployments currently running in the environment as one application instance,
	 * newest first.
	 * @param pacticipant only this pacticipant's, if given
	 * @param applicationInstance the instance; null (or empty) means deployments that
	 * name none
	 */
	@Transactional(readOnly = true)
	public List<DeployedVersionView> currentlyDeployed(UUID environment, @Nullable String pacticipant,
			@Nullable String applicationInstance) {
		return currentlyDeployed(environment, pacticipant, true, applicationInstance);
	}

	private List<DeployedVersionView> currentlyDeployed(UUID environment, @Nullable String pacticipant,
			boolean byInstance, @Nullable String applicationInstance) {
		EnvironmentView where = this.environments.get(environment);
		StringBuilder sql = new StringBuilder(CURRENT_DEPLOYMENTS).append("where c.environment_id = :environment");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("environment", where.id());
		if (pacticipant != null) {
			sql.append(" and p.name = :pacticipant");
			params.put("pacticipant", pacticipant);
		}
		if (byInstance) {
			sql.append(" and c.application_instance_key = :key");
			params.put("key", (applicationInstance != null) ? applicationInstance : "");
		}
		return this.jdbc.sql(sql + NEWEST_FIRST).params(params).query(this::row).list();
	}

	/**
	 * The versions currently in an environment: deployed there and not replaced or
	 * undeployed, and/or released there with support not ended. One row per current
	 * deployment (per application instance) or supported release.
	 * @param environment the environment's name; every environment when null
	 * @param pacticipant only this pacticipant's versions, if given
	 * @param kind deployed, released, or either
	 * @return the versions, by environment, pacticipant and newest version first
	 */
	@Transactional(readOnly = true)
	public List<VersionInEnvironment> versionsIn(@Nullable String environment, @Nullable String pacticipant,
			Kind kind) {
		return present(kind, Lookup.of(environment, pacticipant));
	}

	/**
	 * {@link #versionsIn(String, String, Kind)} for a set of pacticipants (the consumers
	 * of a provider, for example).
	 * @param environment the environment's name; every environment when null
	 * @param pacticipantIds the pacticipants whose versions are meant
	 * @param kind deployed, released, or either
	 */
	@Transactional(readOnly = true)
	public List<VersionInEnvironment> versionsIn(@Nullable String environment, Collection<Long> pacticipantIds,
			Kind kind) {
		if (pacticipantIds.isEmpty()) {
			return List.of();
		}
		return present(kind, Lookup.of(environment, pacticipantIds));
	}

	/**
	 * Where a version currently is: its current deployments and supported releases, one
	 * row each.
	 */
	@Transactional(readOnly = true)
	public List<VersionInEnvironment> environmentsOf(long versionId) {
		return present(Kind.DEPLOYED_OR_RELEASED, Lookup.ofVersion(versionId));
	}

	private List<VersionInEnvironment> present(Kind kind, Lookup lookup) {
		return this.jdbc.sql(presentSql(kind, lookup))
			.params(lookup.params())
			.query((rs, n) -> new VersionInEnvironment(rs.getLong("version_id"), rs.getString("number"),
					rs.getLong("version_order"), rs.getLong("pacticipant_id"), rs.getString("pacticipant"),
					rs.getLong("environment_id"), rs.getString("environment"), rs.getBoolean("production"),
					Kind.valueOf(rs.getString("kind")), rs.getString("application_instance"),
					rs.getObject("uuid", UUID.class)))
			.list();
	}

	/**
	 * The query behind the lookups above, over the {@code versions_in_environments} view
	 * this module publishes. Deployments are read from the current pointers and releases
	 * through the partial indexes of supported releases, so its cost follows what is
	 * current, not the history; a kind filter is a literal, so PostgreSQL leaves the
	 * other half of the view out of the plan.
	 */
	static String presentSql(Kind kind, Lookup lookup) {
		String kindFilter = kind.includesDeployed() && kind.includesReleased() ? ""
				: kind.includesDeployed() ? " and x.kind = 'DEPLOYED'" : " and x.kind = 'RELEASED'";
		return """
				select v.id as version_id, v.number, v.version_order, p.id as pacticipant_id, p.name as pacticipant,
				       e.id as environment_id, e.name as environment, e.production, x.kind, x.application_instance,
				       x.uuid
				from versions_in_environments x
				join versions v on v.id = x.version_id
				join pacticipants p on p.id = x.pacticipant_id
				join environments e on e.id = x.environment_id
				where true""" + kindFilter + lookup.filter("x")
				+ "\norder by environment, pacticipant, version_order desc, kind, application_instance nulls first";
	}

	/**
	 * The conditions of a lookup. Conditions on ids name {@code {record}}, the view's
	 * row, so that they reach the indexed tables behind it.
	 *
	 * @param conditions SQL conditions, each starting with {@code and}
	 * @param params their parameters
	 */
	record Lookup(String conditions, Map<String, Object> params) {

		static Lookup of(@Nullable String environment, @Nullable String pacticipant) {
			StringBuilder conditions = new StringBuilder();
			Map<String, Object> params = new LinkedHashMap<>();
			if (environment != null) {
				conditions.append(" and e.name = :environment");
				params.put("environment", environment);
			}
			if (pacticipant != null) {
				conditions.append(" and p.name = :pacticipant");
				params.put("pacticipant", pacticipant);
			}
			return new Lookup(conditions.toString(), params);
		}

		static Lookup of(@Nullable String environment, Collection<Long> pacticipantIds) {
			Lookup byEnvironment = of(environment, (String) null);
			Map<String, Object> params = new LinkedHashMap<>(byEnvironment.params());
			params.put("pacticipants", pacticipantIds.toArray(Long[]::new));
			return new Lookup(byEnvironment.conditions() + " and {record}.pacticipant_id = any(:pacticipants)", params);
		}

		static Lookup ofVersion(long versionId) {
			return new Lookup(" and {record}.version_id = :version", Map.of("version", versionId));
		}

		String filter(String record) {
			return this.conditions.replace("{record}", record);
		}

	}

	private DeployedVersionView byId(long id) {
		return this.jdbc.sql(ALL_DEPLOYMENTS + "where d.id = :id").param("id", id).query(this::row).single();
	}

	private DeployedVersionView row(ResultSet rs, int n) throws SQLException {
		java.sql.Timestamp undeployedAt = rs.getTimestamp("undeployed_at");
		return new DeployedVersionView(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getLong("version_id"),
				rs.getString("pacticipant"), rs.getString("version"), this.environments.row(rs, "env_"),
				rs.getString("application_instance"), rs.getBoolean("currently_deployed"),
				(undeployedAt != null) ? undeployedAt.toInstant() : null, rs.getBoolean("auto_created"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
