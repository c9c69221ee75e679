package io.concordat.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Provides Concordat's {@link DataSource}: the external PostgreSQL when a URL is
 * configured, otherwise an embedded real PostgreSQL whose data lives in a local folder.
 * An auto-configuration (not a plain configuration class) so that test slices get the
 * same database as the application.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseAutoConfiguration {

	@Bean
	DatabaseInfo databaseInfo(DatabaseProperties properties) {
		if (properties.external()) {
			return new DatabaseInfo(properties.url(), properties.username(), properties.password(), false,
					"PostgreSQL at " + properties.url());
		}
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.embeddedOrDefaults());
		return new DatabaseInfo(server.jdbcUrl(), "postgres", null, true,
				"embedded PostgreSQL on port " + server.port() + " (data in " + server.dataDirectory() + ")");
	}

	@Bean
	HikariDataSource dataSource(DatabaseInfo database, DatabaseProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		// Blank counts as unset, so that a property pinned empty falls back to the
		// driver's
		// defaults instead of logging in as "".
		if (database.username() != null && !database.username().isBlank()) {
			dataSource.setUsername(database.username());
		}
		if (database.password() != null && !database.password().isBlank()) {
			dataSource.setPassword(database.password());
		}
		dataSource.setMaximumPoolSize(properties.poolSize());
		dataSource.setPoolName("concordat");
		return dataSource;
	}

}
