package io.concordat.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients are installed from the committed lockfile without asking the registry what
 * to fetch, and only when {@code node_modules} does not already match it.
 */
class PactCliInstallTests {

	@Test
	void theLockfileNamesWhereEveryPackageComesFromAndItsChecksum() {
		JsonNode packages = JsonMapper.builder()
			.build()
			.readTree(PactCli.e2eFolder().resolve("package-lock.json").toFile())
			.get("packages");
		assertThat(packages.properties()).hasSizeGreaterThan(100);
		packages.properties().stream().filter((entry) -> !entry.getKey().isEmpty()).forEach((entry) -> {
			assertThat(entry.getValue().path("resolved").asString()).as(entry.getKey()).startsWith("https://");
			assertThat(entry.getValue().path("integrity").asString()).as(entry.getKey()).startsWith("sha512-");
		});
	}

	@Test
	@ExtendWith(PactCli.RequiresNode.class)
	void anInstallIsReusedUntilTheLockfileChanges() throws IOException {
		PactCli.install();
		Path e2e = PactCli.e2eFolder();
		Path installedLock = e2e.resolve("node_modules").resolve(PactCli.INSTALLED_LOCK);
		assertThat(PactCli.installedFromLockfile(e2e)).isTrue();

		String digest = Files.readString(installedLock);
		try {
			Files.writeString(installedLock, "installed from an older lockfile");
			assertThat(PactCli.installedFromLockfile(e2e)).isFalse();
		}
		finally {
			Files.writeString(installedLock, digest);
		}
	}

}
