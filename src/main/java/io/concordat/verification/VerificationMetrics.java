package io.concordat.verification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many verification results there are, for {@code GET /metrics}. */
@Service
@Transactional(readOnly = true)
public class VerificationMetrics {

	private final JdbcClient jdbc;

	VerificationMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Counts counts() {
		Map<Integer, Long> perContent = new LinkedHashMap<>();
		this.jdbc.sql("""
				select results, count(*) from (select count(*) as results from verifications group by pact_version_id) r
				group by results order by results""").query((rs) -> {
			perContent.put(rs.getInt(1), rs.getLong(2));
		});
		return this.jdbc.sql("""
				select count(*) as results, count(*) filter (where success) as successes,
				       count(*) filter (where not success) as failures,
				       (select count(*) from (select distinct provider_version_id, pact_version_id, success
				                              from verifications) d) as distinct_results,
				       min(created_at) as first_result, max(created_at) as last_result
				from verifications""")
			.query((rs, n) -> new Counts(rs.getLong("results"), rs.getLong("successes"), rs.getLong("failures"),
					rs.getLong("distinct_results"), instant(rs.getTimestamp("first_result")),
					instant(rs.getTimestamp("last_result")), perContent))
			.single();
	}

	private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * @param results verification results
	 * @param successes successful ones
	 * @param failures failed ones
	 * @param distinct distinct (provider version, content, outcome) triples
	 * @param first when the first was published
	 * @param last when the last was published
	 * @param perContent how many pact contents have each number of results
	 */
	public record Counts(long results, long successes, long failures, long distinct, @Nullable Instant first,
			@Nullable Instant last, Map<Integer, Long> perContent) {

	}

}
