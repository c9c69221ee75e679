package io.concordat.database;

import java.io.IOException;
import java.io.InputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mvnw spring-boot:run} and {@code java -jar} must start the embedded PostgreSQL
 * on Linux and macOS, Intel and ARM: the binaries for all four are runtime dependencies,
 * found the way the embedded PostgreSQL looks them up on each platform.
 */
class EmbeddedPostgresBinariesTests {

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "Linux, x86_64", "Linux, arm_64", "Darwin, x86_64", "Darwin, arm_64" })
	void postgresBinariesArePackagedForThePlatform(String system, String architecture) throws IOException {
		try (InputStream binaries = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture)) {
			assertThat(binaries.readNBytes(6)).as("an xz archive").startsWith(0xFD, '7', 'z', 'X', 'Z', 0x00);
		}
	}

}
