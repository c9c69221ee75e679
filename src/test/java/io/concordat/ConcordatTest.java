package io.concordat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.concordat.support.BrokerParameterResolver;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A running Concordat on a random port over real PostgreSQL; test and {@code @BeforeEach}
 * methods may take a {@link io.concordat.support.Broker} parameter connected to it. All
 * tests share one context (and one database), so they create their own uniquely named
 * data rather than expecting an empty database. Which database that is,
 * {@link TestDatabaseEnvironment} decides for every Spring application in the test JVM:
 * {@code CONCORDAT_TEST_DATABASE_URL}, else a fresh embedded PostgreSQL; never
 * {@code CONCORDAT_DATABASE_URL}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(BrokerParameterResolver.class)
@ActiveProfiles("test")
public @interface ConcordatTest {

}
