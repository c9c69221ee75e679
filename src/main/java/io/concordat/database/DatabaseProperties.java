package io.concordat.database;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The database Concordat uses. Environment variables bind by Spring's relaxed rules:
 * {@code CONCORDAT_DATABASE_URL}, {@code CONCORDAT_DATABASE_USERNAME},
 * {@code CONCORDAT_DATABASE_PASSWORD},
 * {@code CONCORDAT_DATABASE_EMBEDDED_DATA_DIRECTORY},
 * {@code CONCORDAT_DATABASE_EMBEDDED_PORT}.
 *
 * @param url JDBC URL of an external PostgreSQL; when blank, an embedded PostgreSQL is
 * started
 * @param username user for the external database
 * @param password password for the external database
 * @param maximumPoolSize connections Concordat keeps open
 * @param embedded settings of the embedded PostgreSQL
 */
@ConfigurationProperties("concordat.database")
public record DatabaseProperties(@Nullable String url, @Nullable String username, @Nullable String password,
		@Nullable Integer maximumPoolSize, @Nullable Embedded embedded) {

	boolean external() {
		return this.url != null && !this.url.isBlank();
	}

	Embedded embeddedOrDefaults() {
		return (this.embedded != null) ? this.embedded : new Embedded(null, null, null);
	}

	int poolSize() {
		return (this.maximumPoolSize != null) ? this.maximumPoolSize : 10;
	}

	/**
	 * @param dataDirectory where the embedded PostgreSQL keeps its data, kept across
	 * restarts
	 * @param port the port it listens on; 0 or absent picks a free one
	 * @param cleanDataDirectory start from an empty data directory (tests)
	 */
	public record Embedded(@Nullable Path dataDirectory, @Nullable Integer port, @Nullable Boolean cleanDataDirectory) {

		Path dataDirectoryOrDefault() {
			return ((this.dataDirectory != null) ? this.dataDirectory : Path.of("data", "postgres")).toAbsolutePath();
		}

		int portOrRandom() {
			return (this.port != null) ? this.port : 0;
		}

		boolean clean() {
			return Boolean.TRUE.equals(this.cleanDataDirectory);
		}

	}

}
