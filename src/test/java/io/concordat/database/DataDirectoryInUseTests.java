package io.concordat.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import io.concordat.ConcordatApplication;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A second Concordat started on the data folder of one that runs is told so in one line,
 * with the setting that picks another folder, and leaves the first one's data alone.
 */
class DataDirectoryInUseTests {

	@Test
	void aSecondConcordatOnTheSameDataFolderSaysAnotherConcordatUsesItAndWhichSettingChoosesAnother() throws Exception {
		Path folder = Path.of("target", "in-use-" + UUID.randomUUID()).toAbsolutePath();
		try (EmbeddedPostgres first = EmbeddedPostgres.builder().setDataDirectory(folder).start()) {
			JdbcClient firstDatabase = JdbcClient.create(first.getPostgresDatabase());
			firstDatabase.sql("create table kept (id int)").update();

			Path output = Files.createTempFile("second-concordat", ".log");
			try {
				ProcessBuilder secondConcordat = new ProcessBuilder(
						List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
								System.getProperty("java.class.path"), ConcordatApplication.class.getName(),
								"--server.port=0", "--concordat.test.data-directory=" + folder))
					.redirectErrorStream(true)
					.redirectOutput(output.toFile());
				// The embedded path is under test: a test database exported for the suite
				// (as CI does) would let the second Concordat start on that server
				// instead.
				secondConcordat.environment().keySet().removeIf((name) -> name.startsWith("CONCORDAT_"));
				Process second = secondConcordat.start();
				boolean exited = second.waitFor(2, TimeUnit.MINUTES);
				if (!exited) {
					second.destroyForcibly();
				}
				assertThat(exited).as("the second Concordat gives up").isTrue();
				String printed = Files.readString(output, StandardCharsets.UTF_8);

				assertThat(second.exitValue()).as(printed).isNotZero();
				assertThat(printed).contains("Another Concordat (its PostgreSQL is process")
					.contains("is already using the data folder " + folder)
					.contains("CONCORDAT_DATA_DIRECTORY")
					.doesNotContain("Caused by")
					.doesNotContain("\tat ");
			}
			finally {
				Files.deleteIfExists(output);
			}
			assertThat(firstDatabase.sql("select count(*) from kept").query(Long.class).single()).isZero();
		}
	}

	@Test
	void aPidFileLeftByAPostgresThatIsGoneDoesNotStopAStart() throws IOException, InterruptedException {
		Path folder = Files.createDirectories(Path.of("target", "stale-" + UUID.randomUUID()));
		Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-version")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		gone.waitFor();
		Files.writeString(folder.resolve("postmaster.pid"), gone.pid() + "\n" + folder + "\n");

		assertThatNoException().isThrownBy(() -> EmbeddedPostgresServer.refuseIfInUse(folder));
	}

}
