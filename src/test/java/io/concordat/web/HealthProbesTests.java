package io.concordat.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes the Helm chart and the Compose file rely on: readiness includes the
 * database, so a replica that cannot reach PostgreSQL is taken out of the load balancer;
 * liveness does not, so a database outage does not restart every replica.
 */
@ConcordatTest
class HealthProbesTests {

	/** What the kubelet's HTTP probe sends. */
	private static final Map<String, String> PROBE = Map.of("Accept", "*/*", "User-Agent", "kube-probe/1.31");

	@LocalServerPort
	int port;

	@Test
	void theContainerHealthCheckWithoutAnAcceptHeaderGetsAnAnswer() {
		// The image's HEALTHCHECK (docker/healthcheck.sh) sends no Accept header.
		Response response = Broker.at(this.port).get("/diagnostic/health/readiness", Map.of());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void readinessIsUpAndIncludesTheDatabase() {
		Response response = Broker.at(this.port).get("/diagnostic/health/readiness", PROBE);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("status").asString()).isEqualTo("UP");
		assertThat(componentNames(response.json())).containsExactlyInAnyOrder("readinessState", "db");
		assertThat(response.json().at("/components/db/status").asString()).isEqualTo("UP");
	}

	@Test
	void livenessIsUpAndLeavesTheDatabaseOut() {
		Response response = Broker.at(this.port).get("/diagnostic/health/liveness", PROBE);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("status").asString()).isEqualTo("UP");
		assertThat(componentNames(response.json())).containsExactly("livenessState");
	}

	@Test
	void componentsShowNoDetails() {
		Response response = Broker.at(this.port).get("/diagnostic/health/readiness", PROBE);

		assertThat(response.json().at("/components/db/details").isMissingNode()).isTrue();
	}

	private static List<String> componentNames(JsonNode health) {
		List<String> names = new ArrayList<>();
		health.path("components").propertyNames().forEach(names::add);
		return names;
	}

}
