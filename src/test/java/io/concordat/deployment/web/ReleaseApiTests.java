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
class ReleaseApiTests {

	Broker broker;

	String environmentUuid;

	String pacticipant;

	@BeforeEach
	void prepare(Broker broker) {
		this.broker = broker;
		this.environmentUuid = this.broker
			.post("/environments",
					Map.of("name", Names.unique("app-store"), "displayName", "App Store", "production", true))
			.json()
			.get("uuid")
			.asString();
		this.pacticipant = Names.unique("orders-app");
		this.broker.put("/pacticipants/" + this.pacticipant + "/versions/1.0.0", Map.of());
		this.broker.put("/pacticipants/" + this.pacticipant + "/versions/1.1.0", Map.of());
	}

	@Test
	void recordsAReleaseFromAnEmptyBodyWithTheWholeEnvironmentEmbedded() {
		Response recorded = this.broker.send("POST", recordPath("1.0.0"), "",
				Map.of("Accept", "application/hal+json", "Content-Type", "application/json"));

		assertThat(recorded.status()).isEqualTo(201);
		assertThat(recorded.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		JsonNode body = recorded.json();
		String uuid = body.get("uuid").asString();
		assertThat(recorded.location()).isEqualTo(this.broker.baseUrl() + "/released-versions/" + uuid);
		assertThat(body.propertyNames()).containsExactly("uuid", "currentlySupported", "createdAt", "_embedded",
				"_links");
		assertThat(body.get("currentlySupported").asBoolean()).isTrue();
		assertThat(body.at("/_embedded/pacticipant/name").asString()).isEqualTo(this.pacticipant);
		assertThat(body.at("/_embedded/version/number").asString()).isEqualTo("1.0.0");
		assertThat(body.at("/_embedded/environment/displayName").asString()).isEqualTo("App Store");
		assertThat(body.at("/_links/self/href").asString()).isEqualTo(recorded.location());
		assertThat(this.broker.get("/released-versions/" + uuid).json()).isEqualTo(body);
	}

	@Test
	void releasingAgainAnswers200WithTheSameRelease() {
		String uuid = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();

		Response again = this.broker.post(recordPath("1.0.0"), Map.of());

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("uuid").asString()).isEqualTo(uuid);
	}

	@Test
	void releasesDoNotRetireEachOther() {
		String first = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();
		String second = this.broker.post(recordPath("1.1.0"), Map.of()).json().get("uuid").asString();

		JsonNode supported = currentlySupported("?pacticipant=" + this.pacticipant);

		assertThat(uuids(supported)).containsExactly(second, first);
		assertThat(supported.at("/_embedded/releasedVersions/0/_embedded").propertyNames())
			.containsExactly("pacticipant", "version");
		assertThat(supported.at("/_links/self/title").asString())
			.isEqualTo("Currently supported versions in App Store");
		assertThat(supported.at("/_links/self/href").asString())
			.endsWith("/released-versions/currently-supported?pacticipant=" + this.pacticipant);
		assertThat(uuids(currentlySupported("?pacticipant=" + this.pacticipant + "&version=1.0.0")))
			.containsExactly(first);
		assertThat(uuids(currentlySupported("?pacticipant=" + Names.unique("nobody")))).isEmpty();
	}

	@Test
	void endsSupportThroughAMergePatchAndReleasingAgainRestoresIt() {
		String uuid = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();

		Response refused = this.broker.patch("/released-versions/" + uuid, Map.of("currentlySupported", true));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().at("/errors/currentlySupported/0").asString())
			.startsWith("The currentlySupported property cannot be set back to true.");
		assertThat(this.broker.get("/released-versions/" + uuid).json().has("supportEndedAt")).isFalse();

		Response ended = this.broker.patch("/released-versions/" + uuid, Map.of("currentlySupported", false));
		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.json().get("currentlySupported").asBoolean()).isFalse();
		assertThat(ended.json().get("supportEndedAt").asString()).matches("\\d{4}-.*\\+00:00");
		assertThat(uuids(currentlySupported("?pacticipant=" + this.pacticipant))).isEmpty();

		Response rereleased = this.broker.post(recordPath("1.0.0"), Map.of());
		assertThat(rereleased.status()).isEqualTo(200);
		assertThat(rereleased.json().get("uuid").asString()).isEqualTo(uuid);
		assertThat(rereleased.json().get("currentlySupported").asBoolean()).isTrue();
		assertThat(rereleased.json().has("supportEndedAt")).isFalse();
		assertThat(rereleased.json().has("updatedAt")).isTrue();
		assertThat(uuids(currentlySupported("?pacticipant=" + this.pacticipant))).containsExactly(uuid);
	}

	@Test
	void theVersionResourceLinksItsReleases() {
		String uuid = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();
		this.broker.patch("/released-versions/" + uuid, Map.of("currentlySupported", false));

		JsonNode released = this.broker.get("/pacticipants/" + this.pacticipant + "/versions/1.0.0")
			.json()
			.at("/_links/pb:released-environments");

		assertThat(released.size()).isEqualTo(1);
		assertThat(released.at("/0/title").asString()).isEqualTo("Version released to App Store");
		assertThat(released.at("/0/name").asString()).isEqualTo("App Store");
		assertThat(released.at("/0/href").asString()).isEqualTo(this.broker.baseUrl() + "/released-versions/" + uuid);
		assertThat(released.at("/0/currently_supported").asBoolean()).isFalse();
	}

	@Test
	void listsTheReleaseOfAVersionToAnEnvironment() {
		assertThat(this.broker.get(recordPath("1.0.0")).json().at("/_embedded/releasedVersions").size()).isZero();
		String uuid = this.broker.post(recordPath("1.0.0"), Map.of()).json().get("uuid").asString();

		JsonNode list = this.broker.get(recordPath("1.0.0")).json();

		assertThat(uuids(list)).containsExactly(uuid);
		assertThat(list.at("/_links/self/title").asString()).startsWith("Released versions for ")
			.endsWith(" version 1.0.0 in App Store");
	}

	@Test
	void aMissingVersionEnvironmentOrReleaseIsA404AndNothingIsCreated() {
		String stranger = Names.unique("stranger");
		assertThat(this.broker
			.post("/pacticipants/" + stranger + "/versions/1.0.0/released-versions/environment/" + this.environmentUuid,
					Map.of())
			.status()).isEqualTo(404);
		assertThat(this.broker.get("/pacticipants/" + stranger).status()).isEqualTo(404);
		assertThat(this.broker
			.post("/pacticipants/" + this.pacticipant + "/versions/1.0.0/released-versions"
					+ "/environment/7b1f2d9f-0000-4000-8000-000000000000", Map.of())
			.status()).isEqualTo(404);
		assertThat(this.broker.get("/released-versions/7b1f2d9f-0000-4000-8000-000000000000").status()).isEqualTo(404);
		assertThat(this.broker
			.patch("/released-versions/7b1f2d9f-0000-4000-8000-000000000000", Map.of("currentlySupported", false))
			.status()).isEqualTo(404);
		assertThat(this.broker
			.get("/environments/7b1f2d9f-0000-4000-8000-000000000000/released-versions" + "/currently-supported")
			.status()).isEqualTo(404);
		assertThat(uuids(currentlySupported(""))).isEmpty();
	}

	private String recordPath(String version) {
		return "/pacticipants/" + this.pacticipant + "/versions/" + version + "/released-versions/environment/"
				+ this.environmentUuid;
	}

	private JsonNode currentlySupported(String query) {
		Response response = this.broker
			.get("/environments/" + this.environmentUuid + "/released-versions/currently-supported" + query);
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response.json();
	}

	private static List<String> uuids(JsonNode list) {
		List<String> uuids = new ArrayList<>();
		list.at("/_embedded/releasedVersions").forEach((item) -> uuids.add(item.get("uuid").asString()));
		return uuids;
	}

}
