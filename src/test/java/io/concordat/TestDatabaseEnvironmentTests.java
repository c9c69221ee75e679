package io.concordat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.concordat.database.DatabaseProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseEnvironmentTests {

	@Test
	void testsIgnoreAnExportedConcordatDatabaseUrlAndUseTheirOwnVariable() {
		DatabaseProperties database = bind(Map.of("CONCORDAT_DATABASE_URL", "jdbc:postgresql://prod/concordat",
				"CONCORDAT_DATABASE_USERNAME", "owner", "CONCORDAT_TEST_DATABASE_URL",
				"jdbc:postgresql://ci/concordat_test", "CONCORDAT_TEST_DATABASE_USERNAME", "ci"));

		assertThat(database.url()).isEqualTo("jdbc:postgresql://ci/concordat_test");
		assertThat(database.username()).isEqualTo("ci");
	}

	@Test
	void withoutTheTestVariableTestsStartTheirOwnEmbeddedPostgresEvenWhenTheUsersDatabaseIsExported() {
		DatabaseProperties database = bind(Map.of("CONCORDAT_DATABASE_URL", "jdbc:postgresql://prod/concordat",
				"CONCORDAT_DATABASE_EMBEDDED_DATA_DIRECTORY", "/srv/concordat/data", "CONCORDAT_DATABASE_EMBEDDED_PORT",
				"5432"));

		assertThat(database.url()).isEmpty();
		assertThat(database.embedded().dataDirectory()).isEqualTo(Path.of("target/embedded-postgres"));
		assertThat(database.embedded().port()).isZero();
		assertThat(database.embedded().cleanDataDirectory()).isTrue();
	}

	@Test
	void aTestEntryPointMayChooseItsOwnEmbeddedDataFolder() {
		StandardEnvironment environment = environment(Map.of());
		environment.getPropertySources()
			.addFirst(new MapPropertySource("commandLineArgs", Map.of(TestDatabaseEnvironment.DATA_DIRECTORY_PROPERTY,
					"target/benchmark-postgres", "concordat.database.embedded.data-directory", "data/postgres")));
		new TestDatabaseEnvironment().postProcessEnvironment(environment, new SpringApplication());

		DatabaseProperties database = Binder.get(environment)
			.bindOrCreate("concordat.database", DatabaseProperties.class);
		assertThat(database.embedded().dataDirectory()).isEqualTo(Path.of("target/benchmark-postgres"));
	}

	private static DatabaseProperties bind(Map<String, Object> variables) {
		StandardEnvironment environment = environment(variables);
		new TestDatabaseEnvironment().postProcessEnvironment(environment, new SpringApplication());
		return Binder.get(environment).bindOrCreate("concordat.database", DatabaseProperties.class);
	}

	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return environment;
	}

}
