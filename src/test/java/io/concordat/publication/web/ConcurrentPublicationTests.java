package io.concordat.publication.web;

import java.util.List;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import io.concordat.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many CI jobs publishing one consumer version at the same moment (a retried job, a
 * matrix build) get the answers they would get one at a time, and the database holds
 * exactly what they were told. Checked in the tables, not only through the API, which
 * could hide extra revisions behind the latest one.
 */
@ConcordatTest
class ConcurrentPublicationTests {

	private static final int CONTENDERS = 50;

	@Autowired
	JdbcClient jdbc;

	Broker broker;

	String consumer;

	String provider;

	@BeforeEach
	void names(Broker broker) {
		this.broker = broker;
		this.consumer = Names.unique("race-web");
		this.provider = Names.unique("race-api");
	}

	@Test
	void racingPublishersOfTheSameContentLeaveOnePublication() {
		PactFiles pact = PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(100);

		List<Response> answers = Race.between(CONTENDERS,
				(i) -> this.broker.post("/contracts/publish", pact.publishBody("1.0.0", "main", List.of("prod"))));

		assertThat(answers).extracting(Response::status).containsOnly(200);
		assertThat(rows("pact_publications")).isOne();
		assertThat(rows("pact_versions")).isOne();
		assertThat(this.jdbc.sql("""
				select count(*) from versions v join pacticipants p on p.id = v.pacticipant_id where p.name = :c""")
			.param("c", this.consumer)
			.query(Long.class)
			.single()).isOne();
		assertThat(
				answers.stream().filter((answer) -> answer.body().contains("Pact successfully published for")).count())
			.as("exactly one client created the pact; the others republished it")
			.isOne();
	}

	@Test
	void racingPublishersOfDifferentContentLeaveOneWinnerAndTellTheOthersOfTheConflict() {
		List<Response> answers = Race.between(CONTENDERS,
				(i) -> this.broker.post("/contracts/publish",
						PactFiles.aPact()
							.between(this.consumer, this.provider)
							.withOrderTotal(1000 + i)
							.publishBody("1.0.0", "main", List.of())));

		assertThat(answers).extracting(Response::status).containsOnly(200, 409);
		List<Integer> winners = new java.util.ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			if (answers.get(i).status() == 200) {
				winners.add(1000 + i);
			}
		}
		assertThat(winners).as("clients told their pact was published").hasSize(1);
		assertThat(answers.stream().filter((answer) -> answer.status() == 409))
			.allSatisfy((conflict) -> assertThat(conflict.body()).contains("Cannot change the content of the pact"));
		assertThat(rows("pact_publications")).isOne();
		assertThat(rows("pact_versions")).as("no content of a refused publication is kept").isOne();
		assertThat(served("1.0.0")).isEqualTo(winners.get(0));
	}

	@Test
	void racingLegacyPutsOfDifferentContentLeaveOneWinner() {
		List<Response> answers = Race.between(CONTENDERS,
				(i) -> this.broker.put(
						"/pacts/provider/" + this.provider + "/consumer/" + this.consumer + "/version/2.0.0",
						PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(2000 + i).json()));

		assertThat(answers).extracting(Response::status).containsOnly(201, 409);
		assertThat(answers.stream().filter((answer) -> answer.status() == 201)).hasSize(1);
		int winner = 2000 + answers.stream().map(Response::status).toList().indexOf(201);
		assertThat(rows("pact_publications")).isOne();
		assertThat(served("2.0.0")).isEqualTo(winner);
	}

	private long rows(String table) {
		return this.jdbc
			.sql("select count(*) from " + table + " t join pacticipants c on c.id = t.consumer_id where c.name = :c")
			.param("c", this.consumer)
			.query(Long.class)
			.single();
	}

	private int served(String version) {
		return this.broker
			.get("/pacts/provider/" + this.provider + "/consumer/" + this.consumer + "/version/" + version)
			.json()
			.at("/interactions/0/response/body/total_cents")
			.asInt();
	}

}
