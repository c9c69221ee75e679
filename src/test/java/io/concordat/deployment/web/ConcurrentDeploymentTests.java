package io.concordat.deployment.web;

import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.Names;
import io.concordat.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployment pipelines that record at the same moment (retries, several jobs of one
 * release) leave what they would leave one at a time: one deployment per version and
 * instance, and exactly one version running per instance.
 */
@ConcordatTest
class ConcurrentDeploymentTests {

	@Autowired
	JdbcClient jdbc;

	Broker broker;

	String pacticipant;

	String environmentUuid;

	@BeforeEach
	void prepare(Broker broker) {
		this.broker = broker;
		this.pacticipant = Names.unique("deploy-race");
		this.environmentUuid = this.broker
			.post("/environments", Map.of("name", Names.unique("production"), "production", true))
			.json()
			.get("uuid")
			.asString();
	}

	@Test
	void racingRecordsOfOneVersionLeaveOneDeploymentThatEveryClientIsToldOf() {
		version("1.0.0");

		List<Response> answers = Race.between(20, (i) -> this.broker.post(recordPath("1.0.0"), Map.of()));

		assertThat(answers).extracting(Response::status).containsOnly(201);
		assertThat(answers.stream().map((answer) -> answer.json().get("uuid").asString()).distinct())
			.as("every client is given the one deployment")
			.hasSize(1);
		assertThat(deployments()).isOne();
	}

	@Test
	void racingRecordsOfDifferentVersionsLeaveExactlyOneRunning() {
		for (int i = 0; i < 20; i++) {
			version("2.0." + i);
		}

		List<Response> answers = Race.between(20, (i) -> this.broker.post(recordPath("2.0." + i), Map.of()));

		assertThat(answers).extracting(Response::status).containsOnly(201);
		assertThat(deployments()).isEqualTo(20);
		List<String> running = this.jdbc.sql("""
				select dv.uuid::text from deployed_versions dv join pacticipants p on p.id = dv.pacticipant_id
				where p.name = :p and dv.undeployed_at is null""")
			.param("p", this.pacticipant)
			.query(String.class)
			.list();
		assertThat(running).hasSize(1);
		assertThat(this.jdbc.sql("""
				select dv.uuid::text from currently_deployed_versions c
				join deployed_versions dv on dv.id = c.deployed_version_id
				join pacticipants p on p.id = c.pacticipant_id where p.name = :p""")
			.param("p", this.pacticipant)
			.query(String.class)
			.list()).as("the derived current deployment is the one still running").isEqualTo(running);
	}

	@Test
	void racingCreationsOfOneEnvironmentCreateItOnceAndTellTheOthersTheNameIsUsed() {
		String name = Names.unique("staging");

		List<Response> answers = Race.between(20,
				(i) -> this.broker.post("/environments", Map.of("name", name, "production", false)));

		assertThat(answers).extracting(Response::status).containsOnly(201, 400);
		assertThat(answers.stream().filter((answer) -> answer.status() == 201)).hasSize(1);
		assertThat(answers.stream().filter((answer) -> answer.status() == 400))
			.allSatisfy((used) -> assertThat(used.json().at("/errors/name/0").asString())
				.isEqualTo("name '" + name + "' is already used by an existing environment."));
	}

	private long deployments() {
		return this.jdbc.sql("""
				select count(*) from deployed_versions dv join pacticipants p on p.id = dv.pacticipant_id
				where p.name = :p""").param("p", this.pacticipant).query(Long.class).single();
	}

	private void version(String number) {
		assertThat(this.broker.put("/pacticipants/" + this.pacticipant + "/versions/" + number, Map.of()).status())
			.isIn(200, 201);
	}

	private String recordPath(String version) {
		return "/pacticipants/" + this.pacticipant + "/versions/" + version + "/deployed-versions/environment/"
				+ this.environmentUuid;
	}

}
