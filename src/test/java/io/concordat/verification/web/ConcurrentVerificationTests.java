package io.concordat.verification.web;

import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import io.concordat.support.Race;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifiers publishing results at the same moment each get their result stored, and the
 * result the matrix counts for a pact and provider version is the newest of them, as it
 * would be had they arrived one at a time.
 */
@ConcordatTest
class ConcurrentVerificationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void racingResultsForOneProviderVersionAreAllStoredAndTheNewestCounts(Broker broker) {
		String consumer = Names.unique("verify-race-web");
		String provider = Names.unique("verify-race-api");
		broker.post("/contracts/publish",
				PactFiles.aPact()
					.between(consumer, provider)
					.withOrderTotal(100)
					.publishBody("1.0.0", "main", List.of()));
		String publishHref = broker.get("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1.0.0")
			.json()
			.at("/_links/pb:publish-verification-results/href")
			.asString()
			.substring(broker.baseUrl().length());

		List<Response> answers = Race.between(20, (i) -> broker.post(publishHref,
				Map.of("success", i % 2 == 0, "providerApplicationVersion", "3.0.0", "providerVersionBranch", "main")));

		assertThat(answers).extracting(Response::status).containsOnly(201);
		List<Long> numbers = answers.stream()
			.map((answer) -> Long.parseLong(answer.location().substring(answer.location().lastIndexOf('/') + 1)))
			.toList();
		assertThat(numbers).doesNotHaveDuplicates();
		assertThat(this.jdbc.sql("""
				select count(*) from verifications v join pacticipants p on p.id = v.provider_id where p.name = :p""")
			.param("p", provider)
			.query(Long.class)
			.single()).isEqualTo(20);
		assertThat(this.jdbc.sql("""
				select l.verification_id = (select max(v.id) from verifications v where v.provider_id = l.provider_id)
				from latest_verifications l join pacticipants p on p.id = l.provider_id where p.name = :p""")
			.param("p", provider)
			.query(Boolean.class)
			.list()).as("the result the matrix counts is the newest").containsExactly(true);
	}

}
