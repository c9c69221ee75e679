package io.concordat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * An external test database keeps the previous run's data; clean it once per test JVM
 * (not per Spring context, which would pull the rug from under contexts still cached) and
 * migrate from scratch.
 * <p>
 * Cleaning drops everything, so it only ever happens to a database the tests own: one
 * that was empty when the tests first took it, which they then mark with
 * {@value #MARKER_SCHEMA}.{@value #MARKER_TABLE}. Any other database is refused, with its
 * data left as it was. The marker lives in a schema of its own, which Flyway neither
 * cleans nor counts when it checks that its schema is empty.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class TestDatabaseCleaner {

	static final String MARKER_SCHEMA = "concordat_test";

	static final String MARKER_TABLE = "concordat_test_marker";

	private static final AtomicBoolean cleaned = new AtomicBoolean();

	@Bean
	FlywayMigrationStrategy cleanOnceThenMigrate() {
		return (flyway) -> {
			if (cleaned.compareAndSet(false, true)) {
				claimAndClean(flyway);
			}
			flyway.migrate();
		};
	}

	/**
	 * Cleans the database Flyway is configured for, if the tests own it or it is empty
	 * (then marks it as theirs first).
	 * @param flyway configured for the test database
	 * @throws IllegalStateException when the database holds data the tests did not create
	 */
	static void claimAndClean(Flyway flyway) {
		DataSource dataSource = flyway.getConfiguration().getDataSource();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			if (!marked(statement)) {
				long objects = userObjects(statement);
				if (objects > 0) {
					throw new IllegalStateException(refusal(connection.getMetaData().getURL(), objects));
				}
				statement.execute("create schema if not exists " + MARKER_SCHEMA);
				statement.execute("create table if not exists " + MARKER_SCHEMA + "." + MARKER_TABLE
						+ " (claimed_at timestamptz not null default now())");
				statement.execute("insert into " + MARKER_SCHEMA + "." + MARKER_TABLE + " default values");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check whether the test database may be cleaned", ex);
		}
		flyway.clean();
	}

	private static boolean marked(Statement statement) throws SQLException {
		try (ResultSet result = statement
			.executeQuery("select to_regclass('" + MARKER_SCHEMA + "." + MARKER_TABLE + "') is not null")) {
			return result.next() && result.getBoolean(1);
		}
	}

	/**
	 * Tables, views, sequences and routines outside PostgreSQL's own schemas, not
	 * counting those an extension brought along.
	 */
	private static long userObjects(Statement statement) throws SQLException {
		String userSchema = "n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'"
				+ " and n.nspname not like 'pg\\_temp%'";
		String notFromExtension = "not exists (select 1 from pg_depend d where d.objid = %s.oid and d.deptype = 'e')";
		try (ResultSet result = statement.executeQuery("select (select count(*) from pg_class c"
				+ " join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and "
				+ userSchema + " and " + notFromExtension.formatted("c") + ") + (select count(*) from pg_proc p"
				+ " join pg_namespace n on n.oid = p.pronamespace where " + userSchema + " and "
				+ notFromExtension.formatted("p") + ")")) {
			result.next();
			return result.getLong(1);
		}
	}

	private static String refusal(String url, long objects) {
		return "Refusing to clean the test database " + url + ": it holds " + objects
				+ " tables, views, sequences or functions that the tests did not create (it has no " + MARKER_SCHEMA
				+ "." + MARKER_TABLE + " table). The test suite wipes its database, so give it an empty one of its own"
				+ " with " + TestDatabaseEnvironment.URL_VARIABLE
				+ " (and CONCORDAT_TEST_DATABASE_USERNAME / _PASSWORD), or unset it to use an embedded PostgreSQL."
				+ " The tests never use CONCORDAT_DATABASE_URL.";
	}

}
