package io.concordat.verification.web;

import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.matrix.Histories;
import io.concordat.support.Broker;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ConcordatTest
class ProviderStatesApiTests {

	@Autowired
	ApplicationContext context;

	Broker broker;

	Histories history;

	String web;

	String mobile;

	String provider;

	@BeforeEach
	void twoConsumersNeedingOverlappingStates(Broker broker) {
		this.broker = broker;
		this.history = new Histories(this.context);
		this.web = Names.unique("orders-web");
		this.mobile = Names.unique("orders-mobile");
		this.provider = Names.unique("orders-api");
		publish(this.web, "1.0.0", "main",
				PactFiles.aPact()
					.between(this.web, this.provider)
					.inStates(Map.of("name", "an order exists", "params", Map.of("id", 1)),
							Map.of("name", "a user is logged in"))
					.withOrderTotal(1)
					.inStates(Map.of("name", "no orders exist"))
					.withInteraction("a request for no orders", "/orders", Map.of("count", 0)));
		publish(this.mobile, "3.0.0", "main",
				PactFiles.aPact()
					.between(this.mobile, this.provider)
					.inStates(Map.of("name", "an order exists", "params", Map.of("id", 1)))
					.withOrderTotal(2)
					.inStates(Map.of("name", "an order exists", "params", Map.of("id", 2)))
					.withInteraction("a request for order 2", "/orders/2", Map.of("id", 2)));
		publish(this.mobile, "3.1.0-beta", "feat-x",
				PactFiles.aPact()
					.between(this.mobile, this.provider)
					.inStates(Map.of("name", "a beta feature is on"))
					.withOrderTotal(3));
	}

	@Test
	void theStatesOfTheMainBranchPactsAreListedOnceEachWithTheirConsumersByName() {
		JsonNode body = this.broker.get("/pacts/provider/" + this.provider + "/provider-states").json();
		JsonNode states = body.get("providerStates");
		assertThat(states.findValuesAsString("name")).containsExactly("a user is logged in", "an order exists",
				"an order exists", "no orders exist");
		JsonNode first = states.get(1);
		JsonNode second = states.get(2);
		JsonNode withId1 = (first.at("/params/id").asInt() == 1) ? first : second;
		JsonNode withId2 = (withId1 == first) ? second : first;
		assertThat(withId1.get("consumers").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(this.web,
				this.mobile);
		assertThat(withId2.at("/params/id").asInt()).isEqualTo(2);
		assertThat(withId2.get("consumers").valueStream().map(JsonNode::asString)).containsExactly(this.mobile);
		assertThat(states.get(0).has("params")).isFalse();
		assertThat(states.get(0).get("consumers").valueStream().map(JsonNode::asString)).containsExactly(this.web);
	}

	@Test
	void aBranchNamesTheStatesOfItsLatestPacts() {
		JsonNode states = this.broker.get("/pacts/provider/" + this.provider + "/provider-states/branch/feat-x")
			.json()
			.get("providerStates");
		assertThat(states.findValuesAsString("name")).containsExactly("a beta feature is on");
		assertThat(this.broker.get("/pacts/provider/" + this.provider + "/provider-states/branch/none")
			.json()
			.get("providerStates")
			.size()).isZero();
	}

	@Test
	void anEnvironmentNamesTheStatesOfThePactsOfTheVersionsInIt() {
		String production = this.history.environment("production");
		this.history.deploy(this.mobile, "3.1.0-beta", production);
		String uuid = this.broker.get("/environments")
			.json()
			.at("/_embedded/environments")
			.valueStream()
			.filter((environment) -> environment.get("name").asString().equals(production))
			.findFirst()
			.orElseThrow()
			.get("uuid")
			.asString();
		JsonNode states = this.broker.get("/pacts/provider/" + this.provider + "/provider-states/environment/" + uuid)
			.json()
			.get("providerStates");
		assertThat(states.findValuesAsString("name")).containsExactly("a beta feature is on");
		assertThat(this.broker.get("/pacts/provider/" + this.provider + "/provider-states/environment/not-a-uuid")
			.status()).isEqualTo(404);
	}

	@Test
	void anUnknownProviderIsNotFound() {
		assertThat(this.broker.get("/pacts/provider/nobody-at-all/provider-states").status()).isEqualTo(404);
	}

	private void publish(String consumer, String version, String branch, PactFiles pact) {
		assertThat(this.broker.post("/contracts/publish", pact.publishBody(version, branch, List.of())).status())
			.isEqualTo(200);
	}

}
