package io.concordat.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM. Tests build several Spring contexts; they all share
 * this server, so it is started once and stopped when the JVM exits rather than with any
 * one context.
 */
final class EmbeddedPostgresServer {

	static final String DATABASE = "concordat";

	private static EmbeddedPostgresServer running;

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	static synchronized EmbeddedPostgresServer start(DatabaseProperties.Embedded settings) {
		if (running != null) {
			return running;
		}
		Path dataDirectory = settings.dataDirectoryOrDefault();
		// Before anything touches the folder: cleaning it would pull the data from under
		// the PostgreSQL that runs on it, and starting on it fails deep inside pg_ctl.
		refuseIfInUse(dataDirectory);
		try {
			if (settings.clean()) {
				// initdb refuses a non-empty folder, and a run that was killed leaves one
				// behind.
				deleteRecursively(dataDirectory);
			}
			Files.createDirectories(dataDirectory);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(settings.clean())
				.setPort(settings.portOrRandom())
				.setServerConfig("max_connections", "100")
				.start();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory);
			server.createDatabaseIfMissing();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-shutdown"));
			running = server;
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	/**
	 * Fails when the PostgreSQL that wrote the folder's {@code postmaster.pid} still
	 * runs. A file left by a PostgreSQL that was killed names a process that is gone (or,
	 * after a reboot, one that is not PostgreSQL), and PostgreSQL itself starts over it.
	 * @param dataDirectory the embedded PostgreSQL's data folder
	 * @throws DataDirectoryInUseException when a live PostgreSQL owns it
	 */
	static void refuseIfInUse(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		long pid;
		try {
			if (!Files.isRegularFile(pidFile)) {
				return;
			}
			pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
		}
		catch (IOException | RuntimeException ex) {
			// Unreadable or half written: let PostgreSQL judge it.
			return;
		}
		boolean postgresRuns = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.map((process) -> process.info().command().map((command) -> command.contains("postgres")).orElse(true))
			.orElse(false);
		if (postgresRuns) {
			throw new DataDirectoryInUseException(dataDirectory, pid);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", DATABASE);
	}

	int port() {
		return this.postgres.getPort();
	}

	Path dataDirectory() {
		return this.dataDirectory;
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (exists.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database '" + DATABASE + "'", ex);
		}
	}

	private void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			// The JVM is exiting; PostgreSQL's own shutdown-on-postmaster-death takes
			// over.
		}
	}

}
