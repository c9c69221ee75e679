package io.concordat.deployment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ConcordatTest
class EnvironmentApiTests {

	private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00";

	Broker broker;

	@BeforeEach
	void connect(Broker broker) {
		this.broker = broker;
	}

	@Test
	void createsAnEnvironmentWithAGeneratedUuidAndServesItAsThePactBrokerDoes() {
		String name = Names.unique("production");
		Map<String, Object> contact = Map.of("name", "Orders team", "details", Map.of("slack", "#orders"));
		Response created = this.broker.post("/environments",
				Map.of("name", name, "displayName", "Production", "production", true, "contacts", List.of(contact)));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		JsonNode body = created.json();
		String uuid = body.get("uuid").asString();
		assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		String self = this.broker.baseUrl() + "/environments/" + uuid;
		assertThat(created.location()).isEqualTo(self);
		assertThat(body.propertyNames()).containsExactly("uuid", "name", "displayName", "production", "contacts",
				"createdAt", "_links");
		assertThat(body.get("name").asString()).isEqualTo(name);
		assertThat(body.get("displayName").asString()).isEqualTo("Production");
		assertThat(body.get("production").asBoolean()).isTrue();
		assertThat(body.at("/contacts/0/name").asString()).isEqualTo("Orders team");
		assertThat(body.at("/contacts/0/details/slack").asString()).isEqualTo("#orders");
		assertThat(body.get("createdAt").asString()).matches(TIMESTAMP);
		assertThat(body.at("/_links/self/href").asString()).isEqualTo(self);
		assertThat(body.at("/_links/self/title").asString()).isEqualTo("Environment");
		assertThat(body.at("/_links/self/name").asString()).isEqualTo(name);
		assertThat(body.at("/_links/pb:currently-deployed-deployed-versions/href").asString())
			.isEqualTo(self + "/deployed-versions/currently-deployed");
		assertThat(body.at("/_links/pb:currently-deployed-deployed-versions/title").asString())
			.isEqualTo("Versions currently deployed to Production environment");
		assertThat(body.at("/_links/pb:currently-supported-released-versions/href").asString())
			.isEqualTo(self + "/released-versions/currently-supported");
		assertThat(body.at("/_links/pb:currently-supported-released-versions/title").asString())
			.isEqualTo("Versions released and supported in Production environment");
		assertThat(body.at("/_links/pb:environments/href").asString())
			.isEqualTo(this.broker.baseUrl() + "/environments");

		Response fetched = this.broker.get("/environments/" + uuid);
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json()).isEqualTo(body);
	}

	@Test
	void derivesTheDisplayNameAndLeavesOutContactsWhenNoneAreGiven() {
		String name = Names.unique("pre-prod");
		JsonNode body = this.broker.post("/environments", Map.of("name", name, "production", false)).json();
		assertThat(body.get("displayName").asString()).startsWith("Pre Prod ");
		assertThat(body.get("production").asBoolean()).isFalse();
		assertThat(body.has("contacts")).isFalse();
		assertThat(body.has("updatedAt")).isFalse();
	}

	@Test
	void listsEnvironmentsWithALinkNamedAfterEach() {
		String name = Names.unique("staging");
		String uuid = create(name, false);

		JsonNode all = this.broker.get("/environments").json();
		assertThat(all.at("/_links/self/title").asString()).isEqualTo("Environments");
		assertThat(all.at("/_links/self/href").asString()).isEqualTo(this.broker.baseUrl() + "/environments");
		assertThat(all.at("/_links/pb:environments").isArray()).isTrue();
		assertThat(names(all.at("/_embedded/environments"))).contains(name);
		JsonNode link = null;
		for (JsonNode candidate : all.at("/_links/pb:environments")) {
			if (candidate.get("name").asString().equals(name)) {
				link = candidate;
			}
		}
		assertThat(link).isNotNull();
		assertThat(link.get("title").asString()).isEqualTo("Environment");
		assertThat(link.get("href").asString()).isEqualTo(this.broker.baseUrl() + "/environments/" + uuid);

		JsonNode byName = this.broker.get("/environments?name=" + name).json();
		assertThat(names(byName.at("/_embedded/environments"))).containsExactly(name);
		assertThat(byName.at("/_links/pb:environments").size()).isEqualTo(1);

		JsonNode none = this.broker.get("/environments?name=" + Names.unique("nowhere")).json();
		assertThat(none.at("/_embedded/environments").isArray()).isTrue();
		assertThat(none.at("/_embedded/environments").size()).isZero();
		assertThat(none.at("/_links/pb:environments").isArray()).isTrue();
	}

	@Test
	void refusesAnInvalidEnvironmentNamingEachFieldAndCreatesNothing() {
		Response empty = this.broker.post("/environments", Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		assertThat(empty.json().at("/errors/name/0").asString()).isEqualTo("is missing");
		assertThat(empty.json().at("/errors/production/0").asString()).isEqualTo("is missing");

		String spaced = Names.unique("has space").replace("-", " ");
		Response invalid = this.broker.post("/environments", Map.of("name", spaced, "production", "yes", "contacts",
				List.of(Map.of("details", Map.of("email", "a@b.c")), Map.of("name", "ops", "details", "x"))));
		assertThat(invalid.status()).isEqualTo(400);
		JsonNode errors = invalid.json().get("errors");
		assertThat(errors.at("/name/0").asString()).isEqualTo("cannot contain spaces");
		assertThat(errors.at("/production/0").asString()).isEqualTo("must be one of: true, false");
		assertThat(errors.at("/contacts/0").asString()).isEqualTo("name is missing (at index 0)");
		assertThat(errors.at("/contacts/1").asString()).isEqualTo("details must be a hash (at index 1)");
		assertThat(this.broker.get("/environments?name=" + spaced.replace(" ", "%20"))
			.json()
			.at("/_embedded/environments")
			.size()).isZero();

		Response problem = this.broker.send("POST", "/environments", Map.of("name", "a b", "production", true),
				Map.of("Accept", "application/problem+json", "Content-Type", "application/json"));
		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.contentType()).isEqualTo("application/problem+json;charset=utf-8");
		assertThat(problem.json().get("title").asString()).isEqualTo("Validation errors");
		assertThat(problem.json().at("/errors/0/pointer").asString()).isEqualTo("/name");
		assertThat(problem.json().at("/errors/0/detail").asString()).isEqualTo("cannot contain spaces");
	}

	@Test
	void aTakenNameIsA400AsInThePactBrokerAndTheFirstEnvironmentStaysAlone() {
		String name = Names.unique("test");
		create(name, false);

		Response duplicate = this.broker.post("/environments", Map.of("name", name, "production", true));

		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.json().at("/errors/name/0").asString())
			.isEqualTo("name '" + name + "' is already used by an existing environment.");
		JsonNode byName = this.broker.get("/environments?name=" + name).json().at("/_embedded/environments");
		assertThat(byName.size()).isEqualTo(1);
		assertThat(byName.at("/0/production").asBoolean()).isFalse();
	}

	@Test
	void putReplacesEveryDetailButCreatesNothing() {
		String name = Names.unique("qa");
		String uuid = this.broker
			.post("/environments", Map.of("name", name, "displayName", "QA", "production", false, "contacts",
					List.of(Map.of("name", "QA team"))))
			.json()
			.get("uuid")
			.asString();

		String renamed = Names.unique("quality");
		Response replaced = this.broker.put("/environments/" + uuid, Map.of("name", renamed, "production", true));

		assertThat(replaced.status()).isEqualTo(200);
		JsonNode body = replaced.json();
		assertThat(body.get("uuid").asString()).isEqualTo(uuid);
		assertThat(body.get("name").asString()).isEqualTo(renamed);
		assertThat(body.get("displayName").asString()).startsWith("Quality ");
		assertThat(body.get("production").asBoolean()).isTrue();
		assertThat(body.has("contacts")).as("contacts not given are removed").isFalse();
		assertThat(body.get("updatedAt").asString()).matches(TIMESTAMP);
		assertThat(this.broker.put("/environments/" + uuid, Map.of("name", renamed, "production", false)).status())
			.as("an environment keeps its own name")
			.isEqualTo(200);

		String other = Names.unique("other");
		create(other, false);
		Response taken = this.broker.put("/environments/" + uuid, Map.of("name", other, "production", false));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(this.broker.get("/environments/" + uuid).json().get("name").asString()).isEqualTo(renamed);

		String missing = "0b6e3a5e-0000-4000-8000-000000000000";
		Response notFound = this.broker.put("/environments/" + missing,
				Map.of("name", Names.unique("ghost"), "production", false));
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(this.broker.get("/environments/" + missing).status()).isEqualTo(404);
	}

	@Test
	void deletesAnEnvironment() {
		String uuid = create(Names.unique("sandbox"), false);

		Response deleted = this.broker.delete("/environments/" + uuid);

		assertThat(deleted.status()).isEqualTo(204);
		Response gone = this.broker.get("/environments/" + uuid);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.json().get("error").asString()).isEqualTo("No environment with UUID " + uuid + " found");
		assertThat(this.broker.delete("/environments/" + uuid).status()).isEqualTo(404);
	}

	@Test
	void anIdThatIsNotAUuidNamesNoEnvironment() {
		assertThat(this.broker.get("/environments/production").status()).isEqualTo(404);
		Response problem = this.broker.get("/environments/not-a-uuid", Map.of("Accept", "application/problem+json"));
		assertThat(problem.status()).isEqualTo(404);
		assertThat(problem.contentType()).isEqualTo("application/problem+json;charset=utf-8");
		assertThat(problem.json().get("title").asString()).isEqualTo("Not found");
	}

	private String create(String name, boolean production) {
		Response created = this.broker.post("/environments", Map.of("name", name, "production", production));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.json().get("uuid").asString();
	}

	private static List<String> names(JsonNode environments) {
		List<String> names = new ArrayList<>();
		environments.forEach((environment) -> names.add(environment.get("name").asString()));
		return names;
	}

}
