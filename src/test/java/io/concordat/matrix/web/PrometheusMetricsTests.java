package io.concordat.matrix.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.concordat.ConcordatTest;
import io.concordat.matrix.Histories;
import io.concordat.publication.PactView;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /diagnostic/prometheus}, what the Helm chart's ServiceMonitor scrapes, counts
 * publications, verification results by outcome and can-i-deploy answers by outcome. The
 * tests share one Concordat, so each counter is compared before and after.
 */
@ConcordatTest
class PrometheusMetricsTests {

	private static final String PUBLICATIONS = "concordat_publications_total";

	private static final String VERIFIED = "concordat_verification_results_total{outcome=\"success\"}";

	private static final String FAILED = "concordat_verification_results_total{outcome=\"failure\"}";

	private static final String YES = "concordat_can_i_deploy_total{outcome=\"yes\"}";

	private static final String NO = "concordat_can_i_deploy_total{outcome=\"no\"}";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aPublishVerifyCanIDeploySequenceIsCounted() {
		Broker broker = Broker.at(this.port);
		Histories history = new Histories(this.context);
		String web = history.pacticipant("metrics-web");
		String api = history.pacticipant("metrics-api");
		String production = history.environment("metrics-production");
		String before = scrape(broker);

		PactView first = history.publish(web, "1.0.0", api, 1);
		PactView second = history.publish(web, "1.1.0", api, 2);
		history.passes(first, "2.0.0");
		history.fails(second, "2.0.0");
		history.deploy(api, "2.0.0", production);
		String canIDeploy = "/can-i-deploy?pacticipant=" + web + "&version=%s&environment=" + production;
		assertThat(broker.get(canIDeploy.formatted("1.0.0")).json().at("/summary/deployable").asBoolean()).isTrue();
		assertThat(broker.get(canIDeploy.formatted("1.1.0")).json().at("/summary/deployable").asBoolean()).isFalse();
		String after = scrape(broker);

		assertThat(value(after, PUBLICATIONS) - value(before, PUBLICATIONS)).isEqualTo(2);
		assertThat(value(after, VERIFIED) - value(before, VERIFIED)).isEqualTo(1);
		assertThat(value(after, FAILED) - value(before, FAILED)).isEqualTo(1);
		assertThat(value(after, YES) - value(before, YES)).isEqualTo(1);
		assertThat(value(after, NO) - value(before, NO)).isEqualTo(1);
	}

	private static String scrape(Broker broker) {
		Response response = broker.get("/diagnostic/prometheus", Map.of("Accept", "text/plain"));
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	/** A sample's value; a counter not incremented yet is still exported, as 0. */
	private static double value(String exposition, String sample) {
		Matcher matcher = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE)
			.matcher(exposition);
		assertThat(matcher.find()).as("%s in%n%s", sample, exposition).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
