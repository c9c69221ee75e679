package io.concordat.pacticipant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many pacticipants, versions and tags there are, for {@code GET /metrics}. */
@Service
@Transactional(readOnly = true)
public class PacticipantMetrics {

	private final JdbcClient jdbc;

	PacticipantMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One statement of counts; none of them reads more than one table's index or rows
	 * once.
	 */
	public Counts counts() {
		return this.jdbc
			.sql("""
					select (select count(*) from pacticipants) as pacticipants,
					       (select count(*) from pacticipants where main_branch is not null) as with_main_branch,
					       (select count(*) from versions) as versions,
					       (select count(distinct version_id) from branch_versions where not auto_created) as with_user_branch,
					       (select count(distinct version_id) from branch_versions) as with_branch,
					       (select count(*) from tags) as tags,
					       (select count(distinct name) from tags) as distinct_tags,
					       (select count(*) from (select distinct name, pacticipant_id from tags) t) as distinct_tags_per_pacticipant""")
			.query((rs, n) -> new Counts(rs.getLong("pacticipants"), rs.getLong("with_main_branch"),
					rs.getLong("versions"), rs.getLong("with_user_branch"), rs.getLong("with_branch"),
					rs.getLong("tags"), rs.getLong("distinct_tags"), rs.getLong("distinct_tags_per_pacticipant")))
			.single();
	}

	/**
	 * @param pacticipants pacticipants
	 * @param withMainBranch pacticipants with a main branch set
	 * @param versions versions
	 * @param versionsWithUserCreatedBranch versions on a branch a client named (not one
	 * derived from a tag)
	 * @param versionsWithBranch versions on any branch
	 * @param tags tags (one per version and name)
	 * @param distinctTagNames distinct tag names
	 * @param distinctTagNamesPerPacticipant distinct tag names per pacticipant, summed
	 */
	public record Counts(long pacticipants, long withMainBranch, long versions, long versionsWithUserCreatedBranch,
			long versionsWithBranch, long tags, long distinctTagNames, long distinctTagNamesPerPacticipant) {

	}

}
