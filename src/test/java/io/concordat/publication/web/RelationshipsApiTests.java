package io.concordat.publication.web;

import java.util.List;

import io.concordat.ConcordatTest;
import io.concordat.matrix.Histories;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ConcordatTest
class RelationshipsApiTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Broker broker;

	String web;

	String api;

	String payments;

	String stranger;

	@BeforeEach
	void webConsumesTheApiWhichConsumesPaymentsAndAStrangerConsumesItself(Broker broker) {
		this.broker = broker;
		Histories history = new Histories(this.context);
		this.web = history.pacticipant("a-web");
		this.api = history.pacticipant("b-api");
		this.payments = history.pacticipant("c-payments");
		this.stranger = history.pacticipant("d-stranger");
		history.publish(this.web, "1.0.0", this.api);
		history.publish(this.api, "2.0.0", this.payments);
		history.publish(this.stranger, "1", history.pacticipant("e-other"));
	}

	@Test
	void aGroupIsThePacticipantsNetworkAsCsvRowsOfIdNameAndConsumedProviderIds() {
		Response group = this.broker.get("/groups/" + this.payments, java.util.Map.of("Accept", "text/csv"));
		assertThat(group.status()).isEqualTo(200);
		assertThat(group.contentType()).startsWith("text/csv");
		assertThat(group.body().lines().toList()).containsExactly(
				id(this.web) + "," + this.web + ",1,1,0,1," + id(this.api),
				id(this.api) + "," + this.api + ",1,1,0,2," + id(this.payments),
				id(this.payments) + "," + this.payments + ",1,1,0,3,0");
		assertThat(this.broker.get("/groups/" + this.payments + "?maxPacticipants=2").body().lines().toList())
			.containsExactly(id(this.api) + "," + this.api + ",1,1,0,1," + id(this.payments),
					id(this.payments) + "," + this.payments + ",1,1,0,2,0");
		assertThat(this.broker.get("/groups/" + this.payments + "?maxPacticipants=0").status()).isEqualTo(400);
		assertThat(this.broker.get("/groups/nobody-at-all").status()).isEqualTo(404);
	}

	@Test
	void relationshipsListEveryIntegrationThatStillHasAPact() {
		List<String> rows = this.broker.get("/relationships").body().lines().toList();
		assertThat(rows).anyMatch(
				(row) -> row.startsWith(id(this.web) + "," + this.web + ",1,1,0,") && row.contains("," + id(this.api)));
		assertThat(rows).anyMatch((row) -> row.startsWith(id(this.stranger) + "," + this.stranger + ",1,1,0,"));
		assertThat(rows.stream().map((row) -> row.split(",").length).distinct()).hasSize(1);

		this.broker.delete("/pacts/provider/" + this.api + "/consumer/" + this.web + "/versions");
		assertThat(this.broker.get("/relationships").body().lines())
			.noneMatch((row) -> row.startsWith(id(this.web) + ","));
	}

	private long id(String pacticipant) {
		return this.jdbc.sql("select id from pacticipants where name = :name")
			.param("name", pacticipant)
			.query(Long.class)
			.single();
	}

}
