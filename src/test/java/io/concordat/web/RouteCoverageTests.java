package io.concordat.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the Pact Broker ({@code pact-broker-routes.txt}, transcribed from its
 * route table) is either served by a handler mapping or listed in
 * {@code docs/api/routes.md} as not served, with the reason; and that page says "served"
 * exactly where Concordat serves the route.
 */
@ConcordatTest
class RouteCoverageTests {

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

	private static final Path ROUTES_PAGE = Path.of("docs", "api", "routes.md");

	@Autowired
	List<RequestMappingHandlerMapping> mappings;

	@Test
	void everyPactBrokerRouteIsServedOrDocumentedAsNotServedWithAReason() throws IOException {
		Map<String, String> documented = documentedRoutes();
		Set<String> served = servedRoutes();
		for (String route : pactBrokerRoutes()) {
			String status = documented.get(route);
			assertThat(status).as("docs/api/routes.md has a row for %s", route).isNotNull();
			if (served.contains(normalise(route))) {
				assertThat(status).as("%s is served, so routes.md must say so", route).isEqualTo("served");
			}
			else {
				assertThat(status).as("%s is not served, so routes.md must say why", route)
					.startsWith("not served:")
					.hasSizeGreaterThan("not served: ".length() + 2);
			}
		}
	}

	@Test
	void optionsAndHeadAreAnsweredForServedRoutesWithoutBeingListed(Broker broker) {
		Broker.Response options = broker.send("OPTIONS", "/integrations", null, Map.of());
		assertThat(options.status()).isEqualTo(200);
		assertThat(options.header("Allow")).contains("GET", "DELETE");
		assertThat(broker.send("HEAD", "/metrics", null, Map.of("Accept", "application/hal+json")).status())
			.isEqualTo(200);
	}

	@Test
	void theRoutesPageListsOnlyPactBrokerRoutes() throws IOException {
		assertThat(documentedRoutes().keySet()).containsExactlyInAnyOrderElementsOf(pactBrokerRoutes());
	}

	@Test
	void theRouteTableHasNoDuplicates() throws IOException {
		List<String> routes = pactBrokerRoutes();
		assertThat(new LinkedHashSet<>(routes)).hasSameSizeAs(routes);
	}

	/** "GET /pacts/provider/{}/latest", with every path variable written {@code {}}. */
	private Set<String> servedRoutes() {
		Set<String> routes = new LinkedHashSet<>();
		for (RequestMappingHandlerMapping mapping : this.mappings) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : Objects.requireNonNull(info.getPathPatternsCondition()).getPatternValues()) {
					for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
						routes.add(method.name() + " " + VARIABLE.matcher(pattern).replaceAll("{}"));
					}
				}
			}
		}
		return routes;
	}

	private static String normalise(String route) {
		return VARIABLE.matcher(route).replaceAll("{}");
	}

	private static List<String> pactBrokerRoutes() throws IOException {
		try (InputStream in = RouteCoverageTests.class.getResourceAsStream("/pact-broker-routes.txt")) {
			return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((line) -> line.replaceAll("\\s+", " "))
				.toList();
		}
	}

	/** "GET /path" → the page's Concordat column, for each row of its route table. */
	private static Map<String, String> documentedRoutes() throws IOException {
		Map<String, String> routes = new LinkedHashMap<>();
		for (String line : Files.readAllLines(ROUTES_PAGE, StandardCharsets.UTF_8)) {
			if (!line.matches("\\| (GET|POST|PUT|PATCH|DELETE) \\|.*")) {
				continue;
			}
			String[] cells = line.split("\\|");
			String route = cells[1].strip() + " " + cells[2].strip().replace("`", "");
			String previous = routes.put(route, cells[3].strip());
			assertThat(previous).as("routes.md lists %s once", route).isNull();
		}
		return routes;
	}

}
