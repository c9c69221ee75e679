package io.concordat.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.core.model.DefaultPactWriter;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.pactbroker.PactBrokerClient;
import au.com.dius.pact.core.pactbroker.PactBrokerClientConfig;
import au.com.dius.pact.core.pactbroker.PublishConfiguration;
import au.com.dius.pact.core.support.Result;
import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pact-jvm, a real client, writes a pact with its consumer DSL and publishes it with its
 * broker client.
 */
@ConcordatTest
class PactJvmBrokerClientTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path pacts;

	@Test
	void pactJvmPublishesAPactItWroteAndConcordatKnowsWhatTheConsumerReads() throws Exception {
		String consumer = Names.unique("orders-web");
		String provider = Names.unique("orders-api");
		RequestResponsePact pact = ConsumerPactBuilder.consumer(consumer)
			.hasPactWith(provider)
			.given("order 1 exists")
			.uponReceiving("a request for order 1")
			.path("/orders/1")
			.method("GET")
			.willRespondWith()
			.status(200)
			.body(new PactDslJsonBody().integerType("id", 1).integerType("total_cents", 4599))
			.toPact();
		File file = this.pacts.resolve(consumer + "-" + provider + ".json").toFile();
		Result<Integer, Throwable> written = DefaultPactWriter.INSTANCE.writePact(file, pact, PactSpecVersion.V3);
		assertThat(written).isInstanceOf(Result.Ok.class);
		assertThat(Files.readString(file.toPath())).contains("\"pact-jvm\"");

		PactBrokerClient client = new PactBrokerClient("http://localhost:" + this.port, Map.of(),
				new PactBrokerClientConfig(0, 0, false));
		Result<String, Exception> published = client.uploadPactFile(file,
				new PublishConfiguration("1.0.0", List.of("main"), "main", "https://ci/builds/1"));
		assertThat(published).as(String.valueOf(published)).isInstanceOf(Result.Ok.class);

		JsonNode stored = Broker.at(this.port)
			.get("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1.0.0")
			.json();
		assertThat(stored.at("/interactions/0/description").asString()).isEqualTo("a request for order 1");
		assertThat(stored.at("/interactions/0/_id").asString()).hasSize(40);
		JsonNode version = Broker.at(this.port).get("/pacticipants/" + consumer + "/versions/1.0.0").json();
		assertThat(version.get("buildUrl").asString()).isEqualTo("https://ci/builds/1");
		assertThat(version.at("/_embedded/tags/0/name").asString()).isEqualTo("main");

		String matchers = this.jdbc.sql("""
				select f.matchers::text from interaction_fields f
				join interactions i on i.id = f.interaction_id join pact_versions pv on pv.id = i.pact_version_id
				join pacticipants c on c.id = pv.consumer_id
				where c.name = :consumer and f.direction = 'reads' and f.path = '$.total_cents'""")
			.param("consumer", consumer)
			.query(String.class)
			.single();
		assertThat(matchers).contains("integer");
	}

}
