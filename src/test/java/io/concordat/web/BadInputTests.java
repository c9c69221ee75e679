package io.concordat.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import io.concordat.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input answers a 4xx naming the problem in the user's words, never a
 * 500, and changes nothing.
 */
@ConcordatTest
class BadInputTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String MEGABYTE = "x".repeat(1024 * 1024);

	@LocalServerPort
	int port;

	Broker broker;

	RawHttp raw;

	String consumer;

	String provider;

	String publishResults;

	String environmentUuid;

	String deploymentUuid;

	String releasedUuid;

	@BeforeEach
	void publishAPactAndDeployIt() {
		this.broker = Broker.at(this.port);
		this.raw = RawHttp.at(this.port);
		this.consumer = Names.unique("bad-input-web");
		this.provider = Names.unique("bad-input-api");
		PactFiles pact = PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(100);
		assertThat(this.broker.post("/contracts/publish", pact.publishBody("1.0.0", "main", List.of())).status())
			.isEqualTo(200);
		this.publishResults = this.broker.get(pactPath())
			.json()
			.at("/_links/pb:publish-verification-results/href")
			.asString()
			.substring(this.broker.baseUrl().length());
		this.environmentUuid = this.broker
			.post("/environments", Map.of("name", Names.unique("bad-input-env"), "production", false))
			.json()
			.get("uuid")
			.asString();
		this.deploymentUuid = this.broker
			.post(versionPath() + "/deployed-versions/environment/" + this.environmentUuid, Map.of())
			.json()
			.get("uuid")
			.asString();
		this.releasedUuid = this.broker
			.post(versionPath() + "/released-versions/environment/" + this.environmentUuid, Map.of())
			.json()
			.get("uuid")
			.asString();
	}

	@Test
	void aMalformedAcceptHeaderIsNotAcceptableOnTheMatrixAndCanIDeploy() {
		for (String accept : List.of("garbage", "a/b/c", "*/*;q=x")) {
			for (String path : List.of("/matrix?q[][pacticipant]=" + this.consumer + "&q[][version]=1.0.0",
					"/can-i-deploy?pacticipant=" + this.consumer + "&version=1.0.0&to=prod", "/pacticipants")) {
				RawHttp.Response response = this.raw.send("GET", path, Map.of("Accept", accept), new byte[0]);
				assertThat(response.status()).as(accept + " " + path).isEqualTo(406);
				assertThat(message(response)).contains("Accept header");
			}
		}
	}

	@Test
	void aWildcardContentTypeIsAnUnsupportedMediaTypeOnEveryWrite() {
		List<String[]> writes = List.of(new String[] { "POST", "/pacticipants" },
				new String[] { "POST", "/contracts/publish" }, new String[] { "POST", "/environments" },
				new String[] { "POST", this.publishResults },
				new String[] { "POST", versionPath() + "/deployed-versions/environment/" + this.environmentUuid },
				new String[] { "POST", versionPath() + "/released-versions/environment/" + this.environmentUuid },
				new String[] { "PUT", "/pacticipants/" + this.consumer }, new String[] { "PUT", versionPath() },
				new String[] { "PUT", "/environments/" + this.environmentUuid });
		for (String[] write : writes) {
			RawHttp.Response response = this.raw.send(write[0], write[1], Map.of("Content-Type", "*/*"),
					"{}".getBytes(StandardCharsets.UTF_8));
			assertThat(response.status()).as(write[0] + " " + write[1]).isEqualTo(415);
			assertThat(message(response)).contains("Content-Type");
		}
	}

	@Test
	void aLonePercentInTheQueryIsABadRequestNamingTheParameter() {
		for (String path : List.of("/pacticipants?q=%", "/integrations?q=%",
				"/pacticipants/" + this.consumer + "/versions?q=%", "/pacticipants/" + this.consumer + "/branches?q=%",
				"/pacticipants?q=%E0%A4")) {
			RawHttp.Response response = this.raw.send("GET", path, Map.of("Accept", "application/hal+json"),
					new byte[0]);
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(json(response).at("/errors/q/0").asString()).contains("percent-encoded");
		}
	}

	@Test
	void aNulInTheQueryIsABadRequestNotAConflict() {
		RawHttp.Response response = this.raw.send("GET", "/pacticipants?q=a%00b", Map.of(), new byte[0]);

		assertThat(response.status()).isEqualTo(400);
		assertThat(json(response).at("/errors/q/0").asString()).isEqualTo("cannot contain NUL characters");
	}

	@Test
	void aNulInAJsonBodyIsABadRequestNamingTheField() {
		Broker.Response pacticipant = this.broker.post("/pacticipants", Map.of("name", "a\u0000b"));
		assertThat(pacticipant.status()).isEqualTo(400);
		assertThat(pacticipant.json().at("/errors/name/0").asString()).isEqualTo("cannot contain NUL characters");

		Broker.Response environment = this.broker.post("/environments",
				Map.of("name", "prod", "production", false, "contacts", List.of(Map.of("name", "a\u0000"))));
		assertThat(environment.status()).isEqualTo(400);
		assertThat(environment.json().at("/errors/contacts.0.name/0").asString())
			.isEqualTo("cannot contain NUL characters");

		Broker.Response pact = this.broker.put(pactPath().replace("1.0.0", "1.0.1"),
				PactFiles.aPact()
					.between(this.consumer, this.provider)
					.withOrderTotal(1)
					.json()
					.replace("\"GET\"", "\"G\\u0000ET\""));
		assertThat(pact.status()).isEqualTo(400);
		assertThat(pact.json().at("/errors/body/0").asString()).isEqualTo("cannot contain NUL characters");

		String publishedWithNul = PactFiles.aPact()
			.between(this.consumer, this.provider)
			.withOrderTotal(1)
			.json()
			.replace("\"GET\"", "\"G\\u0000ET\"");
		Map<String, Object> body = new java.util.LinkedHashMap<>(
				PactFiles.aPact().between(this.consumer, this.provider).publishBody("1.0.2", "main", List.of()));
		@SuppressWarnings("unchecked")
		Map<String, Object> contract = new java.util.LinkedHashMap<>(
				((List<Map<String, Object>>) body.get("contracts")).get(0));
		contract.put("content",
				java.util.Base64.getEncoder().encodeToString(publishedWithNul.getBytes(StandardCharsets.UTF_8)));
		body.put("contracts", List.of(contract));
		Broker.Response published = this.broker.post("/contracts/publish", body);
		assertThat(published.status()).isEqualTo(400);
		assertThat(published.json().at("/errors/contracts/0").asString()).contains("cannot contain NUL characters");

		assertThat(this.broker.get("/pacticipants/" + this.consumer + "/versions/1.0.1").status()).isEqualTo(404);
		assertThat(this.broker.get("/pacticipants/" + this.consumer + "/versions/1.0.2").status()).isEqualTo(404);
	}

	@Test
	void aNameTooLongForAnIndexIsABadRequestNamingTheField() {
		assertField(this.broker.post("/pacticipants", Map.of("name", MEGABYTE)), "name");
		assertField(this.broker.post("/environments", Map.of("name", MEGABYTE, "production", false)), "name");
		assertField(
				this.broker.put("/environments/" + this.environmentUuid, Map.of("name", MEGABYTE, "production", false)),
				"name");
		PactFiles pact = PactFiles.aPact().between(this.consumer, this.provider);
		assertField(this.broker.post("/contracts/publish", pact.publishBody(MEGABYTE, "main", List.of())),
				"pacticipantVersionNumber");
		assertField(this.broker.post("/contracts/publish", pact.publishBody("2.0.0", MEGABYTE, List.of())), "branch");
		Broker.Response tag = this.broker.post("/contracts/publish",
				pact.publishBody("2.0.0", "main", List.of(MEGABYTE)));
		assertThat(tag.status()).isEqualTo(400);
		assertThat(tag.json().at("/errors/tags/0").asString())
			.isEqualTo("must be at most 255 characters long (at index 0)");
		assertField(
				this.broker.post(this.publishResults, Map.of("success", true, "providerApplicationVersion", MEGABYTE)),
				"providerApplicationVersion");
		assertField(this.broker.post(this.publishResults, Map.of("success", true, "providerApplicationVersion", "1",
				"providerApplicationVersionBranch", MEGABYTE)), "providerApplicationVersionBranch");
		assertField(this.broker.post(versionPath() + "/deployed-versions/environment/" + this.environmentUuid,
				Map.of("applicationInstance", MEGABYTE)), "applicationInstance");
		String longName = "n".repeat(256);
		assertField(this.broker.put(versionPath() + "/tags/" + longName, Map.of()), "tag");
		assertField(this.broker.put("/pacticipants/" + this.consumer + "/versions/" + longName, Map.of()), "version");
		assertField(this.broker.put("/pacticipants/" + this.consumer + "/labels/" + longName, Map.of()), "label");
		assertField(this.broker.put("/pacticipants/" + this.consumer + "/branches/" + longName + "/versions/1.0.0",
				Map.of()), "branch");

		assertThat(this.broker.put(versionPath() + "/tags/" + "n".repeat(255), Map.of()).status()).isEqualTo(201);
		assertThat(this.broker.get("/pacticipants/" + this.consumer + "/versions/" + longName).status()).isEqualTo(400);
	}

	@Test
	void aNameWithALineBreakIsRefusedAlsoWhenAPathCreatesIt() {
		assertThat(message(this.broker.put(versionPath() + "/tags/a%0Ab", Map.of()))).contains("multiple lines");
		assertField(this.broker.put(versionPath() + "/tags/a%0Db", Map.of()), "tag");
		assertField(this.broker.put("/pacticipants/" + this.consumer + "/versions/1%0A2", Map.of()), "version");
		assertField(this.broker.put("/pacticipants/a%0Ab/versions/1", Map.of()), "pacticipant");
		assertField(this.broker.put("/pacticipants/" + this.consumer + "/labels/a%09b", Map.of()), "label");
		assertField(this.broker.put("/pacticipants/" + this.consumer + "/branches/a%0Ab/versions/1.0.0", Map.of()),
				"branch");
		assertField(this.broker.post("/pacticipants", Map.of("name", "..")), "name");
		PactFiles pact = PactFiles.aPact().between(this.consumer, this.provider);
		assertField(this.broker.post("/contracts/publish", pact.publishBody("..", "main", List.of())),
				"pacticipantVersionNumber");

		assertThat(this.broker.get("/pacticipants/a%0Ab").status()).isEqualTo(400);
		assertThat(this.broker.get(versionPath()).json().at("/_embedded/tags").size()).isZero();
	}

	@Test
	void anUnknownLatestbyIsABadRequestNamingTheAllowedValues() {
		Broker.Response response = this.broker
			.get("/matrix?q[][pacticipant]=" + this.consumer + "&q[][version]=1.0.0&latestby=zzz");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().at("/errors/latestby/0").asString()).isEqualTo("must be one of cvpv, cvp or cp");
	}

	@Test
	void aMalformedPercentEncodingInThePathGetsTheApisOwnBadRequest() {
		RawHttp.Response legacy = this.raw.send("GET", pactPath() + "/metadata/%%%", Map.of(), new byte[0]);
		assertThat(legacy.status()).isEqualTo(400);
		assertThat(legacy.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		assertThat(json(legacy).at("/errors/path/0").asString()).contains("not a valid URL path");

		RawHttp.Response problem = this.raw.send("GET", pactPath() + "/metadata/%%%",
				Map.of("Accept", "application/problem+json"), new byte[0]);
		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.contentType()).isEqualTo("application/problem+json;charset=utf-8");
		assertThat(json(problem).get("type").asString()).endsWith("/problems/bad-request");
	}

	@Test
	void badJsonIsDescribedInJsonsWordsWithoutParserInternals() {
		RawHttp.Response twoValues = this.raw.send("PATCH", "/deployed-versions/" + this.deploymentUuid,
				Map.of("Content-Type", "application/merge-patch+json"),
				"{\"a\":1}{\"b\":2}".getBytes(StandardCharsets.UTF_8));
		assertThat(twoValues.status()).isEqualTo(400);
		assertThat(message(twoValues)).isEqualTo("Error parsing JSON - the body holds more than one JSON value");

		RawHttp.Response unclosed = this.raw.send("PATCH", "/released-versions/" + this.releasedUuid,
				Map.of("Content-Type", "application/merge-patch+json"),
				"{\"currentlySupported\": ".getBytes(StandardCharsets.UTF_8));
		assertThat(unclosed.status()).isEqualTo(400);
		assertThat(message(unclosed)).startsWith("Error parsing JSON - ")
			.doesNotContain("Source")
			.doesNotContain("REDACTED")
			.doesNotContain("Feature");

		for (RawHttp.Response response : List.of(twoValues, unclosed)) {
			assertThat(response.body()).doesNotContain("tools.jackson").doesNotContain("java.");
		}
	}

	@Test
	void aNumberOutOfRangeInThePathNamesTheParameter() {
		Broker.Response response = this.broker.get(this.publishResults + "/99999999999999999999");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().at("/errors/number/0").asString()).isEqualTo("must be a whole number within range");
		assertThat(response.body()).doesNotContain("java.lang").doesNotContain("long");
	}

	@Test
	void aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() {
		byte[] eightMegabytes = ("{\"name\": \"" + "x".repeat(8 * 1024 * 1024) + "\"}")
			.getBytes(StandardCharsets.UTF_8);

		RawHttp.Response declared = this.raw.send("POST", "/contracts/publish",
				Map.of("Content-Type", "application/json"), eightMegabytes);
		assertThat(declared.status()).isEqualTo(413);
		assertThat(message(declared)).contains("larger than the 5242880 bytes");

		RawHttp.Response chunked = this.raw.sendChunked("POST", "/pacticipants",
				Map.of("Content-Type", "application/json", "Accept", "application/problem+json"), eightMegabytes);
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.contentType()).isEqualTo("application/problem+json;charset=utf-8");
		assertThat(json(chunked).get("type").asString()).endsWith("/problems/request-too-large");

		assertThat(this.broker.get("/pacticipants/" + "x".repeat(200)).status()).isEqualTo(404);
	}

	@Test
	void tooManyTestResultsAreRefusedNamingTestResults() {
		List<Map<String, Object>> results = new ArrayList<>();
		for (int i = 0; i <= 10_000; i++) {
			results.add(Map.of());
		}
		Broker.Response response = this.broker.post(this.publishResults,
				Map.of("success", true, "providerApplicationVersion", "9.9.9", "testResults", results));

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().at("/errors/testResults/0").asString())
			.isEqualTo("must have at most 10000 entries (it has 10001)");
		assertThat(this.broker.get("/pacticipants/" + this.provider + "/versions/9.9.9").status()).isEqualTo(404);
	}

	@Test
	void problemJsonIsAnsweredWhenAskedFor() {
		RawHttp.Response accept = this.raw.send("GET", "/can-i-deploy?pacticipant=x&version=1&to=prod",
				Map.of("Accept", "application/problem+json, garbage"), new byte[0]);
		assertThat(accept.status()).isEqualTo(406);
		assertThat(accept.contentType()).isEqualTo("application/problem+json;charset=utf-8");
		assertThat(json(accept).get("type").asString()).endsWith("/problems/not-acceptable");

		RawHttp.Response contentType = this.raw.send("POST", "/pacticipants",
				Map.of("Accept", "application/problem+json", "Content-Type", "*/*"), "{}".getBytes());
		assertThat(contentType.status()).isEqualTo(415);
		assertThat(json(contentType).get("type").asString()).endsWith("/problems/unsupported-media-type");
	}

	@Test
	void aPactReadingAFieldWhoseNameIsLongerThanAnIndexEntryIsPublishedWhole() {
		String longName = incompressible(20_000);
		PactFiles pact = PactFiles.aPact()
			.between(this.consumer, this.provider)
			.withInteraction("a long field", "/long", Map.of(longName, 1));

		Broker.Response response = this.broker.post("/contracts/publish", pact.publishBody("3.0.0", "main", List.of()));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(this.broker.get("/pacts/provider/" + this.provider + "/consumer/" + this.consumer + "/version/3.0.0")
			.json()
			.at("/interactions/0/response/body")
			.has(longName)).isTrue();
	}

	@Test
	void aMalformedFormBodyOnAPatchIsAnUnsupportedMediaTypeNotAServerError() {
		RawHttp.Response response = this.raw.send("PATCH", "/pacticipants/" + this.consumer,
				Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/hal+json"),
				"%$)".getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(response.status()).isEqualTo(415);
	}

	@Test
	void connectIsNotImplementedAndSaysSoInJson() {
		RawHttp.Response response = this.raw.send("CONNECT", "/pacticipants", Map.of(), new byte[0]);

		assertThat(response.status()).isEqualTo(501);
		assertThat(response.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		assertThat(json(response).get("error").asString()).isEqualTo("Not Implemented");
	}

	@Test
	void aQueryParameterWithoutANameIsABadRequest() {
		RawHttp.Response response = this.raw.send("GET", "/environments?=%0A", Map.of(), new byte[0]);

		assertThat(response.status()).isEqualTo(400);
		assertThat(json(response).at("/errors/query/0").asString())
			.isEqualTo("a query parameter has a value but no name");
	}

	@Test
	void aMultipartBodyIsAnUnsupportedMediaTypeNotAParseFailure() {
		RawHttp.Response response = this.raw.send("POST", "/pacticipants",
				Map.of("Content-Type", "multipart/form-data; boundary=x"), "{\"name\":\"\u00ff\"}".getBytes());

		assertThat(response.status()).isEqualTo(415);
	}

	@Test
	void theErrorPageAskedForDirectlyNamesNothing() {
		Broker.Response response = this.broker.get("/error");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("error").asString()).isEqualTo("Not found");
	}

	/** Random text, which PostgreSQL cannot compress to fit an index row. */
	private static String incompressible(int length) {
		java.util.Random random = new java.util.Random(42);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		return text.toString();
	}

	private void assertField(Broker.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().at("/errors/" + field).isArray()).as(response.body()).isTrue();
		assertThat(response.body().length()).as("the body does not echo the value").isLessThan(2000);
	}

	private String message(Broker.Response response) {
		return message(new RawHttp.Response(response.status(), Map.of(), response.body()));
	}

	private static String message(RawHttp.Response response) {
		JsonNode body = json(response);
		if (body.has("detail")) {
			return body.get("detail").asString();
		}
		JsonNode error = body.get("error");
		if (error != null && error.isString()) {
			return error.asString();
		}
		JsonNode errors = body.get("errors");
		if (errors != null && errors.isObject()) {
			return errors.properties().iterator().next().getValue().get(0).asString();
		}
		return body.toString();
	}

	private static JsonNode json(RawHttp.Response response) {
		return json.readTree(response.body());
	}

	private String pactPath() {
		return "/pacts/provider/" + this.provider + "/consumer/" + this.consumer + "/version/1.0.0";
	}

	private String versionPath() {
		return "/pacticipants/" + this.consumer + "/versions/1.0.0";
	}

}
