package io.concordat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Concordat: a consumer-driven contract broker that speaks the Pact Broker API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConcordatApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConcordatApplication.class, args);
	}

}
