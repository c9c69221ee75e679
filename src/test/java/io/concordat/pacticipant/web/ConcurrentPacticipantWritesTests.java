package io.concordat.pacticipant.web;

import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.Names;
import io.concordat.support.Race;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating and tagging from many jobs at once leaves, and answers, what requests one at a
 * time would.
 */
@ConcordatTest
class ConcurrentPacticipantWritesTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void racingPutsOfOneTagCreateItOnce(Broker broker) {
		String pacticipant = Names.unique("tag-race");

		List<Response> answers = Race.between(20,
				(i) -> broker.put("/pacticipants/" + pacticipant + "/versions/1.0.0/tags/prod", Map.of()));

		assertThat(answers).extracting(Response::status).containsOnly(200, 201);
		assertThat(answers.stream().filter((answer) -> answer.status() == 201)).hasSize(1);
		assertThat(this.jdbc.sql("""
				select count(*) from tags t join pacticipants p on p.id = t.pacticipant_id where p.name = :p""")
			.param("p", pacticipant)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void onlyTheFirstOfRacingTagsOfANewVersionNamesItsBranch(Broker broker) {
		String pacticipant = Names.unique("tag-race");
		broker.put("/pacticipants/" + pacticipant + "/versions/1.0.0", Map.of());

		List<Response> answers = Race.between(20,
				(i) -> broker.put("/pacticipants/" + pacticipant + "/versions/1.0.0/tags/feature-" + i, Map.of()));

		assertThat(answers).extracting(Response::status).containsOnly(201);
		assertThat(this.jdbc.sql("""
				select count(*) from branch_versions bv join pacticipants p on p.id = bv.pacticipant_id
				where p.name = :p""").param("p", pacticipant).query(Long.class).single())
			.as("a version tagged by tag-only clients gets one branch, from its first tag")
			.isOne();
	}

	@Test
	void racingCreationsOfOnePacticipantCreateItOnceAndTellTheOthersTheNameIsTaken(Broker broker) {
		String pacticipant = Names.unique("create-race");

		List<Response> answers = Race.between(20, (i) -> broker.post("/pacticipants", Map.of("name", pacticipant)));

		assertThat(answers).extracting(Response::status).containsOnly(201, 409);
		assertThat(answers.stream().filter((answer) -> answer.status() == 201)).hasSize(1);
		assertThat(answers.stream().filter((answer) -> answer.status() == 409))
			.allSatisfy((taken) -> assertThat(taken.json().at("/errors/name/0").asString())
				.isEqualTo("A pacticipant with name '" + pacticipant + "' already exists"));
	}

}
