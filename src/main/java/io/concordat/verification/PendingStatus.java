package io.concordat.verification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether pacts are pending for the provider version about to verify them: a pending
 * pact's failure must not fail the provider's build, because the provider has never been
 * shown to satisfy it. Pending status belongs to content, so one successful verification
 * counts for every consumer version that published the same content. Worked out for all
 * the pacts of a request in one query:
 * <ul>
 * <li>with the provider's branch: pending until a provider version on that branch
 * verified the content successfully, or a version on another branch did before this
 * branch was created (a new branch inherits what was already verified; while the branch
 * does not exist yet, any other branch's success counts);</li>
 * <li>with provider tags only (legacy): the same per tag, using the tags the verifying
 * versions carry and the time each tag was first used; pending if pending for any
 * tag;</li>
 * <li>with neither: pending until any provider version verified it successfully.</li>
 * </ul>
 * Results published for WIP pacts count too: they end pending status, not WIP status.
 */
@Component
class PendingStatus {

	private final JdbcClient jdbc;

	PendingStatus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The status of each content.
	 * @param providerId the provider
	 * @param pactVersionIds the contents
	 * @param branch the verifying provider version's branch, if known
	 * @param tags the verifying provider version's tags
	 */
	Map<Long, Status> of(long providerId, Collection<Long> pactVersionIds, @Nullable String branch, List<String> tags) {
		Map<Long, Status> statuses = new HashMap<>();
		if (pactVersionIds.isEmpty()) {
			return statuses;
		}
		Long[] ids = pactVersionIds.stream().distinct().toArray(Long[]::new);
		if (branch != null || tags.isEmpty()) {
			Set<Long> verified = new HashSet<>((branch != null) ? verifiedForBranch(providerId, ids, branch)
					: verifiedByAnyVersion(providerId, ids));
			for (Long id : ids) {
				statuses.put(id, new Status(!verified.contains(id), List.of(), List.of()));
			}
			return statuses;
		}
		Map<Long, Set<String>> verifiedTags = verifiedForTags(providerId, ids, tags);
		for (Long id : ids) {
			Set<String> verified = verifiedTags.getOrDefault(id, Set.of());
			List<String> pendingTags = new ArrayList<>();
			List<String> nonPendingTags = new ArrayList<>();
			for (String tag : tags) {
				(verified.contains(tag) ? nonPendingTags : pendingTags).add(tag);
			}
			statuses.put(id, new Status(!pendingTags.isEmpty(), pendingTags, nonPendingTags));
		}
		return statuses;
	}

	private List<Long> verifiedForBranch(long providerId, Long[] ids, String branch) {
		return this.jdbc.sql("""
				select ids.id from unnest(:ids::bigint[]) as ids(id)
				where exists (
				    select 1 from verifications ver
				    join branch_versions bv on bv.version_id = ver.provider_version_id
				    where ver.provider_id = :provider and ver.pact_version_id = ids.id and ver.success
				      and (bv.branch_name = :branch
				           or ver.created_at < coalesce((select b.created_at from branches b
				                                         where b.pacticipant_id = :provider and b.name = :branch),
				                                        'infinity')))""")
			.param("ids", ids)
			.param("provider", providerId)
			.param("branch", branch)
			.query(Long.class)
			.list();
	}

	private Map<Long, Set<String>> verifiedForTags(long providerId, Long[] ids, List<String> tags) {
		Map<Long, Set<String>> verified = new HashMap<>();
		this.jdbc.sql("""
				select ids.id, pt.tag from unnest(:ids::bigint[]) as ids(id) cross join unnest(:tags::text[]) as pt(tag)
				where exists (
				    select 1 from verifications ver
				    join tags vt on vt.version_id = ver.provider_version_id
				    where ver.provider_id = :provider and ver.pact_version_id = ids.id and ver.success
				      and (vt.name = pt.tag
				           or ver.created_at < coalesce((select min(ft.created_at) from tags ft
				                                         where ft.pacticipant_id = :provider and ft.name = pt.tag),
				                                        'infinity')))""")
			.param("ids", ids)
			.param("tags", tags.toArray(String[]::new))
			.param("provider", providerId)
			.query((rs, n) -> verified.computeIfAbsent(rs.getLong(1), (key) -> new HashSet<>()).add(rs.getString(2)))
			.list();
		return verified;
	}

	private List<Long> verifiedByAnyVersion(long providerId, Long[] ids) {
		return this.jdbc.sql("""
				select ids.id from unnest(:ids::bigint[]) as ids(id)
				where exists (select 1 from verifications ver
				              where ver.provider_id = :provider and ver.pact_version_id = ids.id and ver.success)""")
			.param("ids", ids)
			.param("provider", providerId)
			.query(Long.class)
			.list();
	}

	/**
	 * @param pending whether a failed verification must not fail the build
	 * @param pendingTags the provider tags it is pending for (tag-based only)
	 * @param nonPendingTags the provider tags it is not pending for (tag-based only)
	 */
	record Status(boolean pending, List<String> pendingTags, List<String> nonPendingTags) {

	}

}
