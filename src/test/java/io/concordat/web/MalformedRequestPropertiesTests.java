package io.concordat.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import io.concordat.support.RawHttp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A standing check that no input makes Concordat fail: every route Spring MVC maps (read
 * from the handler mapping, so a new route is covered the day it is added) gets malformed
 * path segments, bodies, Accept and Content-Type headers and query strings over a real
 * socket, and must answer below 500, in the user's words, without changing what is
 * stored. Seeded and bounded so that it runs the same way, quickly, every time.
 *
 * <p>
 * jqwik runs outside Spring's JUnit extension, so the test asks Spring's test context
 * framework for the same (cached) running Concordat the other tests use.
 */
@ConcordatTest
class MalformedRequestPropertiesTests {

	/**
	 * What a body must never show: a qualified Java class name, the JSON parser's
	 * location and feature names, SQL or the database driver.
	 */
	private static final Pattern INTERNALS = Pattern.compile(
			"\\b(java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.postgresql|org\\.hibernate|org\\.apache|io\\.concordat)\\.[A-Za-z]"
					+ "|\\[Source:|REDACTED|StreamReadFeature|JsonReadFeature|DeserializationFeature"
					+ "|PSQLException|SQLSTATE|\\bselect .* from\\b|\\binsert into\\b|Exception\\b");

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z]+)(:[^}]*)?}");

	private static ApplicationContext context;

	private static RawHttp http;

	private static List<Route> routes;

	private static Map<String, String> seeded;

	private Map<String, Object> before;

	@BeforeContainer
	static void seedAndListRoutes() throws Exception {
		TestContextManager spring = new TestContextManager(MalformedRequestPropertiesTests.class);
		context = spring.getTestContext().getApplicationContext();
		int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		http = RawHttp.at(port);
		routes = routes(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
		seeded = seed(Broker.at(port));
	}

	@BeforeProperty
	void snapshot() {
		this.before = stored();
	}

	@AfterProperty
	void nothingStoredChanged() {
		assertThat(stored()).as("what is stored after the property's tries").isEqualTo(this.before);
	}

	@Property(tries = 300, seed = "20261204", shrinking = ShrinkingMode.BOUNDED)
	void noRouteFailsOnMalformedPathSegments(@ForAll("routes") Route route, @ForAll("methodChoice") int method,
			@ForAll("segments") List<String> segments, @ForAll("accepts") String accept) {
		String target = route.fill(segments, true, true);
		RawHttp.Response response = http.send(route.method(method), target, headers(accept, "application/json"),
				"{}".getBytes(StandardCharsets.UTF_8));
		assertAnsweredInTheUsersWords(route.method(method) + " " + target, response);
	}

	@Property(tries = 300, seed = "20261205", shrinking = ShrinkingMode.BOUNDED)
	void noRouteFailsOnMalformedBodiesAndHeaders(@ForAll("routes") Route route, @ForAll("methodChoice") int method,
			@ForAll("segments") List<String> segments, @ForAll("bodies") byte[] body, @ForAll("accepts") String accept,
			@ForAll("contentTypes") String contentType, @ForAll boolean chunked) {
		// Bodies reach the controllers only behind good path variables; every body here
		// is
		// one no route accepts, so only a DELETE (which reads no body) needs a bad one.
		String target = route.fill(segments, false, route.method(method).equals("DELETE"));
		Map<String, String> headers = headers(accept, contentType);
		RawHttp.Response response = chunked ? http.sendChunked(route.method(method), target, headers, body)
				: http.send(route.method(method), target, headers, body);
		assertAnsweredInTheUsersWords(route.method(method) + " " + target + " " + preview(body), response);
	}

	@Property(tries = 300, seed = "20261206", shrinking = ShrinkingMode.BOUNDED)
	void noRouteFailsOnMalformedQueryStrings(@ForAll("routes") Route route, @ForAll("methodChoice") int method,
			@ForAll("segments") List<String> segments, @ForAll("queries") String query) {
		// A GET changes nothing, so it may name the seeded data and reach its controller.
		String target = route.fill(segments, false, !route.method(method).equals("GET")) + "?" + query;
		RawHttp.Response response = http.send(route.method(method), target,
				headers("application/hal+json", "application/json"), "{]".getBytes(StandardCharsets.UTF_8));
		assertAnsweredInTheUsersWords(route.method(method) + " " + target, response);
	}

	@Property(tries = 100, seed = "20261207", shrinking = ShrinkingMode.BOUNDED)
	void noRouteFailsOnMethodsItDoesNotMap(@ForAll("routes") Route route, @ForAll("segments") List<String> segments,
			@ForAll("unmappedMethods") String method) {
		String target = route.fill(segments, false, true);
		RawHttp.Response response = http.send(method, target, headers("application/hal+json", ""), new byte[0]);
		assertAnsweredInTheUsersWords(method + " " + target, response);
	}

	/**
	 * Not CONNECT: a proxy's method, which Tomcat answers 501 Not Implemented for every
	 * path before any route is looked up (BadInputTests pins that answer's body).
	 */
	@Provide
	Arbitrary<String> unmappedMethods() {
		return Arbitraries.of("HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get");
	}

	private static void assertAnsweredInTheUsersWords(String request, RawHttp.Response response) {
		// The report shows which answers the tries got, to see they reach past the guard.
		Statistics.label("status").collect(response.status());
		assertThat(response.status()).as(request + " -> " + response).isLessThan(500);
		Matcher internals = INTERNALS.matcher(response.body());
		assertThat(internals.find()).as(request + " -> " + response).isFalse();
	}

	@Provide
	Arbitrary<Route> routes() {
		return Arbitraries.of(routes);
	}

	@Provide
	Arbitrary<Integer> methodChoice() {
		return Arbitraries.integers().between(0, 7);
	}

	/**
	 * One segment per path variable: the seeded name a request could really use, or a
	 * malformed one. {@link Route#fill} makes sure at least one is malformed, so that no
	 * request can create or change anything.
	 */
	@Provide
	Arbitrary<List<String>> segments() {
		return Arbitraries.oneOf(malformedSegment(), Arbitraries.just("")).list().ofMinSize(6).ofMaxSize(6);
	}

	private static Arbitrary<String> malformedSegment() {
		Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12);
		Arbitrary<String> control = Arbitraries.of("%00", "%0A", "%0D", "%09", "%1B", "%7F", "%C2%85");
		Arbitrary<String> badEncoding = Arbitraries.of("%", "%%%", "%G1", "%E0%A4", "%C0%AF", "%FF", "%ED%A0%80", "%2",
				"%%20");
		Arbitrary<String> tooLong = Arbitraries.strings().alpha().ofMinLength(256).ofMaxLength(700);
		Arbitrary<String> awkward = Arbitraries.of("", "%2E%2E", ".", "%20", "%2F", "%2F%2F", "%5C", "%F0%9F%92%A5",
				";b=c", "%3B", "%23", "%3F", "~", "null", "-1", "99999999999999999999", "0000");
		// Every segment holds something no name may hold (the awkward part alone might be
		// a good name, and a request with only good names could create or change data).
		return Combinators.combine(text, Arbitraries.oneOf(control, badEncoding, tooLong), awkward, text)
			.as((prefix, bad, odd, suffix) -> Links.encode(prefix) + bad + odd + Links.encode(suffix));
	}

	@Provide
	Arbitrary<byte[]> bodies() {
		Arbitrary<String> broken = Arbitraries.of("{", "}", "[", "{\"a\":1}{\"b\":2}", "{\"a\":}", "{'a':1}",
				"{\"a\":1,}", "nul", "\"", "{\"name\":\"a\\u0000b\"}", "{\"name\":\"\\ud800\"}",
				"{\"success\":true,\"providerApplicationVersion\":\"\\u0000\"}", "[\"\\u0000\"]",
				"{\"a\":99999999999999999999999999999999999}", "{\"a\":1e999999}", "{\"a\":-}", "<xml/>",
				"{\"contracts\":[{\"content\":\"%%%\"}]}", "{\"name\":\"" + "n".repeat(300) + "\",\"x\":[}",
				"{\"currentlyDeployed\":\"\\u0000\"}", "{\"tags\":[{\"name\":\"\\u0000\"}]}");
		Arbitrary<String> nested = Arbitraries.integers()
			.between(400, 3000)
			.map((depth) -> "[".repeat(depth) + "]".repeat(depth - 1));
		Arbitrary<String> nulEverywhere = Arbitraries.strings()
			.withCharRange('a', 'z')
			.ofMinLength(1)
			.ofMaxLength(20)
			.map((name) -> "{\"name\":\"" + name + "\\u0000\",\"pacticipantName\":\"" + name
					+ "\\u0000\",\"providerApplicationVersion\":\"\\u0000\",\"success\":true,\"production\":false,"
					+ "\"applicationInstance\":\"\\u0000\",\"contracts\":[],\"pacticipantVersionNumber\":\"\\u0000\"}");
		Arbitrary<byte[]> text = Arbitraries.oneOf(broken, nested, nulEverywhere)
			.map((body) -> body.getBytes(StandardCharsets.UTF_8));
		// A blank body counts as none, which some writes accept as {}.
		Arbitrary<byte[]> bytes = Arbitraries.bytes()
			.array(byte[].class)
			.ofMinSize(1)
			.ofMaxSize(64)
			.filter((raw) -> !new String(raw, StandardCharsets.ISO_8859_1).isBlank());
		Arbitrary<byte[]> invalidUtf8 = Arbitraries.of("{\"name\":\"\u00ff\"}", "{\"name\":\"\u00c0\u00af\"}")
			.map((body) -> body.getBytes(StandardCharsets.ISO_8859_1));
		return Arbitraries.oneOf(text, bytes, invalidUtf8);
	}

	@Provide
	Arbitrary<String> accepts() {
		return Arbitraries.of("", "garbage", "a/b/c", "*/*;q=x", "*/*", "application/hal+json",
				"application/problem+json", "text/plain", "text/plain, application/json;q=0.5", "image/png",
				"application/hal+json;charset=nonexistent", ";", ",,,", "text/*;q=1.5", "\u00e9/\u00e9");
	}

	@Provide
	Arbitrary<String> contentTypes() {
		return Arbitraries.of("", "application/json", "*/*", "application/*", "garbage", "a/b/c",
				"application/merge-patch+json", "application/json;charset=nonexistent",
				"application/json;charset=utf-16", "text/plain", "application/x-www-form-urlencoded",
				"multipart/form-data", "multipart/form-data; boundary=x", "application/xml", "application/hal+json");
	}

	@Provide
	Arbitrary<String> queries() {
		Arbitrary<String> name = Arbitraries.of("q", "pageNumber", "pageSize", "page", "size", "latestby",
				"q[][pacticipant]", "q[][version]", "q[][latest]", "q[][branch]", "pacticipant", "version",
				"environment", "to", "ignore[][pacticipant]", "limit", "success[]", "applicationInstance", "tag", "q[",
				"q]]", "a[b][c][d][e]", "q[][]", "%", "%00", "%E0%A4", "", "x[]y", "q[][pacticipant][]", "q[x]",
				"mainBranch", "latest", "target", "consumer", "provider");
		// Mostly well-formed but odd values, which get past the guard to the controllers.
		Arbitrary<String> odd = Arbitraries.oneOf(
				Arbitraries.of("", "1", "-1", "0", "99999999999999999999", "true", "false", "cvpv", "cvp", "cp", "zzz",
						"a+b", "%2B", "%0A", "%20", "%F0%9F%92%A5", "1e9", "0x10", "2147483648", "[]", "{}"),
				Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(300));
		Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(4, odd), Tuple.of(1, malformedSegment()),
				Tuple.of(1, Arbitraries.of("%", "%%", "%00", "=", "&")));
		return Combinators.combine(name, value)
			.as((n, v) -> n + "=" + v)
			.list()
			.ofMinSize(1)
			.ofMaxSize(4)
			.map((pairs) -> String.join("&", pairs));
	}

	private static Map<String, String> headers(String accept, String contentType) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (!accept.isEmpty()) {
			headers.put("Accept", accept);
		}
		if (!contentType.isEmpty()) {
			headers.put("Content-Type", contentType);
		}
		return headers;
	}

	private static String preview(byte[] body) {
		String text = new String(body, StandardCharsets.ISO_8859_1);
		return (text.length() > 120) ? text.substring(0, 120) + "…" : text;
	}

	private static List<Route> routes(RequestMappingHandlerMapping mapping) {
		List<Route> found = new ArrayList<>();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			List<String> names = methods.isEmpty() ? List.of("GET", "POST") : methods.stream().map(Enum::name).toList();
			for (String pattern : info.getPatternValues()) {
				// A DELETE of a path without variables has no malformed form: whatever
				// else
				// is sent, DELETE /integrations deletes every integration, here other
				// tests'
				// too. Its own tests cover it.
				List<String> usable = names.stream()
					.filter((name) -> !(name.equals("DELETE") && !VARIABLE.matcher(pattern).find()))
					.sorted()
					.toList();
				if (!usable.isEmpty()) {
					found.add(new Route(pattern, usable));
				}
			}
		}
		// The handler mapping's order is a hash map's: sort, so that a seed means one
		// sequence.
		found.sort(java.util.Comparator.comparing(Route::pattern).thenComparing((route) -> route.methods().toString()));
		assertThat(found).as("the routes Spring MVC maps").hasSizeGreaterThan(60);
		return found;
	}

	/**
	 * Data the requests could reach if the broker let them: a consumer and a provider
	 * with a pact, a verification, an environment and a deployment. Their names stand in
	 * for path variables that are not malformed.
	 */
	private static Map<String, String> seed(Broker broker) {
		String consumer = Names.unique("fuzz-web");
		String provider = Names.unique("fuzz-api");
		PactFiles pact = PactFiles.aPact().between(consumer, provider).withOrderTotal(1);
		broker.post("/contracts/publish", pact.publishBody("1.0.0", "main", List.of("prod")));
		String pactHref = broker.get("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1.0.0")
			.json()
			.at("/_links/pb:publish-verification-results/href")
			.asString();
		broker.post(pactHref.substring(broker.baseUrl().length()),
				Map.of("success", true, "providerApplicationVersion", "2.0.0"));
		String sha = pactHref.replaceAll(".*/pact-version/([^/]+)/.*", "$1");
		String environment = Names.unique("fuzz-env");
		String uuid = broker.post("/environments", Map.of("name", environment, "production", false))
			.json()
			.get("uuid")
			.asString();
		broker.post("/pacticipants/" + consumer + "/versions/1.0.0/deployed-versions/environment/" + uuid, Map.of());
		broker.put("/pacticipants/" + consumer + "/labels/team-a", Map.of());
		Map<String, String> values = new TreeMap<>();
		values.put("pacticipant", consumer);
		values.put("consumer", consumer);
		values.put("provider", provider);
		values.put("version", "1.0.0");
		values.put("otherVersion", "1.0.0");
		values.put("branch", "main");
		values.put("tag", "prod");
		values.put("label", "team-a");
		values.put("environment", uuid);
		values.put("uuid", uuid);
		values.put("sha", sha);
		values.put("otherSha", sha);
		values.put("number", "1");
		values.put("metadata", "Y3ZuPTEuMC4w");
		values.put("rel", "pacticipants");
		values.put("rest", "main/versions/1.0.0");
		return values;
	}

	/**
	 * Row counts of every table, and the seeded pacticipants' own rows in full. Test
	 * classes run one after another, so nothing else writes while a property runs.
	 */
	private static Map<String, Object> stored() {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Map<String, Object> snapshot = new TreeMap<>();
		for (String table : jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE'
				and table_name <> 'flyway_schema_history'""").query(String.class).list()) {
			snapshot.put(table, jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single());
		}
		List<String> names = List.of(seeded.get("consumer"), seeded.get("provider"));
		snapshot.put("seeded pacticipants",
				jdbc.sql("select p::text from pacticipants p where name in (:names) order by id")
					.param("names", names)
					.query(String.class)
					.list());
		snapshot.put("seeded versions", jdbc.sql("""
				select v::text from versions v join pacticipants p on p.id = v.pacticipant_id
				where p.name in (:names) order by v.id""").param("names", names).query(String.class).list());
		snapshot.put("seeded deployments", jdbc.sql("""
				select d::text from deployed_versions d join pacticipants p on p.id = d.pacticipant_id
				where p.name in (:names) order by d.id""").param("names", names).query(String.class).list());
		return snapshot;
	}

	/**
	 * A mapped route and its methods.
	 */
	record Route(String pattern, List<String> methods) {

		String method(int choice) {
			return this.methods.get(choice % this.methods.size());
		}

		/**
		 * The path with each variable replaced: by a malformed segment where one is given
		 * (an empty string stands for "use the seeded value"), and always by at least one
		 * malformed segment when {@code spoil} is true and the route has variables.
		 */
		String fill(List<String> segments, boolean allMalformed, boolean spoil) {
			Matcher matcher = VARIABLE.matcher(this.pattern);
			StringBuilder path = new StringBuilder();
			int index = 0;
			boolean anyMalformed = false;
			while (matcher.find()) {
				String segment = segments.get(index % segments.size());
				String name = matcher.group(1);
				if (segment.isEmpty() && !allMalformed) {
					String value = seeded.getOrDefault(name, "x");
					matcher.appendReplacement(path,
							Matcher.quoteReplacement(name.equals("rest") ? "/" + value : Links.encode(value)));
				}
				else {
					String malformed = segment.isEmpty() ? "%0A" : segment;
					matcher.appendReplacement(path,
							Matcher.quoteReplacement(name.equals("rest") ? "/" + malformed : malformed));
					anyMalformed = true;
				}
				index++;
			}
			matcher.appendTail(path);
			if (spoil && index > 0 && !anyMalformed) {
				// Every variable got a seeded value: spoil the last one, so that the
				// request
				// names nothing it could create or change.
				return path.toString().replaceFirst("([^/]*)$", "%00$1");
			}
			return path.toString();
		}

		@Override
		public String toString() {
			return this.methods + " " + this.pattern;
		}

	}

}
