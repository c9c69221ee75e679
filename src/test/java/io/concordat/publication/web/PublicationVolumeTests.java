package io.concordat.publication.web;

import java.util.List;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing at volume is a correctness property, not a timing: a hundred distinct
 * 50-interaction pacts in a loop all succeed and are all stored, and publishing identical
 * content again adds no content. (Timings are in the benchmark, see docs/benchmarks.md.)
 */
@ConcordatTest
class PublicationVolumeTests {

	private static final int PACTS = 100;

	private static final int INTERACTIONS = 50;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHundredFiftyInteractionPactsPublishWithoutFailureAndIdenticalContentAddsNoRow(Broker broker) {
		String consumer = Names.unique("volume-web");
		String provider = Names.unique("volume-api");
		for (int i = 0; i < PACTS; i++) {
			PactFiles pact = PactFiles.aPact().between(consumer, provider).withInteractions(INTERACTIONS, "v" + i);
			Response response = broker.post("/contracts/publish", pact.publishBody("1." + i, "main", List.of()));
			assertThat(response.status()).as("publication %d: %s", i, response).isEqualTo(200);
		}
		assertThat(count("select count(*) from pact_versions pv join pacticipants c on c.id = pv.consumer_id "
				+ "where c.name = :name", consumer))
			.isEqualTo(PACTS);
		assertThat(count("""
				select count(*) from interactions i join pact_versions pv on pv.id = i.pact_version_id
				join pacticipants c on c.id = pv.consumer_id where c.name = :name""", consumer))
			.isEqualTo((long) PACTS * INTERACTIONS);

		PactFiles same = PactFiles.aPact().between(consumer, provider).withInteractions(INTERACTIONS, "v0");
		assertThat(broker.post("/contracts/publish", same.publishBody("2.0", "main", List.of())).status())
			.isEqualTo(200);
		assertThat(count("select count(*) from pact_versions pv join pacticipants c on c.id = pv.consumer_id "
				+ "where c.name = :name", consumer))
			.isEqualTo(PACTS);
	}

	private long count(String sql, String name) {
		return this.jdbc.sql(sql).param("name", name).query(Long.class).single();
	}

}
