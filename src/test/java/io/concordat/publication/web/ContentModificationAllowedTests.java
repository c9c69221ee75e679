package io.concordat.publication.web;

import java.util.List;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import io.concordat.support.Race;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installations that allow it (the Pact Broker's
 * {@code allow_dangerous_contract_modification}) may change the content a consumer
 * version published: the change becomes a new revision, and the latest revision is
 * served.
 */
@ConcordatTest
@TestPropertySource(properties = "concordat.publication.allow-dangerous-contract-modification=true")
class ContentModificationAllowedTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void changedContentBecomesANewRevisionWithAWarning(Broker broker) {
		String consumer = Names.unique("web");
		String provider = Names.unique("api");
		broker.post("/contracts/publish",
				PactFiles.aPact()
					.between(consumer, provider)
					.withOrderTotal(1)
					.publishBody("1.0.0", "main", List.of()));
		Response changed = broker.post("/contracts/publish",
				PactFiles.aPact()
					.between(consumer, provider)
					.withOrderTotal(2)
					.publishBody("1.0.0", "main", List.of()));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().at("/notices/1/type").asString()).isEqualTo("warning");
		assertThat(changed.json().at("/notices/1/text").asString()).startsWith("Pact with changed content published");

		assertThat(broker.get("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1.0.0")
			.json()
			.at("/interactions/0/response/body/total_cents")
			.asInt()).isEqualTo(2);
		assertThat(this.jdbc.sql("""
				select max(pp.revision_number) from pact_publications pp join pacticipants c on c.id = pp.consumer_id
				where c.name = :c""").param("c", consumer).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void racingPublishersOfChangedContentEachBecomeARevisionAndTheLastOneIsServed(Broker broker) {
		String consumer = Names.unique("web");
		String provider = Names.unique("api");

		List<Response> answers = Race.between(20,
				(i) -> broker.post("/contracts/publish",
						PactFiles.aPact()
							.between(consumer, provider)
							.withOrderTotal(100 + i)
							.publishBody("1.0.0", "main", List.of())));

		assertThat(answers).extracting(Response::status).containsOnly(200);
		List<Integer> revisions = this.jdbc.sql("""
				select pp.revision_number from pact_publications pp join pacticipants c on c.id = pp.consumer_id
				where c.name = :c order by pp.revision_number""").param("c", consumer).query(Integer.class).list();
		assertThat(revisions).as("one revision per acknowledged publication, numbered without gaps")
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
		String lastContent = this.jdbc.sql("""
				select pv.content from pact_publications pp join pact_versions pv on pv.id = pp.pact_version_id
				join pacticipants c on c.id = pp.consumer_id
				where c.name = :c order by pp.revision_number desc limit 1""")
			.param("c", consumer)
			.query(String.class)
			.single();
		assertThat(broker.get("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1.0.0")
			.json()
			.at("/interactions/0/response/body/total_cents")
			.asInt())
			.isEqualTo(tools.jackson.databind.json.JsonMapper.builder()
				.build()
				.readTree(lastContent)
				.at("/interactions/0/response/body/total_cents")
				.asInt());
	}

}
