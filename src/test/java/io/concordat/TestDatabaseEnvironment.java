package io.concordat;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Binds every Spring application started in a test JVM (the {@code ConcordatTest}
 * context, test slices, the benchmark) to the test database and nothing else.
 * <p>
 * The suite wipes its database, so it must never reach the one a developer runs Concordat
 * on. {@code CONCORDAT_DATABASE_URL} is therefore ignored even when exported: the tests
 * read {@code CONCORDAT_TEST_DATABASE_URL} (and its {@code _USERNAME} /
 * {@code _PASSWORD}), and without it they start their own embedded PostgreSQL under
 * {@code target/}. Environment variables outrank {@code application-test.yml}, so these
 * values are added ahead of every other property source, command-line arguments included.
 * Registered in the test classpath's {@code META-INF/spring.factories}, so the packaged
 * application never sees it.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

	/** The variable naming the external database the tests may wipe. */
	public static final String URL_VARIABLE = "CONCORDAT_TEST_DATABASE_URL";

	static final String PROPERTY_SOURCE_NAME = "concordatTestDatabase";

	/**
	 * Where the embedded PostgreSQL of a test JVM keeps its data, unless a test entry
	 * point (the benchmark) names a folder of its own through this property.
	 */
	public static final String DATA_DIRECTORY_PROPERTY = "concordat.test.data-directory";

	private static final String DEFAULT_DATA_DIRECTORY = "target/embedded-postgres";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> pinned = new HashMap<>();
		pinned.put("concordat.database.url", variable(environment, URL_VARIABLE));
		pinned.put("concordat.database.username", variable(environment, "CONCORDAT_TEST_DATABASE_USERNAME"));
		pinned.put("concordat.database.password", variable(environment, "CONCORDAT_TEST_DATABASE_PASSWORD"));
		// An exported CONCORDAT_DATABASE_EMBEDDED_DATA_DIRECTORY (or
		// CONCORDAT_DATA_DIRECTORY)
		// must not make the suite start, and clean, the developer's own data folder.
		pinned.put("concordat.database.embedded.data-directory",
				environment.getProperty(DATA_DIRECTORY_PROPERTY, DEFAULT_DATA_DIRECTORY));
		pinned.put("concordat.database.embedded.clean-data-directory", "true");
		pinned.put("concordat.database.embedded.port", "0");
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, pinned));
	}

	private static String variable(ConfigurableEnvironment environment, String name) {
		PropertySource<?> variables = environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		Object value = (variables != null) ? variables.getProperty(name) : null;
		return (value != null) ? value.toString() : "";
	}

	@Override
	public int getOrder() {
		// After the config data post-processor, so that nothing loaded later outranks
		// these values.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
