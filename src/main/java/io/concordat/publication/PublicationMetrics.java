package io.concordat.publication;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many pacts, contents and integrations there are, for {@code GET /metrics}. */
@Service
@Transactional(readOnly = true)
public class PublicationMetrics {

	private final JdbcClient jdbc;

	PublicationMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Counts counts() {
		Counts counts = this.jdbc.sql("""
				select (select count(*) from integrations) as integrations,
				       (select count(*) from pact_publications) as publications,
				       (select min(created_at) from pact_publications) as first_publication,
				       (select max(created_at) from pact_publications) as last_publication,
				       (select count(*) from pact_versions) as contents,
				       coalesce(latest.interactions, 0) as interactions, coalesce(latest.messages, 0) as messages
				from (select sum(pv.interactions_count) as interactions, sum(pv.messages_count) as messages
				      from integrations i
				      cross join lateral (select l.pact_version_id from latest_pact_publications l
				                          where l.consumer_id = i.consumer_id and l.provider_id = i.provider_id
				                          order by l.consumer_version_order desc limit 1) lp
				      join pact_versions pv on pv.id = lp.pact_version_id) latest""")
			.query((rs, n) -> new Counts(rs.getLong("integrations"), rs.getLong("publications"),
					instant(rs.getTimestamp("first_publication")), instant(rs.getTimestamp("last_publication")),
					rs.getLong("contents"), rs.getLong("interactions"), rs.getLong("messages"), Map.of()))
			.single();
		Map<Integer, Long> revisions = new LinkedHashMap<>();
		this.jdbc.sql("""
				select revisions, count(*) from (select count(*) as revisions from pact_publications
				                                 group by consumer_version_id, provider_id) r
				group by revisions order by revisions""").query((rs) -> {
			revisions.put(rs.getInt(1), rs.getLong(2));
		});
		return new Counts(counts.integrations(), counts.publications(), counts.firstPublished(), counts.lastPublished(),
				counts.contents(), counts.latestInteractions(), counts.latestMessages(), revisions);
	}

	private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * @param integrations consumer–provider pairs with a pact
	 * @param publications pact publications (every revision)
	 * @param firstPublished when the first was published
	 * @param lastPublished when the last was published
	 * @param contents distinct pact contents
	 * @param latestInteractions HTTP interactions in the latest pact of each integration
	 * @param latestMessages message interactions in the latest pact of each integration
	 * @param revisionsPerConsumerVersion how many consumer version–provider pairs have
	 * each number of revisions
	 */
	public record Counts(long integrations, long publications, @Nullable Instant firstPublished,
			@Nullable Instant lastPublished, long contents, long latestInteractions, long latestMessages,
			Map<Integer, Long> revisionsPerConsumerVersion) {

	}

}
