package io.concordat.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work-in-progress pacts: recently published pacts that the provider's branch (or tags)
 * has not verified yet although nobody asked for them explicitly, so that a consumer's
 * feature branch gets early feedback without breaking the provider's build (they are
 * always pending). One query per request:
 * <ul>
 * <li>candidates are pacts for the provider published after the given date that belong to
 * the head of a consumer branch or to the latest version of a consumer tag;</li>
 * <li>a candidate is dropped once a provider version on the same branch (or with the same
 * tag) verified its content successfully, or one on another branch (tag) did before this
 * branch's first version (this tag's first use). Only results published through a non-WIP
 * URL count: verifying a WIP pact never ends its WIP status by itself;</li>
 * <li>a candidate the selectors selected explicitly is not WIP.</li>
 * </ul>
 * Without a provider branch or tags there is nothing to be "work in progress" for, so
 * there are no WIP pacts.
 */
@Component
class WipPacts {

	private static final String CANDIDATES = """
			select c.name as consumer, c.main_branch, lp.consumer_version_id, v.number as consumer_version,
			       lp.consumer_version_order, lp.pact_version_id, pv.sha, heads.kind, heads.label%s
			from pact_publications pp
			join latest_pact_publications lp on lp.pact_publication_id = pp.id
			join pacticipants c on c.id = lp.consumer_id
			join versions v on v.id = lp.consumer_version_id
			join pact_versions pv on pv.id = lp.pact_version_id
			join lateral (
			    select 'branch' as kind, bh.branch_name as label from branch_heads bh
			    where bh.version_id = lp.consumer_version_id
			    union all
			    select 'tag', t.name from tags t
			    where t.version_id = lp.consumer_version_id
			      and not exists (select 1 from tags later where later.pacticipant_id = t.pacticipant_id
			                      and later.name = t.name and later.version_order > t.version_order)
			) heads on true
			%s
			where pp.provider_id = :provider and pp.created_at > :since
			""";

	private final JdbcClient jdbc;

	WipPacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The WIP pacts, one per consumer and content, by consumer name then consumer version
	 * order.
	 * @param provider the provider
	 * @param branch the verifying provider version's branch
	 * @param tags the verifying provider version's tags (used when there is no branch)
	 * @param since only pacts published after this
	 * @param explicit the pacts the selectors selected
	 */
	List<VerifiablePact> find(PactsForVerificationQuery.Provider provider, @Nullable String branch, List<String> tags,
			Instant since, List<VerifiablePact> explicit) {
		if (branch == null && tags.isEmpty()) {
			return List.of();
		}
		List<VerifiablePact> candidates = (branch != null) ? forBranch(provider, branch, since)
				: forTags(provider, tags, since);
		Set<List<String>> selected = new HashSet<>();
		explicit.forEach((pact) -> selected.add(List.of(pact.pact().consumer(), pact.pact().sha())));
		Map<List<String>, VerifiablePact> byContent = new LinkedHashMap<>();
		for (VerifiablePact candidate : candidates) {
			List<String> key = List.of(candidate.pact().consumer(), candidate.pact().sha());
			if (!selected.contains(key)) {
				byContent.merge(key, candidate, VerifiablePact::merge);
			}
		}
		List<VerifiablePact> wip = new ArrayList<>(byContent.values());
		wip.sort(VerifiablePact.ORDER);
		return wip;
	}

	private List<VerifiablePact> forBranch(PactsForVerificationQuery.Provider provider, String branch, Instant since) {
		return this.jdbc.sql(CANDIDATES.formatted("", "") + """
				and not exists (
				    select 1 from verifications ver
				    join branch_versions bv on bv.version_id = ver.provider_version_id
				    where ver.provider_id = :provider and ver.pact_version_id = lp.pact_version_id
				      and ver.success and not ver.wip
				      and (bv.branch_name = :branch
				           or ver.created_at < coalesce((select fv.created_at from branches b
				                                         join branch_versions fbv on fbv.branch_id = b.id
				                                         join versions fv on fv.id = fbv.version_id
				                                         where b.pacticipant_id = :provider and b.name = :branch
				                                         order by fbv.created_at, fbv.id limit 1),
				                                        'infinity')))""")
			.param("provider", provider.id())
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.param("branch", branch)
			.query((rs, n) -> {
				PactToVerify pact = PactsForVerificationQuery.pact(rs, provider);
				return new VerifiablePact(pact, List.of(selector(rs, pact)), true, List.of(), List.of(), branch, true);
			})
			.list();
	}

	private List<VerifiablePact> forTags(PactsForVerificationQuery.Provider provider, List<String> tags,
			Instant since) {
		return this.jdbc
			.sql(CANDIDATES.formatted(", pt.tag as provider_tag", "cross join unnest(:tags::text[]) as pt(tag)") + """
					and not exists (
					    select 1 from verifications ver
					    where ver.provider_id = :provider and ver.pact_version_id = lp.pact_version_id
					      and ver.success and not ver.wip
					      and (pt.tag = any(ver.provider_version_tags)
					           or (exists (select 1 from unnest(ver.provider_version_tags) as other(name)
					                       where other.name <> pt.tag)
					               and ver.created_at < coalesce((select min(ft.created_at) from tags ft
					                                              where ft.pacticipant_id = :provider
					                                                and ft.name = pt.tag),
					                                             'infinity'))))""")
			.param("provider", provider.id())
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.param("tags", tags.toArray(String[]::new))
			.query((rs, n) -> {
				PactToVerify pact = PactsForVerificationQuery.pact(rs, provider);
				return new VerifiablePact(pact, List.of(selector(rs, pact)), true,
						List.of(rs.getString("provider_tag")), List.of(), null, true);
			})
			.list();
	}

	/** A WIP pact is listed as the latest of the consumer branch or tag it heads. */
	private static ResolvedSelector selector(ResultSet rs, PactToVerify pact) throws SQLException {
		String label = rs.getString("label");
		if ("branch".equals(rs.getString("kind"))) {
			return ResolvedSelector.of(ConsumerVersionSelector.latestForBranch(label), pact, label);
		}
		return ResolvedSelector.of(ConsumerVersionSelector.latestForTag(label), pact, null);
	}

}
