package io.concordat.deployment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many environments, deployments and releases there are, for {@code GET /metrics}.
 */
@Service
@Transactional(readOnly = true)
public class DeploymentMetrics {

	private final JdbcClient jdbc;

	DeploymentMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Counts counts() {
		return this.jdbc
			.sql("""
					select (select count(*) from environments) as environments,
					       (select count(*) from deployed_versions) as deployed,
					       (select count(*) from deployed_versions where not auto_created) as deployed_by_users,
					       (select count(*) from currently_deployed_versions) as currently_deployed,
					       (select count(*) from released_versions) as released,
					       (select count(*) from released_versions where support_ended_at is null) as currently_supported""")
			.query((rs, n) -> new Counts(rs.getLong("environments"), rs.getLong("deployed"),
					rs.getLong("deployed_by_users"), rs.getLong("currently_deployed"), rs.getLong("released"),
					rs.getLong("currently_supported")))
			.single();
	}

	/**
	 * @param environments environments
	 * @param deployed deployed versions ever recorded
	 * @param deployedByUsers those recorded by a client (not derived)
	 * @param currentlyDeployed those not undeployed
	 * @param released released versions ever recorded
	 * @param currentlySupported those whose support has not ended
	 */
	public record Counts(long environments, long deployed, long deployedByUsers, long currentlyDeployed, long released,
			long currentlySupported) {

	}

}
