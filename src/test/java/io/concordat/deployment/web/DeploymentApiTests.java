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
class DeploymentApiTests {

	Broker broker;

	String environment;

	String environmentUuid;

	String pacticipant;

	@BeforeEach
	void prepare(Broker broker) {
		this.broker = broker;
		this.environment = Names.unique("production");
		this.environmentUuid = this.broker
			.post("/environments",
					Map.of("name", this.environment, "displayName", "Production", "production", true, "contacts",
							List.of(Map.of("name", "Orders team", "details", Map.of("slack", "#orders")))))
			.json()
			.get("uuid")
			.asString();
		this.pacticipant = Names.unique("orders-web");
		version("1.0.0");
		version("1.1.0");
	}

	@Test
	void recordsADeploymentWithTheWholeEnvironmentEmbedded() {
		Response recorded = this.broker.post(recordPath("1.0.0"), Map.of());

		assertThat(recorded.status()).isEqualTo(201);
		assertThat(recorded.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		JsonNode body = recorded.json();
		String uuid = body.get("uuid").asString();
		assertThat(recorded.location()).isEqualTo(this.broker.baseUrl() + "/deployed-versions/" + uuid);
		assertThat(body.propertyNames()).as("no applicationInstance or target without one")
			.containsExactly("uuid", "currentlyDeployed", "createdAt", "_embedded", "_links");
		assertThat(body.get("currentlyDeployed").asBoolean()).isTrue();
		assertThat(body.at("/_embedded/pacticipant/name").asString()).isEqualTo(this.pacticipant);
		assertThat(body.at("/_embedded/pacticipant/_links/self/href").asString())
			.isEqualTo(this.broker.baseUrl() + "/pacticipants/" + this.pacticipant);
		assertThat(body.at("/_embedded/version/number").asString()).isEqualTo("1.0.0");
		assertThat(body.at("/_embedded/version/_links/self/title").asString()).isEqualTo("Version");
		assertThat(body.at("/_embedded/version/_links/self/href").asString())
			.isEqualTo(this.broker.baseUrl() + "/pacticipants/" + this.pacticipant + "/versions/1.0.0");
		JsonNode environment = body.at("/_embedded/environment");
		assertThat(environment.get("uuid").asString()).isEqualTo(this.environmentUuid);
		assertThat(environment.at("/contacts/0/details/slack").asString()).isEqualTo("#orders");
		assertThat(environment.at("/_links/pb:currently-deployed-deployed-versions/href").asString())
			.endsWith("/environments/" + this.environmentUuid + "/deployed-versions/currently-deployed");
		assertThat(body.at("/_links/self/href").asString()).isEqualTo(recorded.location());

		assertThat(this.broker.get("/deployed-versions/" + uuid).json()).isEqualTo(body);
	}

	@Test
	void namesTheApplicationInstanceAlsoAsTarget() {
		JsonNode body = this.broker.post(recordPath("1.0.0"), Map.of("applicationInstance", "blue")).json();
		assertThat(body.get("applicationInstance").asString()).isEqualTo("blue");
		assertThat(body.get("target").asString()).isEqualTo("blue");

		JsonNode legacy = this.broker.post(recordPath("1.1.0"), Map.of("target", "green")).json();
		assertThat(legacy.get("applicationInstance").asString()).isEqualTo("green");

		Response emptyBody = this.broker.send("POST", recordPath("1.1.0"), "",
				Map.of("Accept", "application/hal+json", "Content-Type", "application/json"));
		assertThat(emptyBody.status()).isEqualTo(201);
		assertThat(emptyBody.json().has("applicationInstance")).isFalse();
	}

	@Test
	void aNewDeploymentOfTheSameInstanceEndsThePreviousOneAndOtherInstancesStay() {
		String first = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();
		String blue = this.broker.post(recordPath("1.0.0"), Map.of("applicationInstance", "blue"))
			.json()
			.get("uuid")
			.asString();

		String second = this.broker.post(recordPath("1.1.0"), Map.of()).json().get("uuid").asString();

		JsonNode replaced = this.broker.get("/deployed-versions/" + first).json();
		assertThat(replaced.get("currentlyDeployed").asBoolean()).isFalse();
		assertThat(replaced.get("undeployedAt").asString()).matches("\\d{4}-.*\\+00:00");
		assertThat(this.broker.get("/deployed-versions/" + blue).json().get("currentlyDeployed").asBoolean()).isTrue();
		assertThat(uuids(currentlyDeployed("?pacticipant=" + this.pacticipant))).containsExactly(second, blue);
	}

	@Test
	void deployingTheVersionThatIsAlreadyDeployedReturnsThatDeployment() {
		String first = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();

		Response again = this.broker.post(recordPath("1.0.0"), Map.of());

		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("uuid").asString()).isEqualTo(first);
		assertThat(again.location()).endsWith("/deployed-versions/" + first);
		assertThat(this.broker.get(recordPath("1.0.0")).json().at("/_embedded/deployedVersions").size()).isEqualTo(1);
	}

	@Test
	void aMissingVersionOrEnvironmentIsA404AndNothingIsCreated() {
		String stranger = Names.unique("stranger");
		Response noVersion = this.broker.post("/pacticipants/" + stranger + "/versions/1.0.0/deployed-versions"
				+ "/environment/" + this.environmentUuid, Map.of());
		assertThat(noVersion.status()).isEqualTo(404);
		assertThat(noVersion.json().get("error").asString())
			.isEqualTo("No version with number '1.0.0' found for pacticipant " + stranger);
		assertThat(this.broker.get("/pacticipants/" + stranger).status()).isEqualTo(404);

		Response noEnvironment = this.broker.post("/pacticipants/" + this.pacticipant + "/versions/1.0.0"
				+ "/deployed-versions/environment/6a0f1c8e-0000-4000-8000-000000000000", Map.of());
		assertThat(noEnvironment.status()).isEqualTo(404);
		assertThat(this.broker.get("/pacticipants/" + this.pacticipant).json().at("/_links/pb:deployed-environments"))
			.isEmpty();
		assertThat(this.broker.get("/deployed-versions/6a0f1c8e-0000-4000-8000-000000000000").status()).isEqualTo(404);
	}

	@Test
	void listsTheDeploymentsOfAVersionToAnEnvironmentNewestFirst() {
		String first = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();
		this.broker.post(recordPath("1.1.0"), Map.of());
		String again = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();

		JsonNode list = this.broker.get(recordPath("1.0.0")).json();

		assertThat(uuids(list)).containsExactly(again, first);
		assertThat(list.at("/_embedded/deployedVersions/0/_embedded").isMissingNode()).isTrue();
		assertThat(list.at("/_links/self/href").asString()).isEqualTo(this.broker.baseUrl() + recordPath("1.0.0"));
		assertThat(list.at("/_links/self/title").asString())
			.isEqualTo("Deployed versions for " + this.pacticipant + " version 1.0.0 in environment Production");
	}

	@Test
	void listsWhatIsCurrentlyDeployedWithOnlyPacticipantAndVersionEmbedded() {
		String blue = this.broker.post(recordPath("1.0.0"), Map.of("applicationInstance", "blue"))
			.json()
			.get("uuid")
			.asString();
		String plain = this.broker.post(recordPath("1.1.0"), Map.of()).json().get("uuid").asString();
		String other = Names.unique("orders-api");
		this.broker.put("/pacticipants/" + other + "/versions/2.0.0", Map.of());
		String otherDeployment = this.broker
			.post("/pacticipants/" + other + "/versions/2.0.0/deployed-versions/environment/" + this.environmentUuid,
					Map.of())
			.json()
			.get("uuid")
			.asString();

		JsonNode all = currentlyDeployed("");
		assertThat(uuids(all)).containsExactly(otherDeployment, plain, blue);
		JsonNode item = all.at("/_embedded/deployedVersions/2");
		assertThat(item.get("applicationInstance").asString()).isEqualTo("blue");
		assertThat(item.at("/_embedded").propertyNames()).containsExactly("pacticipant", "version");
		assertThat(item.at("/_embedded/version/number").asString()).isEqualTo("1.0.0");
		assertThat(all.at("/_links/self/title").asString()).isEqualTo("Currently deployed versions for Production");

		assertThat(uuids(currentlyDeployed("?pacticipant=" + this.pacticipant))).containsExactly(plain, blue);
		JsonNode blueOnly = currentlyDeployed("?pacticipant=" + this.pacticipant + "&applicationInstance=blue");
		assertThat(uuids(blueOnly)).containsExactly(blue);
		assertThat(blueOnly.at("/_links/self/href").asString())
			.endsWith("/currently-deployed?pacticipant=" + this.pacticipant + "&applicationInstance=blue");
		assertThat(uuids(currentlyDeployed("?pacticipant=" + this.pacticipant + "&applicationInstance=")))
			.as("an empty instance means deployments that name none")
			.containsExactly(plain);
		assertThat(uuids(currentlyDeployed("?pacticipant=" + Names.unique("nobody")))).isEmpty();
		assertThat(this.broker
			.get("/environments/6a0f1c8e-0000-4000-8000-000000000000/deployed-versions" + "/currently-deployed")
			.status()).isEqualTo(404);
	}

	@Test
	void undeploysThroughAMergePatchAndRefusesToRedeployThatWay() {
		String uuid = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();

		Response refused = this.broker.patch("/deployed-versions/" + uuid, Map.of("currentlyDeployed", true));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().at("/errors/currentlyDeployed/0").asString())
			.isEqualTo("The currentlyDeployed property cannot be set back to true. Please record a new deployment.");
		Response problem = this.broker.send("PATCH", "/deployed-versions/" + uuid, Map.of("currentlyDeployed", true),
				Map.of("Accept", "application/problem+json", "Content-Type", "application/merge-patch+json"));
		assertThat(problem.status()).isEqualTo(422);
		assertThat(problem.contentType()).isEqualTo("application/problem+json;charset=utf-8");
		assertThat(problem.json().get("status").asInt()).isEqualTo(422);
		assertThat(problem.json().at("/errors/0/pointer").asString()).isEqualTo("/currentlyDeployed");
		assertThat(this.broker.get("/deployed-versions/" + uuid).json().get("currentlyDeployed").asBoolean()).isTrue();

		Response nothing = this.broker.patch("/deployed-versions/" + uuid, Map.of());
		assertThat(nothing.status()).isEqualTo(200);
		assertThat(nothing.json().get("currentlyDeployed").asBoolean()).isTrue();

		Response undeployed = this.broker.patch("/deployed-versions/" + uuid, Map.of("currentlyDeployed", false));
		assertThat(undeployed.status()).isEqualTo(200);
		assertThat(undeployed.json().get("currentlyDeployed").asBoolean()).isFalse();
		assertThat(undeployed.json().at("/_embedded/version/number").asString()).isEqualTo("1.0.0");
		assertThat(undeployed.json().has("undeployedAt")).isTrue();
		assertThat(uuids(currentlyDeployed("?pacticipant=" + this.pacticipant))).isEmpty();
		assertThat(this.broker.patch("/deployed-versions/" + uuid, Map.of("currentlyDeployed", false)).status())
			.isEqualTo(200);

		assertThat(this.broker
			.patch("/deployed-versions/6a0f1c8e-0000-4000-8000-000000000000", Map.of("currentlyDeployed", false))
			.status()).isEqualTo(404);
	}

	@Test
	void theVersionResourceLinksEveryEnvironmentAndWhereTheVersionIs() {
		String blue = this.broker.post(recordPath("1.0.0"), Map.of("applicationInstance", "blue"))
			.json()
			.get("uuid")
			.asString();

		JsonNode links = this.broker.get("/pacticipants/" + this.pacticipant + "/versions/1.0.0").json().get("_links");

		JsonNode record = named(links.get("pb:record-deployment"), this.environment);
		assertThat(record.get("title").asString()).isEqualTo("Record deployment to Production");
		assertThat(record.get("href").asString()).isEqualTo(this.broker.baseUrl() + recordPath("1.0.0"));
		JsonNode release = named(links.get("pb:record-release"), this.environment);
		assertThat(release.get("title").asString()).isEqualTo("Record release to Production");
		assertThat(release.get("href").asString())
			.endsWith("/versions/1.0.0/released-versions/environment/" + this.environmentUuid);
		assertThat(links.get("pb:record-deployment").size()).isEqualTo(links.get("pb:record-release").size());
		JsonNode deployed = links.get("pb:deployed-environments");
		assertThat(deployed.size()).isEqualTo(1);
		assertThat(deployed.at("/0/title").asString()).isEqualTo("Version deployed to Production");
		assertThat(deployed.at("/0/name").asString()).isEqualTo("Production");
		assertThat(deployed.at("/0/href").asString()).isEqualTo(this.broker.baseUrl() + "/deployed-versions/" + blue);
		assertThat(deployed.at("/0/currently_deployed").asBoolean()).isTrue();
		assertThat(deployed.at("/0/application_instance").asString()).isEqualTo("blue");
		assertThat(links.get("pb:released-environments").isArray()).isTrue();
		assertThat(links.get("pb:released-environments").size()).isZero();

		JsonNode undeployedVersion = this.broker.get("/pacticipants/" + this.pacticipant + "/versions/1.1.0")
			.json()
			.get("_links");
		assertThat(undeployedVersion.get("pb:deployed-environments").isArray()).isTrue();
		assertThat(undeployedVersion.get("pb:deployed-environments").size()).isZero();
	}

	@Test
	void thePacticipantResourceLinksItsCurrentDeployments() {
		String first = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();
		String second = this.broker.post(recordPath("1.1.0"), Map.of()).json().get("uuid").asString();

		JsonNode deployed = this.broker.get("/pacticipants/" + this.pacticipant)
			.json()
			.at("/_links/pb:deployed-environments");

		assertThat(deployed.size()).isEqualTo(1);
		assertThat(deployed.at("/0/href").asString()).endsWith("/deployed-versions/" + second).doesNotEndWith(first);
		assertThat(deployed.at("/0/title").asString()).isEqualTo("Version deployed to Production");
		assertThat(deployed.at("/0/currently_deployed").asBoolean()).isTrue();
	}

	@Test
	void taggingAVersionWithAnEnvironmentsNameRecordsADeploymentThere() {
		Response tagged = this.broker
			.put("/pacticipants/" + this.pacticipant + "/versions/1.1.0/tags/" + this.environment, Map.of());
		assertThat(tagged.status()).isEqualTo(201);
		this.broker.put("/pacticipants/" + this.pacticipant + "/versions/1.0.0/tags/" + Names.unique("nowhere"),
				Map.of());

		JsonNode current = currentlyDeployed("?pacticipant=" + this.pacticipant);
		assertThat(current.at("/_embedded/deployedVersions").size()).isEqualTo(1);
		assertThat(current.at("/_embedded/deployedVersions/0/_embedded/version/number").asString()).isEqualTo("1.1.0");

		Response again = this.broker
			.put("/pacticipants/" + this.pacticipant + "/versions/1.1.0/tags/" + this.environment, Map.of());
		assertThat(again.status()).isEqualTo(200);
		assertThat(this.broker.get(recordPath("1.1.0")).json().at("/_embedded/deployedVersions").size())
			.as("tagging again keeps the deployment")
			.isEqualTo(1);
	}

	@Test
	void deletingTheVersionOrTheEnvironmentDeletesItsDeployments() {
		String uuid = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();
		assertThat(this.broker.delete("/pacticipants/" + this.pacticipant + "/versions/1.0.0").status()).isEqualTo(204);
		assertThat(this.broker.get("/deployed-versions/" + uuid).status()).isEqualTo(404);

		String other = this.broker.post(recordPath("1.1.0"), Map.of()).json().get("uuid").asString();
		assertThat(this.broker.delete("/environments/" + this.environmentUuid).status()).isEqualTo(204);
		assertThat(this.broker.get("/deployed-versions/" + other).status()).isEqualTo(404);
		assertThat(this.broker.get("/pacticipants/" + this.pacticipant + "/versions/1.1.0").status()).isEqualTo(200);
	}

	private void version(String number) {
		assertThat(this.broker.put("/pacticipants/" + this.pacticipant + "/versions/" + number, Map.of()).status())
			.isEqualTo(201);
	}

	private String recordPath(String version) {
		return "/pacticipants/" + this.pacticipant + "/versions/" + version + "/deployed-versions/environment/"
				+ this.environmentUuid;
	}

	private JsonNode currentlyDeployed(String query) {
		Response response = this.broker
			.get("/environments/" + this.environmentUuid + "/deployed-versions/currently-deployed" + query);
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response.json();
	}

	private static List<String> uuids(JsonNode list) {
		List<String> uuids = new ArrayList<>();
		list.at("/_embedded/deployedVersions").forEach((item) -> uuids.add(item.get("uuid").asString()));
		return uuids;
	}

	private static JsonNode named(JsonNode links, String name) {
		for (JsonNode link : links) {
			if (link.get("name").asString().equals(name)) {
				return link;
			}
		}
		throw new AssertionError("No link named " + name + " in " + links);
	}

}
