package io.concordat.verification.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.ConcordatTest;
import io.concordat.support.Broker;
import io.concordat.support.Broker.Response;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pacts-for-verification resource as pact_verifier and pact-jvm use it: the shapes of
 * the Pact Broker's captured exchanges (a pending pact selected by the main branch, a WIP
 * pact), the GET it does first, and the 400/404/415 answers.
 */
@ConcordatTest
class PactsForVerificationApiTests {

	@Autowired
	JdbcClient jdbc;

	Broker broker;

	String consumer;

	String provider;

	@BeforeEach
	void publishAMainBranchPactAndAFeatureBranchPact(Broker broker) {
		this.broker = broker;
		this.consumer = Names.unique("orders-web");
		this.provider = Names.unique("orders-api");
		publish("1.0.0", "main", 4599);
		publish("1.1.0", "main", 4600);
		publish("1.2.0", "feat-discounts", 4601);
	}

	@Test
	void postListsTheSelectedPactAsPendingAndTheFeatureBranchPactAsWip() {
		Response response = this.broker.post(forVerification(), Map.of("consumerVersionSelectors",
				List.of(Map.of("mainBranch", true), Map.of("deployedOrReleased", true)), "providerVersionBranch",
				"main", "includePendingStatus", true, "includeWipPactsSince", "2024-01-01"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		JsonNode body = response.json();
		assertThat(body.at("/_links/self/href").asString())
			.isEqualTo(this.broker.baseUrl() + "/pacts/provider/" + this.provider + "/for-verification");
		assertThat(body.at("/_links/self/title").asString()).isEqualTo("Pacts to be verified");
		JsonNode pacts = body.at("/_embedded/pacts");
		assertThat(pacts.size()).isEqualTo(2);

		JsonNode selected = pacts.get(0);
		assertThat(selected.get("shortDescription").asString()).isEqualTo("latest from main branch");
		assertThat(selected.at("/verificationProperties/pending").asBoolean()).isTrue();
		assertThat(selected.at("/verificationProperties").has("wip")).isFalse();
		JsonNode self = selected.at("/_links/self");
		assertThat(self.isObject()).as("a single link object, never an array").isTrue();
		assertThat(self.get("name").asString())
			.isEqualTo("Pact between " + this.consumer + " (1.1.0) and " + this.provider);
		String sha = sha("1.1.0");
		String content = this.broker.baseUrl() + "/pacts/provider/" + this.provider + "/consumer/" + this.consumer
				+ "/pact-version/" + sha;
		assertThat(self.get("href").asString()).startsWith(content + "/metadata/");
		assertThat(whens(selected)).containsExactly("before_verification", "before_verification",
				"after_verification:success_true_published_false", "after_verification:success_false_published_false",
				"after_verification:success_true_published_true", "after_verification:success_false_published_true");
		assertThat(selected.at("/verificationProperties/notices/0/text").asString()).isEqualTo("The pact at " + content
				+ " is being verified because the pact content belongs to the consumer version matching "
				+ "the following criterion:\n    * latest version from the main branch 'main' (1.1.0)");
		assertThat(selected.at("/verificationProperties/notices/1/text").asString())
			.isEqualTo("This pact is in pending state for this version of " + this.provider + " because a successful "
					+ "verification result for a version of " + this.provider + " from branch 'main' has not "
					+ "yet been published. If this verification fails, it will not cause the overall build to "
					+ "fail. Read more at https://docs.pact.io/go/pending");

		JsonNode wip = pacts.get(1);
		assertThat(wip.get("shortDescription").asString()).isEqualTo("latest from branch feat-discounts");
		assertThat(wip.at("/verificationProperties/pending").asBoolean()).isTrue();
		assertThat(wip.at("/verificationProperties/wip").asBoolean()).isTrue();
		assertThat(wip.at("/_links/self/name").asString())
			.isEqualTo("Pact between " + this.consumer + " (1.2.0) and " + this.provider);
		assertThat(metadata(wip.at("/_links/self/href").asString())).contains("w=true");
		assertThat(wip.at("/verificationProperties/notices/0/text").asString())
			.contains("is being verified because it is a 'work in progress' pact (ie. it is the pact for the latest "
					+ "version of " + this.consumer + " from branch 'feat-discounts' and it has not yet been "
					+ "successfully verified by a version of " + this.provider + " from branch 'main' when the "
					+ "pact's application version was explicitly specified in the consumer version selectors)");
	}

	@Test
	void aPlainGetAppliesTheDefaultSelectorsWarnsAndLinksToWhereToPost() {
		Response response = this.broker.get(forVerification());

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.at("/_links/self/href").asString())
			.isEqualTo(this.broker.baseUrl() + "/pacts/provider/" + this.provider + "/for-verification");
		JsonNode pacts = body.at("/_embedded/pacts");
		assertThat(pacts.size()).isEqualTo(1);
		JsonNode pact = pacts.get(0);
		assertThat(pact.get("shortDescription").asString()).isEqualTo("latest from main branch");
		assertThat(pact.at("/verificationProperties/pending").asBoolean()).isTrue();
		assertThat(pact.at("/verificationProperties/notices/0/text").asString())
			.startsWith("WARNING - this version of the Pact library uses a beta version of the API");
		assertThat(pact.at("/verificationProperties/notices/1/text").asString())
			.endsWith("matching the following criterion:\n    * latest version of " + this.consumer
					+ " from the main branch 'main' (1.1.0)");
		assertThat(pact.at("/verificationProperties/notices/2/text").asString())
			.contains("because a successful verification result for " + this.provider + " has not yet been published");

		Response posted = this.broker.post(path(body.at("/_links/self/href").asString()),
				Map.of("consumerVersionSelectors", List.of(Map.of("branch", "feat-discounts"))));
		assertThat(posted.status()).isEqualTo(200);
		assertThat(posted.json().at("/_embedded/pacts/0/_links/self/name").asString()).contains("(1.2.0)");
	}

	@Test
	void aGetTakesTheSelectorsAsARackNestedQueryInEitherCase() {
		publish("1.3.0", null, 4602, "prod");
		Response snake = this.broker.get(forVerification() + "?consumer_version_selectors[][tag]=prod"
				+ "&consumer_version_selectors[][latest]=true&provider_version_tags[]=main"
				+ "&include_pending_status=false");
		assertThat(snake.status()).isEqualTo(200);
		JsonNode pact = snake.json().at("/_embedded/pacts/0");
		assertThat(pact.get("shortDescription").asString()).isEqualTo("latest with tag prod");
		assertThat(pact.at("/verificationProperties").has("pending")).isFalse();

		Response camel = this.broker.get(forVerification() + "?consumerVersionSelectors%5B%5D%5Bbranch%5D=main"
				+ "&consumerVersionSelectors%5B%5D%5Bbranch%5D=feat-discounts");
		assertThat(camel.status()).isEqualTo(200);
		assertThat(camel.json().at("/_embedded/pacts").size()).isEqualTo(2);
	}

	@Test
	void thePactUrlServesTheSelectedVersionAndItsResultsRecordTheWipFlag() {
		JsonNode pacts = this.broker
			.post(forVerification(), Map.of("consumerVersionSelectors", List.of(Map.of("mainBranch", true)),
					"providerVersionBranch", "main", "includeWipPactsSince", "2024-01-01"))
			.json()
			.at("/_embedded/pacts");
		String wipHref = pacts.get(1).at("/_links/self/href").asString();
		JsonNode wipPact = this.broker.get(path(wipHref)).json();
		assertThat(wipPact.at("/_links/self/name").asString()).contains("(1.2.0)");
		this.broker.put("/pacticipants/" + this.provider + "/branches/main/versions/2.0.0", Map.of());
		Response result = this.broker.post(path(wipPact.at("/_links/pb:publish-verification-results/href").asString()),
				Map.of("success", true, "providerApplicationVersion", "2.0.0"));
		assertThat(result.status()).isEqualTo(201);
		Boolean wip = this.jdbc
			.sql("""
					select v.wip from verifications v join pacticipants p on p.id = v.provider_id where p.name = :provider""")
			.param("provider", this.provider)
			.query(Boolean.class)
			.single();
		assertThat(wip).isTrue();

		JsonNode again = this.broker
			.post(forVerification(), Map.of("consumerVersionSelectors", List.of(Map.of("mainBranch", true)),
					"providerVersionBranch", "main", "includeWipPactsSince", "2024-01-01"))
			.json();
		assertThat(again.at("/_embedded/pacts").size()).as("a WIP result does not end WIP status").isEqualTo(2);

		String selectedHref = pacts.get(0).at("/_links/self/href").asString();
		JsonNode selectedPact = this.broker.get(path(selectedHref)).json();
		assertThat(selectedPact.at("/_links/self/name").asString()).contains("(1.1.0)");
		assertThat(metadata(selectedHref)).contains("p=true").contains("cvn=1.1.0");
		this.broker.post(path(selectedPact.at("/_links/pb:publish-verification-results/href").asString()),
				Map.of("success", true, "providerApplicationVersion", "2.0.0"));
		Map<String, Object> recorded = this.jdbc.sql("""
				select v.wip, v.pact_pending, v.consumer_version_selectors -> 0 ->> 'b' as branch
				from verifications v join pacticipants p on p.id = v.provider_id
				where p.name = :provider and not v.wip""").param("provider", this.provider).query().singleRow();
		assertThat(recorded).containsEntry("pact_pending", true).containsEntry("branch", "main");
	}

	@Test
	void everyInvalidFieldIsNamedInTheLegacyErrorShape() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("consumerVersionSelectors",
				List.of(Map.of("matchingBranch", true), Map.of("consumer", "x"), Map.of("environment", "production"),
						Map.of("branch", "main", "latest", false), Map.of("mainBranch", true, "tag", "prod")));
		body.put("includeWipPactsSince", "not a date");
		Response response = this.broker.post(forVerification(), body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/hal+json;charset=utf-8");
		JsonNode errors = response.json().get("errors");
		assertThat(texts(errors.get("consumerVersionSelectors"))).containsExactly(
				"the providerVersionBranch must be specified when the selector matchingBranch=true is used (at index 0)",
				"must specify a value for environment or tag or branch, or specify mainBranch=true, "
						+ "matchingBranch=true, latest=true, deployed=true, released=true or deployedOrReleased=true "
						+ "(at index 1)",
				"environment with name 'production' does not exist (at index 2)",
				"cannot specify a branch with latest=false (at index 3)",
				"cannot specify mainBranch=true with any other criteria apart from consumer (at index 4)");
		assertThat(texts(errors.get("includeWipPactsSince"))).containsExactly("must be a date");

		Response blankBranch = this.broker.post(forVerification(),
				Map.of("providerVersionBranch", "", "includePendingStatus", true));
		assertThat(blankBranch.status()).isEqualTo(400);
		assertThat(blankBranch.json().at("/errors/providerVersionBranch/0").asString())
			.startsWith("when pending or WIP pacts are enabled and there are no tags provided");
	}

	@Test
	void anUnknownProviderIsNotFoundAndABodyThatIsNotJsonIsUnsupported() {
		Response get = this.broker.get("/pacts/provider/" + Names.unique("nobody") + "/for-verification");
		assertThat(get.status()).isEqualTo(404);
		Response post = this.broker.post("/pacts/provider/" + Names.unique("nobody") + "/for-verification",
				Map.of("consumerVersionSelectors", List.of(Map.of("mainBranch", true))));
		assertThat(post.status()).isEqualTo(404);
		assertThat(post.json().get("error").asString()).contains("nobody");
		Response text = this.broker.send("POST", forVerification(), "consumerVersionSelectors=x",
				Map.of("Accept", "application/hal+json", "Content-Type", "text/plain"));
		assertThat(text.status()).isEqualTo(415);
	}

	private void publish(String version, String branch, int total, String... tags) {
		PactFiles pact = PactFiles.aPact().between(this.consumer, this.provider).withOrderTotal(total);
		Response published = this.broker.post("/contracts/publish", pact.publishBody(version, branch, List.of(tags)));
		assertThat(published.status()).isEqualTo(200);
	}

	private String sha(String version) {
		String href = this.broker
			.get("/pacts/provider/" + this.provider + "/consumer/" + this.consumer + "/version/" + version)
			.json()
			.at("/_links/pb:publish-verification-results/href")
			.asString();
		return href.replaceAll(".*/pact-version/([^/]+)/.*", "$1");
	}

	private String forVerification() {
		return "/pacts/provider/" + this.provider + "/for-verification";
	}

	private String path(String href) {
		return href.substring(this.broker.baseUrl().length());
	}

	private static String metadata(String href) {
		String segment = href.substring(href.lastIndexOf('/') + 1);
		return java.net.URLDecoder.decode(new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8),
				StandardCharsets.UTF_8);
	}

	private static List<String> whens(JsonNode pact) {
		List<String> whens = new ArrayList<>();
		pact.at("/verificationProperties/notices").forEach((notice) -> whens.add(notice.get("when").asString()));
		return whens;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((item) -> texts.add(item.asString()));
		return texts;
	}

}
