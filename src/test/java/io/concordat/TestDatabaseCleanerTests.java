package io.concordat;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.concordat.database.DatabaseInfo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The suite cleans its database, so the cleaner must refuse any database it does not own.
 * Each test works on a scratch database of its own on the test server, dropped
 * afterwards.
 */
@ConcordatTest
class TestDatabaseCleanerTests {

	@Autowired
	JdbcClient server;

	@Autowired
	DatabaseInfo database;

	private String scratch;

	private JdbcClient jdbc;

	private Flyway flyway;

	@BeforeEach
	void createScratchDatabase() {
		this.scratch = "cleaner_" + UUID.randomUUID().toString().replace("-", "");
		this.server.sql("create database " + this.scratch).update();
		DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
				this.database.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + this.scratch),
				this.database.username(), this.database.password());
		this.jdbc = JdbcClient.create(dataSource);
		this.flyway = Flyway.configure()
			.dataSource(dataSource)
			.cleanDisabled(false)
			.locations("classpath:db/migration")
			.load();
	}

	@AfterEach
	void dropScratchDatabase() {
		this.server.sql("drop database if exists " + this.scratch + " with (force)").update();
	}

	@Test
	void refusesToCleanADatabaseHoldingDataTheTestsDidNotCreateAndLeavesItIntact() {
		this.jdbc.sql("create table orders (id bigint primary key, total_cents bigint not null)").update();
		this.jdbc.sql("insert into orders values (1, 4200)").update();

		assertThatIllegalStateException().isThrownBy(() -> TestDatabaseCleaner.claimAndClean(this.flyway))
			.withMessageContaining("Refusing to clean the test database")
			.withMessageContaining(this.scratch)
			.withMessageContaining("that the tests did not create")
			.withMessageContaining("CONCORDAT_TEST_DATABASE_URL");

		assertThat(this.jdbc.sql("select total_cents from orders where id = 1").query(Long.class).single())
			.isEqualTo(4200);
		assertThat(this.jdbc.sql("select to_regclass('concordat_test.concordat_test_marker') is null")
			.query(Boolean.class)
			.single()).as("a refused database is not marked").isTrue();
	}

	@Test
	void takesAnEmptyDatabaseMarksItAndCleansItOnLaterRuns() {
		TestDatabaseCleaner.claimAndClean(this.flyway);
		this.flyway.migrate();
		this.jdbc.sql("insert into pacticipants (name) values ('left-over')").update();

		TestDatabaseCleaner.claimAndClean(this.flyway);

		assertThat(this.jdbc.sql("select to_regclass('public.pacticipants') is null").query(Boolean.class).single())
			.as("the previous run's schema is gone")
			.isTrue();
		assertThat(
				this.jdbc.sql("select count(*) from concordat_test.concordat_test_marker").query(Long.class).single())
			.isOne();
	}

}
