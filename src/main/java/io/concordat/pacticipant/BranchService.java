package io.concordat.pacticipant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.concordat.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Branches and the versions on them. A branch's head is the version most recently added
 * to it, kept in {@code branch_heads} so that "latest from branch X" is one index lookup.
 */
@Service
@Transactional
public class BranchService {

	private static final String BRANCH_COLUMNS = """
			select b.id, p.name as pacticipant, b.name, b.created_at, b.updated_at, hv.number as head
			from branches b join pacticipants p on p.id = b.pacticipant_id
			left join branch_heads h on h.branch_id = b.id left join versions hv on hv.id = h.version_id
			""";

	private final JdbcClient jdbc;

	private final PacticipantService pacticipants;

	BranchService(JdbcClient jdbc, PacticipantService pacticipants) {
		this.jdbc = jdbc;
		this.pacticipants = pacticipants;
	}

	@Transactional(readOnly = true)
	public Optional<BranchView> find(String pacticipant, String branch) {
		return this.jdbc.sql(BRANCH_COLUMNS + "where p.name = :pacticipant and b.name = :branch")
			.param("pacticipant", pacticipant)
			.param("branch", branch)
			.query(this::branch)
			.optional();
	}

	@Transactional(readOnly = true)
	public BranchView get(String pacticipant, String branch) {
		return find(pacticipant, branch).orElseThrow(() -> notFound(pacticipant, branch));
	}

	/** Most recently updated first, optionally filtered by a name fragment. */
	@Transactional(readOnly = true)
	public Listing<BranchView> list(String pacticipant, String query, int offset, int limit) {
		PacticipantView owner = this.pacticipants.get(pacticipant);
		String like = "%" + ((query != null) ? query : "") + "%";
		List<BranchView> page = this.jdbc.sql(BRANCH_COLUMNS + """
				where b.pacticipant_id = :id and b.name ilike :like
				order by b.updated_at desc, b.id desc limit :limit offset :offset""")
			.param("id", owner.id())
			.param("like", like)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::branch)
			.list();
		long total = this.jdbc.sql("select count(*) from branches where pacticipant_id = :id and name ilike :like")
			.param("id", owner.id())
			.param("like", like)
			.query(Long.class)
			.single();
		return new Listing<>(page, total);
	}

	/**
	 * Adds a version to a branch (creating the branch), makes it the branch's head and,
	 * if the pacticipant has no main branch yet and this is a usual main branch name,
	 * makes it the main branch.
	 * @return when the version was added, and whether it was new on the branch
	 */
	public Upserted<Instant> addVersion(VersionRef version, String branch, boolean autoCreated) {
		VersionService.validateName("branch", branch);
		long branchId = this.jdbc.sql("""
				insert into branches (pacticipant_id, name) values (:pacticipant, :name)
				on conflict (pacticipant_id, name) do update set updated_at = now() returning id""")
			.param("pacticipant", version.pacticipantId())
			.param("name", branch)
			.query(Long.class)
			.single();
		Optional<Long> added = this.jdbc
			.sql("""
					insert into branch_versions (branch_id, version_id, pacticipant_id, branch_name, version_order, auto_created)
					values (:branch, :version, :pacticipant, :name, :order, :auto)
					on conflict (branch_id, version_id) do nothing returning id""")
			.param("branch", branchId)
			.param("version", version.id())
			.param("pacticipant", version.pacticipantId())
			.param("name", branch)
			.param("order", version.order())
			.param("auto", autoCreated)
			.query(Long.class)
			.optional();
		if (added.isPresent()) {
			this.jdbc.sql("""
					insert into branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)
					values (:branch, :branchVersion, :version, :pacticipant, :name)
					on conflict (branch_id) do update
					set branch_version_id = excluded.branch_version_id, version_id = excluded.version_id""")
				.param("branch", branchId)
				.param("branchVersion", added.get())
				.param("version", version.id())
				.param("pacticipant", version.pacticipantId())
				.param("name", branch)
				.update();
			this.pacticipants.detectMainBranch(version.pacticipantId(), branch);
		}
		Instant createdAt = this.jdbc
			.sql("select created_at from branch_versions where branch_id = :branch and version_id = :version")
			.param("branch", branchId)
			.param("version", version.id())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.single();
		return new Upserted<>(createdAt, added.isPresent());
	}

	/** When the version was added to the branch, if it is on it. */
	@Transactional(readOnly = true)
	public Optional<Instant> findVersion(String pacticipant, String branch, String number) {
		return this.jdbc.sql("""
				select bv.created_at from branch_versions bv
				join branches b on b.id = bv.branch_id join pacticipants p on p.id = b.pacticipant_id
				join versions v on v.id = bv.version_id
				where p.name = :pacticipant and b.name = :branch and v.number = :number""")
			.param("pacticipant", pacticipant)
			.param("branch", branch)
			.param("number", number)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	/**
	 * Takes a version off a branch; the branch's head falls back to the version added
	 * before it.
	 */
	public void removeVersion(String pacticipant, String branch, String number) {
		BranchView found = get(pacticipant, branch);
		int removed = this.jdbc.sql("""
				delete from branch_versions bv using versions v
				where bv.branch_id = :branch and bv.version_id = v.id and v.number = :number""")
			.param("branch", found.id())
			.param("number", number)
			.update();
		if (removed == 0) {
			throw new NotFoundException(
					"No version '" + number + "' found on branch '" + branch + "' of pacticipant " + pacticipant);
		}
		repointHeads(this.pacticipants.get(pacticipant).id());
	}

	/** Deletes the branch, not its versions or their pacts. */
	public void delete(String pacticipant, String branch) {
		BranchView found = get(pacticipant, branch);
		this.jdbc.sql("delete from branches where id = :id").param("id", found.id()).update();
	}

	/**
	 * Deletes every branch of the pacticipant except its main branch and the excluded
	 * ones.
	 * @return the names of the branches that remain
	 */
	public Deleted deleteAllExcept(String pacticipant, Set<String> excluded) {
		PacticipantView owner = this.pacticipants.get(pacticipant);
		List<String> keep = new java.util.ArrayList<>(excluded);
		if (owner.mainBranch() != null) {
			keep.add(owner.mainBranch());
		}
		int deleted = this.jdbc
			.sql("delete from branches where pacticipant_id = :id and not (name = any(:keep::text[]))")
			.param("id", owner.id())
			.param("keep", keep.toArray(String[]::new))
			.update();
		List<String> remaining = this.jdbc.sql("select name from branches where pacticipant_id = :id order by name")
			.param("id", owner.id())
			.query(String.class)
			.list();
		return new Deleted(deleted, remaining);
	}

	/** Versions on the branch, most recently added first. */
	@Transactional(readOnly = true)
	public List<String> versionNumbers(String pacticipant, String branch) {
		BranchView found = get(pacticipant, branch);
		return this.jdbc.sql("""
				select v.number from branch_versions bv join versions v on v.id = bv.version_id
				where bv.branch_id = :branch order by bv.id desc""")
			.param("branch", found.id())
			.query(String.class)
			.list();
	}

	/**
	 * Gives every branch of the pacticipant that lost its head (its head version was
	 * deleted or taken off) the version added to it most recently among those left.
	 */
	void repointHeads(long pacticipantId) {
		this.jdbc.sql("""
				insert into branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)
				select distinct on (bv.branch_id) bv.branch_id, bv.id, bv.version_id, bv.pacticipant_id, bv.branch_name
				from branch_versions bv
				where bv.pacticipant_id = :pacticipant
				  and not exists (select 1 from branch_heads h where h.branch_id = bv.branch_id)
				order by bv.branch_id, bv.id desc
				on conflict (branch_id) do nothing""").param("pacticipant", pacticipantId).update();
	}

	private BranchView branch(ResultSet rs, int n) throws SQLException {
		return new BranchView(rs.getLong("id"), rs.getString("pacticipant"), rs.getString("name"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("head"));
	}

	static NotFoundException notFound(String pacticipant, String branch) {
		return new NotFoundException("No branch with name '" + branch + "' found for pacticipant " + pacticipant);
	}

	/**
	 * @param count how many branches were deleted
	 * @param remaining the branches left
	 */
	public record Deleted(int count, List<String> remaining) {

	}

}
