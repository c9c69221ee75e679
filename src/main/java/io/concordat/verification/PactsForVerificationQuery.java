package io.concordat.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the pacts the consumer version selectors select: one SQL query per selector (two
 * for a selector with a fallback), one for all the default selectors together. Each query
 * starts from the provider's integrations, finds the selected consumer versions through
 * an index ({@code branch_heads}, {@code tags_latest_by_name},
 * {@code latest_pact_publications}) and takes their current pact revision from
 * {@code latest_pact_publications}, so overridden revisions never show.
 *
 * <p>
 * "Latest" for a branch, the main branch or a tag means the pact <em>of</em> the head
 * version (the version last added to the branch, the latest version with the tag): when
 * the head published no pact for this provider, that consumer has none.
 */
@Repository
class PactsForVerificationQuery {

	private static final String PACT_COLUMNS = """
			select c.name as consumer, c.main_branch, lp.consumer_version_id, v.number as consumer_version,
			       lp.consumer_version_order, lp.pact_version_id, pv.sha""";

	private static final String PACT_JOINS = """
			join versions v on v.id = lp.consumer_version_id
			join pact_versions pv on pv.id = lp.pact_version_id
			""";

	private final JdbcClient jdbc;

	private final DeployedVersions deployedVersions;

	PactsForVerificationQuery(JdbcClient jdbc, DeployedVersions deployedVersions) {
		this.jdbc = jdbc;
		this.deployedVersions = deployedVersions;
	}

	/**
	 * The selected pacts, one per consumer and content, by consumer name then consumer
	 * version order.
	 * @param provider the provider
	 * @param selectors the normalised selectors; empty for the defaults
	 */
	List<SelectedPact> select(Provider provider, List<ConsumerVersionSelector> selectors) {
		List<SelectedPact> selected = new ArrayList<>();
		if (selectors.isEmpty()) {
			selected.addAll(defaults(provider));
			selected.addAll(inEnvironments(provider, ConsumerVersionSelector.currentlyDeployed(null)));
			selected.addAll(inEnvironments(provider, ConsumerVersionSelector.currentlySupported(null)));
		}
		for (ConsumerVersionSelector selector : selectors) {
			selected.addAll(select(provider, selector));
		}
		return SelectedPact.mergeByContent(selected);
	}

	private List<SelectedPact> select(Provider provider, ConsumerVersionSelector selector) {
		return switch (selector.kind()) {
			case MAIN_BRANCH -> heads(provider, selector, "bh.branch_name = c.main_branch", null);
			case BRANCH -> withFallback(heads(provider, selector, "bh.branch_name = :name", selector.branch()),
					(selector.fallbackBranch() != null)
							? heads(provider, selector, "bh.branch_name = :name", selector.fallbackBranch()) : null);
			case EVERY_BRANCH -> heads(provider, selector, "true", null);
			case LATEST_TAG ->
				withFallback(latestWithTag(provider, selector, selector.tag()), (selector.fallbackTag() != null)
						? latestWithTag(provider, selector, selector.fallbackTag()) : null);
			case ALL_TAG -> resolve(selector, provider, """
					join tags t on t.pacticipant_id = i.consumer_id and t.name = :name
					join latest_pact_publications lp on lp.consumer_version_id = t.version_id
					     and lp.provider_id = i.provider_id""", "null", selector.tag());
			case OVERALL_LATEST -> resolve(selector, provider, """
					join lateral (select l.consumer_version_id from latest_pact_publications l
					              where l.consumer_id = i.consumer_id and l.provider_id = i.provider_id
					              order by l.consumer_version_order desc limit 1) latest on true
					join latest_pact_publications lp on lp.consumer_version_id = latest.consumer_version_id
					     and lp.provider_id = i.provider_id""", "null", null);
			case DEPLOYED, RELEASED, ENVIRONMENT -> inEnvironments(provider, selector);
		};
	}

	/** The pact of the head of the branches the condition picks. */
	private List<SelectedPact> heads(Provider provider, ConsumerVersionSelector selector, String branchCondition,
			@Nullable String name) {
		return resolve(selector, provider, """
				join branch_heads bh on bh.pacticipant_id = i.consumer_id and %s
				join latest_pact_publications lp on lp.consumer_version_id = bh.version_id
				     and lp.provider_id = i.provider_id""".formatted(branchCondition), "bh.branch_name", name);
	}

	/** The pact of the latest version with the tag. */
	private List<SelectedPact> latestWithTag(Provider provider, ConsumerVersionSelector selector,
			@Nullable String tag) {
		return resolve(selector, provider, """
				join lateral (select t.version_id from tags t where t.pacticipant_id = i.consumer_id and t.name = :name
				              order by t.version_order desc limit 1) head on true
				join latest_pact_publications lp on lp.consumer_version_id = head.version_id
				     and lp.provider_id = i.provider_id""", "null", tag);
	}

	/**
	 * The selector's own pacts, and for each consumer without one, the fallback's (marked
	 * as such).
	 */
	private static List<SelectedPact> withFallback(List<SelectedPact> primary, @Nullable List<SelectedPact> fallback) {
		if (fallback == null) {
			return primary;
		}
		Set<String> found = new HashSet<>();
		primary.forEach((selected) -> found.add(selected.pact().consumer()));
		List<SelectedPact> all = new ArrayList<>(primary);
		for (SelectedPact selected : fallback) {
			if (!found.contains(selected.pact().consumer())) {
				ResolvedSelector resolved = selected.selectors().get(0);
				all.add(new SelectedPact(selected.pact(),
						ResolvedSelector.fallback(resolved.selector(), selected.pact(), resolved.branch())));
			}
		}
		return all;
	}

	private List<SelectedPact> resolve(ConsumerVersionSelector selector, Provider provider, String selection,
			String branchColumn, @Nullable String name) {
		String sql = PACT_COLUMNS + ", " + branchColumn + " as branch\nfrom integrations i\n"
				+ "join pacticipants c on c.id = i.consumer_id\n" + selection + "\n" + PACT_JOINS
				+ "where i.provider_id = :provider" + ((selector.consumer() != null) ? " and c.name = :consumer" : "");
		var statement = this.jdbc.sql(sql).param("provider", provider.id());
		if (selector.consumer() != null) {
			statement = statement.param("consumer", selector.consumer());
		}
		if (name != null) {
			statement = statement.param("name", name);
		}
		return statement.query((rs, n) -> {
			PactToVerify pact = pact(rs, provider);
			return new SelectedPact(pact, ResolvedSelector.of(selector, pact, rs.getString("branch")));
		}).list();
	}

	/**
	 * The defaults, for each consumer of the provider: the head of its main branch if the
	 * main branch has versions, else the latest version tagged with the main branch's
	 * name if there is one, else its latest pact. One query for every consumer.
	 */
	private List<SelectedPact> defaults(Provider provider) {
		return this.jdbc
			.sql(PACT_COLUMNS + ", chosen.priority, chosen.label\n"
					+ """
							from integrations i
							join pacticipants c on c.id = i.consumer_id
							join lateral (
							    select * from (
							        (select bh.version_id, 1 as priority, bh.branch_name as label from branch_heads bh
							         where bh.pacticipant_id = c.id and bh.branch_name = c.main_branch)
							        union all
							        (select t.version_id, 2, t.name from tags t where t.pacticipant_id = c.id and t.name = c.main_branch
							         order by t.version_order desc limit 1)
							        union all
							        (select l.consumer_version_id, 3, null from latest_pact_publications l
							         where l.consumer_id = c.id and l.provider_id = i.provider_id
							         order by l.consumer_version_order desc limit 1)
							    ) choices order by priority limit 1) chosen on true
							join latest_pact_publications lp on lp.consumer_version_id = chosen.version_id
							     and lp.provider_id = i.provider_id
							"""
					+ PACT_JOINS + "where i.provider_id = :provider")
			.param("provider", provider.id())
			.query((rs, n) -> {
				PactToVerify pact = pact(rs, provider);
				String label = rs.getString("label");
				ConsumerVersionSelector selector = switch (rs.getInt("priority")) {
					case 1 -> ConsumerVersionSelector.forMainBranch();
					case 2 -> ConsumerVersionSelector.latestForTag(label);
					default -> ConsumerVersionSelector.overallLatest();
				};
				return new SelectedPact(pact, ResolvedSelector.of(selector.forConsumer(pact.consumer()), pact,
						(rs.getInt("priority") == 1) ? label : null));
			})
			.list();
	}

	/**
	 * The pacts of consumer versions deployed or released, as {@link DeployedVersions}
	 * knows them, in one query.
	 */
	private List<SelectedPact> inEnvironments(Provider provider, ConsumerVersionSelector selector) {
		List<DeployedVersions.EnvironmentVersion> versions = new ArrayList<>();
		if (selector.deployed() || !selector.released()) {
			versions.addAll(this.deployedVersions.currentlyDeployed(provider.id(), selector.consumer(),
					selector.environment()));
		}
		if (selector.released() || !selector.deployed()) {
			versions.addAll(this.deployedVersions.currentlySupported(provider.id(), selector.consumer(),
					selector.environment()));
		}
		if (versions.isEmpty()) {
			return List.of();
		}
		Map<Long, PactToVerify> pacts = new LinkedHashMap<>();
		this.jdbc
			.sql(PACT_COLUMNS + "\nfrom latest_pact_publications lp\njoin pacticipants c on c.id = lp.consumer_id\n"
					+ PACT_JOINS + "where lp.provider_id = :provider and lp.consumer_version_id = any(:versions)")
			.param("provider", provider.id())
			.param("versions",
					versions.stream()
						.map(DeployedVersions.EnvironmentVersion::consumerVersionId)
						.distinct()
						.toArray(Long[]::new))
			.query((rs, n) -> pacts.put(rs.getLong("consumer_version_id"), pact(rs, provider)))
			.list();
		List<SelectedPact> selected = new ArrayList<>();
		for (DeployedVersions.EnvironmentVersion version : versions) {
			PactToVerify pact = pacts.get(version.consumerVersionId());
			if (pact != null) {
				selected.add(new SelectedPact(pact, ResolvedSelector.inEnvironment(selector, pact, version)));
			}
		}
		return selected;
	}

	static PactToVerify pact(ResultSet rs, Provider provider) throws SQLException {
		return new PactToVerify(rs.getString("consumer"), rs.getString("main_branch"), provider.name(),
				rs.getLong("consumer_version_id"), rs.getString("consumer_version"),
				rs.getLong("consumer_version_order"), rs.getLong("pact_version_id"), rs.getString("sha"));
	}

	/**
	 * @param id the provider pacticipant's id
	 * @param name its name
	 */
	record Provider(long id, String name) {

	}

}
