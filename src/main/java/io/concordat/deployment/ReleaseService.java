package io.concordat.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.concordat.pacticipant.Upserted;
import io.concordat.pacticipant.VersionService;
import io.concordat.pacticipant.VersionView;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records releases (record-release) and their end of support. Unlike a deployment, a
 * release replaces nothing: every released version stays supported until its support is
 * ended.
 */
@Service
@Transactional
public class ReleaseService {

	private static final String COLUMNS = """
			select r.id, r.uuid, r.version_id, p.name as pacticipant, v.number as version, r.support_ended_at,
			       r.created_at, r.updated_at, e.id as env_id, e.uuid as env_uuid, e.name as env_name,
			       e.display_name as env_display_name, e.production as env_production,
			       e.contacts::text as env_contacts, e.created_at as env_created_at, e.updated_at as env_updated_at
			from released_versions r
			join versions v on v.id = r.version_id
			join pacticipants p on p.id = r.pacticipant_id
			join environments e on e.id = r.environment_id
			""";

	private final JdbcClient jdbc;

	private final VersionService versions;

	private final EnvironmentService environments;

	ReleaseService(JdbcClient jdbc, VersionService versions, EnvironmentService environments) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.environments = environments;
	}

	/**
	 * {@code POST …/released-versions/environment/{uuid}}: records that the version is
	 * released to the environment. Releasing it again makes it supported again if its
	 * support had ended. Neither the version nor the environment is created (404).
	 * @return the release, and whether it is new
	 */
	public Upserted<ReleasedVersionView> recordRelease(String pacticipant, String version, UUID environment) {
		return recordRelease(UUID.randomUUID(), pacticipant, version, environment);
	}

	/**
	 * {@link #recordRelease(String, String, UUID)} with the id the caller chose for a new
	 * release (data moved from a Pact Broker keeps its ids).
	 */
	public Upserted<ReleasedVersionView> recordRelease(UUID uuid, String pacticipant, String version,
			UUID environment) {
		VersionView released = this.versions.get(pacticipant, version);
		EnvironmentView target = this.environments.get(environment);
		Optional<Long> inserted = this.jdbc.sql("""
				insert into released_versions (uuid, version_id, pacticipant_id, environment_id)
				values (:uuid, :version, :pacticipant, :environment)
				on conflict (version_id, environment_id) do nothing
				returning id""")
			.param("uuid", uuid)
			.param("version", released.id())
			.param("pacticipant", released.pacticipantId())
			.param("environment", target.id())
			.query(Long.class)
			.optional();
		if (inserted.isEmpty()) {
			this.jdbc.sql("""
					update released_versions set support_ended_at = null, updated_at = now()
					where version_id = :version and environment_id = :environment and support_ended_at is not null""")
				.param("version", released.id())
				.param("environment", target.id())
				.update();
		}
		ReleasedVersionView release = this.jdbc
			.sql(COLUMNS + "where r.version_id = :version and r.environment_id = :environment")
			.param("version", released.id())
			.param("environment", target.id())
			.query(this::row)
			.single();
		return new Upserted<>(release, inserted.isPresent());
	}

	/**
	 * {@code PATCH /released-versions/{uuid}} with {@code currentlySupported: false}: the
	 * release is no longer supported (record-support-ended). Ending it twice changes
	 * nothing.
	 */
	public ReleasedVersionView endSupport(UUID uuid) {
		ReleasedVersionView release = get(uuid);
		this.jdbc
			.sql("update released_versions set support_ended_at = now() where id = :id and support_ended_at is null")
			.param("id", release.id())
			.update();
		return get(uuid);
	}

	@Transactional(readOnly = true)
	public Optional<ReleasedVersionView> find(UUID uuid) {
		return this.jdbc.sql(COLUMNS + "where r.uuid = :uuid").param("uuid", uuid).query(this::row).optional();
	}

	@Transactional(readOnly = true)
	public ReleasedVersionView get(UUID uuid) {
		return find(uuid).orElseThrow(() -> new NotFoundException("No released version with UUID " + uuid + " found"));
	}

	/** The release of the version to the environment, if there is one. */
	@Transactional(readOnly = true)
	public Optional<ReleasedVersionView> releaseOf(String pacticipant, String version, UUID environment) {
		VersionView released = this.versions.get(pacticipant, version);
		EnvironmentView target = this.environments.get(environment);
		return this.jdbc.sql(COLUMNS + "where r.version_id = :version and r.environment_id = :environment")
			.param("version", released.id())
			.param("environment", target.id())
			.query(this::row)
			.optional();
	}

	/** Every release of a version, to any environment, oldest first. */
	@Transactional(readOnly = true)
	public List<ReleasedVersionView> releasesOf(long versionId) {
		return releasesOf(List.of(versionId)).getOrDefault(versionId, List.of());
	}

	/** {@link #releasesOf(long)} for several versions in one query, by version id. */
	@Transactional(readOnly = true)
	public Map<Long, List<ReleasedVersionView>> releasesOf(Collection<Long> versionIds) {
		Map<Long, List<ReleasedVersionView>> byVersion = new HashMap<>();
		if (!versionIds.isEmpty()) {
			this.jdbc.sql(COLUMNS + "where r.version_id = any(:versions) order by r.created_at, r.id")
				.param("versions", versionIds.toArray(Long[]::new))
				.query(this::row)
				.list()
				.forEach((release) -> byVersion.computeIfAbsent(release.versionId(), (id) -> new ArrayList<>())
					.add(release));
		}
		return byVersion;
	}

	/**
	 * The releases still supported in the environment, newest first.
	 * @param pacticipant only this pacticipant's, if given
	 * @param version only releases of this version number, if given
	 */
	@Transactional(readOnly = true)
	public List<ReleasedVersionView> currentlySupported(UUID environment, @Nullable String pacticipant,
			@Nullable String version) {
		EnvironmentView where = this.environments.get(environment);
		StringBuilder sql = new StringBuilder(COLUMNS)
			.append("where r.environment_id = :environment and r.support_ended_at is null");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("environment", where.id());
		if (pacticipant != null) {
			sql.append(" and p.name = :pacticipant");
			params.put("pacticipant", pacticipant);
		}
		if (version != null) {
			sql.append(" and v.number = :number");
			params.put("number", version);
		}
		return this.jdbc.sql(sql + " order by r.created_at desc, r.id desc").params(params).query(this::row).list();
	}

	private ReleasedVersionView row(ResultSet rs, int n) throws SQLException {
		Timestamp supportEndedAt = rs.getTimestamp("support_ended_at");
		return new ReleasedVersionView(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getLong("version_id"),
				rs.getString("pacticipant"), rs.getString("version"), this.environments.row(rs, "env_"),
				(supportEndedAt != null) ? supportEndedAt.toInstant() : null, rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
