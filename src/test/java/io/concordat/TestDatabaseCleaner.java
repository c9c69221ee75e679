package io.concordat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * An external test database keeps the previous run's data; clean it once per test JVM
 * (not per Spring context, which would pull the rug from under contexts still cached) and
 * migrate from scratch.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class TestDatabaseCleaner {

	private static final AtomicBoolean cleaned = new AtomicBoolean();

	@Bean
	FlywayMigrationStrategy cleanOnceThenMigrate() {
		return (flyway) -> {
			if (cleaned.compareAndSet(false, true)) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}

}
