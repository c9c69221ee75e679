package io.concordat.database;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-configuration path: with no URL configured Concordat starts a real PostgreSQL
 * itself. Runs even when the rest of the suite uses an external server, so both paths
 * stay proven.
 */
class EmbeddedPostgresTests {

	@Test
	void withoutAUrlConcordatStartsAnEmbeddedPostgresAndMigratesIt() {
		DatabaseProperties properties = new DatabaseProperties(null, null, null, 2,
				new DatabaseProperties.Embedded(Path.of("target", "embedded-postgres-standalone"), null, true));
		DatabaseAutoConfiguration configuration = new DatabaseAutoConfiguration();
		DatabaseInfo info = configuration.databaseInfo(properties);
		assertThat(info.embedded()).isTrue();
		assertThat(info.description()).startsWith("embedded PostgreSQL on port");
		try (HikariDataSource dataSource = configuration.dataSource(info, properties)) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			String version = jdbc.sql("show server_version").query(String.class).single();
			assertThat(Integer.parseInt(version.split("\\.")[0])).isGreaterThanOrEqualTo(17);
			// The server is shared with the rest of the test JVM, whose cleaner refuses a
			// database it did not create; migrate a scratch database instead of
			// Concordat's.
			String scratch = "standalone_" + UUID.randomUUID().toString().replace("-", "");
			jdbc.sql("create database " + scratch).update();
			try {
				DataSource migrated = new SimpleDriverDataSource(new org.postgresql.Driver(),
						info.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + scratch));
				Flyway.configure().dataSource(migrated).locations("classpath:db/migration").load().migrate();
				assertThat(
						JdbcClient.create(migrated).sql("select count(*) from pacticipants").query(Long.class).single())
					.isZero();
			}
			finally {
				jdbc.sql("drop database " + scratch + " with (force)").update();
			}
		}
	}

	@Test
	void aConfiguredUrlSwitchesToThatServer() {
		DatabaseProperties properties = new DatabaseProperties("jdbc:postgresql://db.example:5432/concordat", "app",
				"secret", null, null);
		DatabaseInfo info = new DatabaseAutoConfiguration().databaseInfo(properties);
		assertThat(info.embedded()).isFalse();
		assertThat(info.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/concordat");
		assertThat(info.toString()).doesNotContain("secret");
	}

}
