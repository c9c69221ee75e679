package io.concordat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Concordat: a consumer-driven contract broker that speaks the Pact Broker API.
 */
@SpringBootApplication
public class ConcordatApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConcordatApplication.class, args);
	}

}
