package io.concordat.pacticipant.web;

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
class PacticipantApiTests {

	Broker broker;

	@BeforeEach
	void connect(Broker broker) {
		this.broker = broker;
	}

	@Test
	void createsAPacticipantWithADerivedDisplayNameAndServesIt() {
		String name = Names.unique("orders-api");
		Response created = this.broker.post("/pacticipants", Map.of("name", name, "mainBranch", "main"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		assertThat(created.location()).isEqualTo(this.broker.baseUrl() + "/pacticipants/" + name);
		JsonNode body = created.json();
		assertThat(body.get("displayName").asString()).startsWith("Orders Api ");
		assertThat(body.get("mainBranch").asString()).isEqualTo("main");
		assertThat(body.has("repositoryUrl")).as("nil properties are omitted").isFalse();
		assertThat(body.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
		assertThat(body.at("/_links/pb:version-tag/href").asString())
			.isEqualTo(this.broker.baseUrl() + "/pacticipants/" + name + "/versions/{version}/tags/{tag}");
		assertThat(body.at("/_embedded/labels").isArray()).isTrue();

		Response fetched = this.broker.get("/pacticipants/" + name);
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().get("name").asString()).isEqualTo(name);
	}

	@Test
	void anUnknownPacticipantIsA404NamingIt() {
		Response missing = this.broker.get("/pacticipants/no-such-pacticipant");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("error").asString())
			.isEqualTo("No pacticipant with name 'no-such-pacticipant' found");
	}

	@Test
	void patchCreatesAMissingPacticipantThenMergesOnlyTheGivenFields() {
		String name = Names.unique("Pricing Service");
		String path = "/pacticipants/" + name.replace(" ", "%20");
		Response created = this.broker.patch(path, Map.of("repositoryUrl", "https://git/pricing"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("name").asString()).isEqualTo(name);

		Response updated = this.broker.patch(path, Map.of("mainBranch", "trunk"));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("repositoryUrl").asString()).isEqualTo("https://git/pricing");
		assertThat(updated.json().get("mainBranch").asString()).isEqualTo("trunk");
		assertThat(updated.json().has("updatedAt")).isTrue();
	}

	@Test
	void putReplacesEveryDetailButDoesNotCreate() {
		assertThat(this.broker.put("/pacticipants/" + Names.unique("ghost"), Map.of()).status()).isEqualTo(404);
		String name = Names.unique("web");
		this.broker.post("/pacticipants", Map.of("name", name, "repositoryUrl", "https://git/web"));
		Response replaced = this.broker.put("/pacticipants/" + name, Map.of("mainBranch", "main"));
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.json().has("repositoryUrl")).isFalse();
	}

	@Test
	void badInputGetsA400NamingTheFieldInTheShapeTheClientAskedFor() {
		Response legacy = this.broker.post("/pacticipants", Map.of("mainBranch", "has space"));
		assertThat(legacy.status()).isEqualTo(400);
		assertThat(legacy.json().at("/errors/name/0").asString()).isEqualTo("is missing");

		Response problem = this.broker.send("POST", "/pacticipants", Map.of("name", "x", "mainBranch", "has space"),
				Map.of("Accept", "application/problem+json", "Content-Type", "application/json"));
		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.contentType()).isEqualTo("application/problem+json;charset=utf-8");
		assertThat(problem.json().at("/errors/0/pointer").asString()).isEqualTo("/mainBranch");

		Response notJson = this.broker.send("POST", "/pacticipants", "{not json",
				Map.of("Accept", "application/hal+json", "Content-Type", "application/json"));
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.json().at("/errors/body/0").asString()).startsWith("Error parsing JSON");

		Response wrongType = this.broker.send("POST", "/pacticipants", "name=x",
				Map.of("Accept", "application/hal+json", "Content-Type", "text/plain"));
		assertThat(wrongType.status()).isEqualTo(415);
	}

	@Test
	void listsPacticipantsAPageAtATime() {
		String prefix = Names.unique("paged");
		for (int i = 0; i < 3; i++) {
			this.broker.post("/pacticipants", Map.of("name", prefix + "-" + i));
		}
		Response page = this.broker.get("/pacticipants?q=" + prefix + "&pageNumber=1&pageSize=2");
		assertThat(page.status()).isEqualTo(200);
		JsonNode body = page.json();
		assertThat(body.at("/_embedded/pacticipants").size()).isEqualTo(2);
		assertThat(body.at("/page/totalElements").asInt()).isEqualTo(3);
		assertThat(body.at("/_links/next/href").asString()).endsWith("/pacticipants?size=2&page=2");
		assertThat(body.at("/_links/pb:pacticipants").isArray()).isTrue();
		assertThat(body.has("pacticipants")).as("deprecated top-level list still emitted").isTrue();
	}

	@Test
	void taggingCreatesPacticipantAndVersionAndFindsTheLatestTaggedVersion() {
		String name = Names.unique("Condor");
		Response created = this.broker.put("/pacticipants/" + name + "/versions/1.3.0/tags/prod", Map.of());
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().at("/_links/version/name").asString()).isEqualTo("1.3.0");
		assertThat(this.broker.put("/pacticipants/" + name + "/versions/1.3.0/tags/prod", Map.of()).status())
			.isEqualTo(200);
		this.broker.put("/pacticipants/" + name + "/versions/1.4.0/tags/dev", Map.of());

		assertThat(this.broker.get("/pacticipants/" + name + "/latest-version").json().get("number").asString())
			.isEqualTo("1.4.0");
		JsonNode prod = this.broker.get("/pacticipants/" + name + "/latest-version/prod").json();
		assertThat(prod.get("number").asString()).isEqualTo("1.3.0");
		assertThat(prod.at("/_embedded/tags/0/name").asString()).isEqualTo("prod");
		assertThat(this.broker.get("/pacticipants/" + name + "/latest-version/nope").status()).isEqualTo(404);
	}

	@Test
	void aBranchWithASlashIsOneSegmentAndItsHeadIsTheLastVersionAdded() {
		String name = Names.unique("orders-web");
		Response added = this.broker.put("/pacticipants/" + name + "/branches/feat%2Fx/versions/2.0.0", Map.of());
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().at("/_links/pb:branch/href").asString()).endsWith("/branches/feat%2Fx");
		this.broker.put("/pacticipants/" + name + "/branches/feat%2Fx/versions/1.0.0", Map.of());

		JsonNode branch = this.broker.get("/pacticipants/" + name + "/branches/feat%2Fx").json();
		assertThat(branch.get("name").asString()).isEqualTo("feat/x");
		JsonNode head = this.broker.get("/pacticipants/" + name + "/branches/feat%2Fx/latest-version").json();
		assertThat(head.get("number").asString()).as("last added, not last created").isEqualTo("1.0.0");
		JsonNode version = this.broker.get("/pacticipants/" + name + "/versions/2.0.0").json();
		assertThat(version.at("/_embedded/branchVersions/0/name").asString()).isEqualTo("feat/x");
		assertThat(version.at("/_embedded/branchVersions/0/latest").asBoolean()).isFalse();

		assertThat(this.broker.delete("/pacticipants/" + name + "/versions/1.0.0").status()).isEqualTo(204);
		JsonNode newHead = this.broker.get("/pacticipants/" + name + "/branches/feat%2Fx/latest-version").json();
		assertThat(newHead.get("number").asString()).isEqualTo("2.0.0");

		assertThat(this.broker.delete("/pacticipants/" + name + "/branches/feat%2Fx").status()).isEqualTo(204);
		assertThat(this.broker.get("/pacticipants/" + name + "/branches/feat%2Fx").status()).isEqualTo(404);
		assertThat(this.broker.get("/pacticipants/" + name + "/versions/2.0.0").status())
			.as("deleting a branch keeps its versions")
			.isEqualTo(200);
	}

	@Test
	void aBranchNameSentWithAnUnencodedSlashStillNamesOneBranch() {
		String name = Names.unique("cli");
		Response added = this.broker.put("/pacticipants/" + name + "/branches/feat/deep/x/versions/2.0.0",
				Map.of("name", "feat/deep/x"));
		assertThat(added.status()).isEqualTo(201);
		assertThat(this.broker.get("/pacticipants/" + name + "/branches/feat%2Fdeep%2Fx").json().get("name").asString())
			.isEqualTo("feat/deep/x");
	}

	@Test
	void aVersionOnTheMainBranchNameBecomesTheMainBranch() {
		String name = Names.unique("svc");
		this.broker.put("/pacticipants/" + name + "/branches/main/versions/1", Map.of());
		assertThat(this.broker.get("/pacticipants/" + name).json().get("mainBranch").asString()).isEqualTo("main");
	}

	@Test
	void versionsAreCreatedOrUpdatedAndListedNewestFirst() {
		String name = Names.unique("app");
		Response created = this.broker.put("/pacticipants/" + name + "/versions/1",
				Map.of("buildUrl", "https://ci/1", "tags", new Object[] { Map.of("name", "dev") }));
		assertThat(created.status()).isEqualTo(201);
		Response patched = this.broker.patch("/pacticipants/" + name + "/versions/1",
				Map.of("buildUrl", "https://ci/1b"));
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("buildUrl").asString()).isEqualTo("https://ci/1b");
		assertThat(patched.json().at("/_embedded/tags/0/name").asString()).isEqualTo("dev");
		this.broker.patch("/pacticipants/" + name + "/versions/2", Map.of());

		JsonNode list = this.broker.get("/pacticipants/" + name + "/versions").json();
		assertThat(list.at("/_embedded/versions/0/number").asString()).isEqualTo("2");
		assertThat(list.at("/_embedded/versions/1/number").asString()).isEqualTo("1");
	}

	@Test
	void labelsArePutListedFoundByAndRemoved() {
		String name = Names.unique("labelled");
		Response added = this.broker.put("/pacticipants/" + name + "/labels/team-orders", Map.of());
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().at("/_links/pb:pacticipant/name").asString()).isEqualTo(name);
		assertThat(this.broker.put("/pacticipants/" + name + "/labels/team-orders", Map.of()).status()).isEqualTo(200);
		assertThat(this.broker.get("/pacticipants/" + name).json().at("/_embedded/labels/0/name").asString())
			.isEqualTo("team-orders");
		JsonNode withLabel = this.broker.get("/pacticipants/label/team-orders").json();
		assertThat(withLabel.at("/_embedded/pacticipants").findValuesAsString("name")).contains(name);
		assertThat(this.broker.get("/labels").json().at("/_embedded/labels").findValuesAsString("name"))
			.contains("team-orders");

		assertThat(this.broker.delete("/pacticipants/" + name + "/labels/team-orders").status()).isEqualTo(204);
		assertThat(this.broker.get("/pacticipants/" + name + "/labels/team-orders").status()).isEqualTo(404);
		assertThat(this.broker.get("/pacticipants/" + name).json().at("/_embedded/labels").size()).isZero();
	}

	@Test
	void deletingAPacticipantRemovesItsVersions() {
		String name = Names.unique("gone");
		this.broker.put("/pacticipants/" + name + "/versions/1/tags/x", Map.of());
		assertThat(this.broker.delete("/pacticipants/" + name).status()).isEqualTo(204);
		assertThat(this.broker.get("/pacticipants/" + name + "/versions/1").status()).isEqualTo(404);
	}

}
