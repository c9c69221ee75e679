package io.concordat.pacticipant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.concordat.web.Names;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versions of pacticipants and their tags. Writes are insert-or-ignore followed by a
 * read, so that concurrent publications of the same version neither fail nor deadlock.
 */
@Service
@Transactional
public class VersionService {

	/** The Pact Broker's {@code use_first_tag_as_branch_time_limit}. */
	private static final Duration FIRST_TAG_AS_BRANCH_LIMIT = Duration.ofSeconds(10);

	private static final String VERSION_COLUMNS = """
			select v.id, v.pacticipant_id, p.name as pacticipant, v.number, v.build_url, v.version_order, v.created_at
			from versions v join pacticipants p on p.id = v.pacticipant_id
			""";

	private final JdbcClient jdbc;

	private final PacticipantService pacticipants;

	private final BranchService branches;

	private final ApplicationEventPublisher events;

	VersionService(JdbcClient jdbc, PacticipantService pacticipants, BranchService branches,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.pacticipants = pacticipants;
		this.branches = branches;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Optional<VersionView> find(String pacticipant, String number) {
		return this.jdbc.sql(VERSION_COLUMNS + "where p.name = :pacticipant and v.number = :number")
			.param("pacticipant", pacticipant)
			.param("number", number)
			.query(this::row)
			.optional()
			.map(this::complete);
	}

	@Transactional(readOnly = true)
	public VersionView get(String pacticipant, String number) {
		return find(pacticipant, number).orElseThrow(() -> notFound(pacticipant, number));
	}

	@Transactional(readOnly = true)
	public Optional<VersionView> findById(long id) {
		return this.jdbc.sql(VERSION_COLUMNS + "where v.id = :id")
			.param("id", id)
			.query(this::row)
			.optional()
			.map(this::complete);
	}

	/** The most recently created version. */
	@Transactional(readOnly = true)
	public Optional<VersionView> latest(String pacticipant) {
		return this.jdbc.sql(VERSION_COLUMNS + "where p.name = :pacticipant order by v.version_order desc limit 1")
			.param("pacticipant", pacticipant)
			.query(this::row)
			.optional()
			.map(this::complete);
	}

	/** The most recently created version carrying the tag. */
	@Transactional(readOnly = true)
	public Optional<VersionView> latestWithTag(String pacticipant, String tag) {
		return this.jdbc.sql(VERSION_COLUMNS + """
				join tags t on t.version_id = v.id
				where p.name = :pacticipant and t.name = :tag
				order by t.version_order desc limit 1""")
			.param("pacticipant", pacticipant)
			.param("tag", tag)
			.query(this::row)
			.optional()
			.map(this::complete);
	}

	/** Newest first. */
	@Transactional(readOnly = true)
	public Listing<VersionView> list(String pacticipant, int offset, int limit) {
		PacticipantRef owner = this.pacticipants.getRef(pacticipant);
		List<VersionRow> versions = this.jdbc
			.sql(VERSION_COLUMNS
					+ "where v.pacticipant_id = :id order by v.version_order desc limit :limit offset :offset")
			.param("id", owner.id())
			.param("limit", limit)
			.param("offset", offset)
			.query(this::row)
			.list();
		long total = this.jdbc.sql("select count(*) from versions where pacticipant_id = :id")
			.param("id", owner.id())
			.query(Long.class)
			.single();
		return new Listing<>(complete(versions), total);
	}

	/**
	 * The versions carrying the tag, newest first; 404 when no version has it (the Pact
	 * Broker's tag versions resource exists only while the tag does).
	 */
	@Transactional(readOnly = true)
	public Listing<VersionView> listWithTag(String pacticipant, String tag, int offset, int limit) {
		PacticipantRef owner = this.pacticipants.getRef(pacticipant);
		long total = this.jdbc.sql("select count(*) from tags where pacticipant_id = :id and name = :tag")
			.param("id", owner.id())
			.param("tag", tag)
			.query(Long.class)
			.single();
		if (total == 0) {
			throw new NotFoundException("No version of " + pacticipant + " with tag '" + tag + "' found");
		}
		List<VersionRow> versions = this.jdbc.sql(VERSION_COLUMNS + """
				join tags t on t.version_id = v.id
				where t.pacticipant_id = :id and t.name = :tag
				order by t.version_order desc limit :limit offset :offset""")
			.param("id", owner.id())
			.param("tag", tag)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::row)
			.list();
		return new Listing<>(complete(versions), total);
	}

	/**
	 * The version, created (with its pacticipant) if it does not exist yet.
	 */
	public Upserted<VersionRef> findOrCreate(String pacticipant, String number) {
		validateNumber(number);
		PacticipantRef owner = this.pacticipants.findOrCreate(pacticipant);
		Optional<Long> inserted = this.jdbc.sql("""
				insert into versions (pacticipant_id, number) values (:pacticipant, :number)
				on conflict (pacticipant_id, number) do nothing returning id""")
			.param("pacticipant", owner.id())
			.param("number", number)
			.query(Long.class)
			.optional();
		VersionRef ref = this.jdbc.sql("""
				select id, pacticipant_id, number, version_order from versions
				where pacticipant_id = :pacticipant and number = :number""")
			.param("pacticipant", owner.id())
			.param("number", number)
			.query((rs, n) -> new VersionRef(rs.getLong("id"), rs.getLong("pacticipant_id"), rs.getString("number"),
					rs.getLong("version_order")))
			.single();
		return new Upserted<>(ref, inserted.isPresent());
	}

	/**
	 * {@code PUT …/versions/{v}}: create or overwrite. The build URL is replaced; tags,
	 * when given, replace the version's tags.
	 */
	public Upserted<VersionView> replace(String pacticipant, String number, @Nullable String buildUrl,
			@Nullable List<String> tags) {
		Upserted<VersionRef> version = findOrCreate(pacticipant, number);
		setBuildUrl(version.value().id(), buildUrl);
		if (tags != null) {
			this.jdbc.sql("delete from tags where version_id = :id").param("id", version.value().id()).update();
			for (String tag : tags) {
				addTag(pacticipant, number, tag);
			}
		}
		return new Upserted<>(get(pacticipant, number), version.created());
	}

	/**
	 * {@code PATCH …/versions/{v}} (merge-patch): create or update; only a given
	 * {@code buildUrl} changes.
	 */
	public Upserted<VersionView> patch(String pacticipant, String number, @Nullable Change buildUrl) {
		Upserted<VersionRef> version = findOrCreate(pacticipant, number);
		if (buildUrl != null) {
			setBuildUrl(version.value().id(), buildUrl.value());
		}
		return new Upserted<>(get(pacticipant, number), version.created());
	}

	/**
	 * {@code PUT …/branches/{b}/versions/{v}}: puts the version on the branch, creating
	 * pacticipant, version and branch as needed.
	 */
	public Upserted<Instant> addToBranch(String pacticipant, String branch, String number) {
		VersionRef version = findOrCreate(pacticipant, number).value();
		return this.branches.addVersion(version, branch, false);
	}

	/** Overwrites the build URL (publication does this when one is given). */
	public void setBuildUrl(long versionId, @Nullable String buildUrl) {
		this.jdbc.sql("update versions set build_url = :url, updated_at = now() where id = :id")
			.param("url", buildUrl)
			.param("id", versionId)
			.update();
	}

	/**
	 * Deletes a version and what hangs off it (tags, pacts it published, verifications it
	 * made, its place on branches). Branches it headed fall back to the version added to
	 * them before it.
	 */
	public void delete(String pacticipant, String number) {
		VersionView version = get(pacticipant, number);
		this.jdbc.sql("delete from versions where id = :id").param("id", version.id()).update();
		this.branches.repointHeads(version.pacticipantId());
	}

	/**
	 * {@code PUT …/versions/{v}/tags/{t}}: tags the version, creating pacticipant and
	 * version if needed.
	 * @return the tag, and whether it was new
	 */
	public Upserted<TagView> addTag(String pacticipant, String number, String tag) {
		validateName("tag", tag);
		return addTag(findOrCreate(pacticipant, number).value(), tag);
	}

	private Upserted<TagView> addTag(VersionRef version, String tag) {
		// Tags of one version take turns, so that exactly one of racing first tags sees
		// itself as the first and names the branch. NO KEY UPDATE leaves rows that only
		// reference the version (pacts, deployments) free to be written meanwhile.
		this.jdbc.sql("select 1 from versions where id = :id for no key update")
			.param("id", version.id())
			.query(Integer.class)
			.single();
		Optional<Instant> created = this.jdbc.sql("""
				insert into tags (version_id, name, pacticipant_id, version_order)
				values (:version, :name, :pacticipant, :order)
				on conflict (version_id, name) do nothing returning created_at""")
			.param("version", version.id())
			.param("name", tag)
			.param("pacticipant", version.pacticipantId())
			.param("order", version.order())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
		if (created.isPresent()) {
			useFirstTagAsBranch(version, tag);
			this.pacticipants.detectMainBranch(version.pacticipantId(), tag);
			return new Upserted<>(new TagView(tag, created.get()), true);
		}
		Instant existing = this.jdbc.sql("select created_at from tags where version_id = :version and name = :name")
			.param("version", version.id())
			.param("name", tag)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.single();
		return new Upserted<>(new TagView(tag, existing), false);
	}

	/**
	 * The tag resource's {@code PUT}: {@link #addTag adds the tag}, then announces
	 * {@link VersionTagged} (also when the tag existed), so that features reacting to
	 * tags write in this transaction.
	 * @return the tag, and whether it was new
	 */
	public Upserted<TagView> tag(String pacticipant, String number, String tag) {
		validateName("tag", tag);
		VersionRef version = findOrCreate(pacticipant, number).value();
		Upserted<TagView> added = addTag(version, tag);
		this.events
			.publishEvent(new VersionTagged(version.id(), version.pacticipantId(), pacticipant, version.number(), tag));
		return added;
	}

	@Transactional(readOnly = true)
	public Optional<TagView> findTag(String pacticipant, String number, String tag) {
		return this.jdbc.sql("""
				select t.name, t.created_at from tags t
				join versions v on v.id = t.version_id join pacticipants p on p.id = v.pacticipant_id
				where p.name = :pacticipant and v.number = :number and t.name = :tag""")
			.param("pacticipant", pacticipant)
			.param("number", number)
			.param("tag", tag)
			.query((rs, n) -> new TagView(rs.getString("name"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	public void deleteTag(String pacticipant, String number, String tag) {
		VersionView version = get(pacticipant, number);
		int deleted = this.jdbc.sql("delete from tags where version_id = :id and name = :tag")
			.param("id", version.id())
			.param("tag", tag)
			.update();
		if (deleted == 0) {
			throw new NotFoundException(
					"No tag with name '" + tag + "' found for version " + number + " of " + pacticipant);
		}
	}

	/**
	 * Tag-only clients get a branch too: the first tag of a version that has no branch,
	 * added right after the version was created, also names its branch (the Pact Broker's
	 * {@code use_first_tag_as_branch}).
	 */
	private void useFirstTagAsBranch(VersionRef version, String tag) {
		Boolean eligible = this.jdbc.sql("""
				select v.created_at > now() - make_interval(secs => :limit)
				    and not exists (select 1 from branch_versions bv where bv.version_id = v.id)
				    and (select count(*) from tags t where t.version_id = v.id) = 1
				from versions v where v.id = :id""")
			.param("limit", FIRST_TAG_AS_BRANCH_LIMIT.toSeconds())
			.param("id", version.id())
			.query(Boolean.class)
			.single();
		if (Boolean.TRUE.equals(eligible)) {
			this.branches.addVersion(version, tag, true);
		}
	}

	private VersionView complete(VersionRow row) {
		return complete(List.of(row)).get(0);
	}

	/**
	 * The rows with their branches and tags, read for all of them in two queries whatever
	 * the page size.
	 */
	private List<VersionView> complete(List<VersionRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Long[] ids = rows.stream().map(VersionRow::id).toArray(Long[]::new);
		Map<Long, List<VersionView.BranchMembership>> memberships = new HashMap<>();
		this.jdbc
			.sql("""
					select bv.version_id, bv.branch_name, bv.created_at, coalesce(bh.branch_version_id = bv.id, false) as latest
					from branch_versions bv left join branch_heads bh on bh.branch_id = bv.branch_id
					where bv.version_id = any(:ids) order by bv.id""")
			.param("ids", ids)
			.query((rs, n) -> memberships.computeIfAbsent(rs.getLong("version_id"), (id) -> new ArrayList<>())
				.add(new VersionView.BranchMembership(rs.getString("branch_name"), rs.getBoolean("latest"),
						rs.getTimestamp("created_at").toInstant())))
			.list();
		Map<Long, List<TagView>> tags = new HashMap<>();
		this.jdbc
			.sql("select version_id, name, created_at from tags where version_id = any(:ids) order by created_at, name")
			.param("ids", ids)
			.query((rs, n) -> tags.computeIfAbsent(rs.getLong("version_id"), (id) -> new ArrayList<>())
				.add(new TagView(rs.getString("name"), rs.getTimestamp("created_at").toInstant())))
			.list();
		return rows.stream()
			.map((row) -> new VersionView(row.id(), row.pacticipantId(), row.pacticipant(), row.number(),
					row.buildUrl(), row.order(), row.createdAt(), memberships.getOrDefault(row.id(), List.of()),
					tags.getOrDefault(row.id(), List.of())))
			.toList();
	}

	private VersionRow row(ResultSet rs, int n) throws SQLException {
		return new VersionRow(rs.getLong("id"), rs.getLong("pacticipant_id"), rs.getString("pacticipant"),
				rs.getString("number"), rs.getString("build_url"), rs.getLong("version_order"),
				rs.getTimestamp("created_at").toInstant());
	}

	static NotFoundException notFound(String pacticipant, String number) {
		return new NotFoundException("No version with number '" + number + "' found for pacticipant " + pacticipant);
	}

	static void validateNumber(String number) {
		validateName("version", number);
	}

	static void validateName(String field, @Nullable String value) {
		Names.require(field, (value != null) ? value : "");
	}

	private record VersionRow(long id, long pacticipantId, String pacticipant, String number, @Nullable String buildUrl,
			long order, Instant createdAt) {
	}

}
