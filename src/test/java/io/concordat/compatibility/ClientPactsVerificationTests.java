package io.concordat.compatibility;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.RequestResponseInteraction;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleGroup;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.concordat.ConcordatTest;
import io.concordat.deployment.Contact;
import io.concordat.deployment.DeploymentService;
import io.concordat.deployment.EnvironmentDetails;
import io.concordat.deployment.EnvironmentService;
import io.concordat.deployment.EnvironmentView;
import io.concordat.pacticipant.Listing;
import io.concordat.pacticipant.PacticipantDetails;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.PacticipantView;
import io.concordat.pacticipant.VersionService;
import io.concordat.publication.PublicationService;
import io.concordat.publication.PactMetadata;
import io.concordat.publication.PactView;
import io.concordat.publication.PublishContracts;
import io.concordat.verification.PublishVerificationResult;
import io.concordat.verification.VerificationService;
import io.concordat.webhook.EventName;
import io.concordat.webhook.PacticipantSelector;
import io.concordat.webhook.SaveWebhook;
import io.concordat.webhook.WebhookRequest;
import io.concordat.webhook.WebhookService;
import io.concordat.support.PactFiles;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Verifies the consumer pacts that the real Pact Broker clients recorded against the Pact
 * Broker ({@code src/test/resources/client-pacts}) against a running Concordat: what
 * those clients expect of the broker, Concordat answers. Provider states are set up
 * through Concordat's own services, as a user's requests would create the data.
 *
 * <p>
 * The database is shared with the other tests and not emptied between interactions, so
 * every state first removes what an earlier state made under the pacts' fixed names, then
 * creates exactly what it describes.
 */
@Provider("Pact Broker")
@PactFolder("client-pacts")
@ConcordatTest
class ClientPactsVerificationTests {

	/**
	 * The interactions whose endpoints later issues build, and only those: they are
	 * reported as skipped with the reason, and {@link ClientPactsSkipListTests} fails
	 * once an entry matches no interaction, so that this list only shrinks.
	 */
	static final List<LeftToLater> LEFT_TO_LATER_ISSUES = List.of();

	/** Every pacticipant name the pacts' states use. */
	private static final List<String> PACT_NAMES = List.of("Foo", "Bar", "Foo Thing", "Condor", "Pricing Service");

	/** The uuid the update-webhook interaction names. */
	private static final String WEBHOOK = "696c5f93-1b7f-44bc-8d03-59440fcaa9a0";

	/**
	 * The URL every webhook the pacts create calls. Those webhooks are removed with the
	 * pacts' names: a global or label-scoped one would otherwise outlive its interaction
	 * and be triggered by other tests' publications.
	 */
	private static final String PACT_WEBHOOK_URL = "https://webhook";

	/** Every environment name the pacts' states use. */
	private static final List<String> PACT_ENVIRONMENTS = List.of("test", "prod", "dev");

	/** The environment the currently-deployed and single-environment requests name. */
	private static final UUID TEST_ENVIRONMENT = UUID.fromString("16926ef3-590f-4e3f-838e-719717aa88c9");

	/**
	 * The environment the record-deployment and record-release requests post to (the Ruby
	 * client's placeholders resolve to it too).
	 */
	private static final UUID DEPLOYMENT_ENVIRONMENT = UUID.fromString("cb632df3-0a0d-4227-aac3-60114dd36479");

	/** The deployment the undeployment request patches. */
	private static final UUID CURRENT_DEPLOYMENT = UUID.fromString("ff3adecf-cfc5-4653-a4e3-f1861092f8e0");

	/** The version the record-deployment and record-release requests name. */
	private static final String FOO_VERSION = "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30";

	/**
	 * The Pact Broker's own verification of these pacts serves them at
	 * {@code http://example.org}, and some responses in them name that base literally (no
	 * matcher), so requests arrive as through a proxy at that address.
	 */
	private static final String RECORDED_HOST = "example.org";

	/**
	 * A brace that does not start a repetition is a literal brace for Ruby's regular
	 * expressions, an error for Java's; the Ruby client writes URI template variables
	 * into its link patterns that way ({@code http:\/\/.*{pacticipant}}).
	 */
	private static final Pattern RUBY_LITERAL_BRACES = Pattern.compile("(?<!\\\\)\\{([A-Za-z_]\\w*)\\}");

	@LocalServerPort
	int port;

	@Autowired
	PacticipantService pacticipants;

	@Autowired
	VersionService versions;

	@Autowired
	PublicationService publications;

	@Autowired
	EnvironmentService environments;

	@Autowired
	DeploymentService deployments;

	@Autowired
	VerificationService verifications;

	@Autowired
	WebhookService webhooks;

	@BeforeEach
	void target(PactVerificationContext context) {
		Interaction interaction = context.getInteraction();
		Optional<LeftToLater> later = LEFT_TO_LATER_ISSUES.stream()
			.filter((entry) -> entry.matches(interaction))
			.findFirst();
		later.ifPresent((entry) -> Assumptions.abort(
				entry.reason() + " (" + context.getConsumer().getName() + ": " + interaction.getDescription() + ")"));
		useJavaRegexes(interaction);
		expectHalWhereNoContentTypeIsGiven(interaction);
		context.setTarget(new HttpTestTarget("localhost", this.port));
	}

	@TestTemplate
	@ExtendWith(PactVerificationInvocationContextProvider.class)
	void verify(PactVerificationContext context, HttpRequest request) {
		if (context.getInteraction().getProviderStates().isEmpty()) {
			// No state means none of the pacts' names exists yet (one creates Foo).
			removePactNames();
		}
		request.setPath(inClientOrder(context.getInteraction(), HalRelationPlaceholders.resolve(request.getPath())));
		request.setHeader("X-Forwarded-Proto", "http");
		request.setHeader("X-Forwarded-Host", RECORDED_HOST);
		request.setHeader("X-Forwarded-Port", "80");
		context.verifyInteraction();
	}

	private static String inClientOrder(Interaction interaction, String path) {
		if (!path.startsWith("/matrix?")) {
			return path;
		}
		String state = interaction.getProviderStates().isEmpty() ? ""
				: interaction.getProviderStates().get(0).getName();
		String query = ClientQueryOrder.of(interaction.getDescription(), (state != null) ? state : "");
		return (query != null) ? "/matrix?" + query : path;
	}

	// Index relations: the index is the same whatever the data.

	@State({ "the pacticipant relations are present", "the pb:latest-version relation exists in the index resource",
			"the pb:latest-tagged-version relation exists in the index resource",
			"the pb:pacticipant-branch relation exists in the index resource",
			"the pb:publish-contracts relations exists in the index resource",
			"the pb:environments relation exists in the index resource",
			"the pb:pacticipant-version and pb:environments relations exist in the index resource" })
	void indexRelations() {
		removePactNames();
	}

	// Pacticipants

	@State({ "the 'Pricing Service' does not exist in the pact-broker", "'Condor' does not exist in the pact-broker",
			"no pact between Condor and the Pricing Service exists" })
	void nothing() {
		removePactNames();
	}

	@State("a pacticipant with name Foo exists")
	void foo() {
		removePactNames();
		this.pacticipants.create("Foo", PacticipantDetails.none());
	}

	@State("the 'Pricing Service' already exists in the pact-broker")
	void pricingService() {
		removePactNames();
		this.pacticipants.create("Pricing Service", new PacticipantDetails(null, null,
				"git@git.realestate.com.au:business-systems/pricing-service", null, null));
		this.versions.findOrCreate("Pricing Service", "1.3.0");
	}

	/** The pacticipant list in the pact has exactly one item: Condor must be alone. */
	@State("'Condor' exists in the pact-broker")
	void condor() {
		removeAllPacticipants();
		this.versions.findOrCreate("Condor", "1.3.0");
	}

	// Webhooks

	@State("the 'Pricing Service' and 'Condor' already exist in the pact-broker")
	void pricingServiceAndCondor() {
		removePactNames();
		this.pacticipants.create("Pricing Service", PacticipantDetails.none());
		this.pacticipants.create("Condor", PacticipantDetails.none());
	}

	@State("a webhook with the uuid 696c5f93-1b7f-44bc-8d03-59440fcaa9a0 exists")
	void aWebhook() {
		pricingServiceAndCondor();
		this.webhooks.createOrReplace(WEBHOOK,
				new SaveWebhook("a webhook", PacticipantSelector.named("Condor"),
						PacticipantSelector.named("Pricing Service"), true, List.of(EventName.CONTRACT_CONTENT_CHANGED),
						new WebhookRequest("POST", PACT_WEBHOOK_URL, Map.of(), null, null, null)));
	}

	// Versions and tags

	@State("'Condor' exists in the pact-broker with the latest version 1.2.3")
	void condorWithLatestVersion() {
		removePactNames();
		this.versions.findOrCreate("Condor", "1.0.0");
		this.versions.findOrCreate("Condor", "1.2.3");
	}

	@State("'Condor' exists in the pact-broker with the latest tagged 'production' version 1.2.3")
	void condorWithLatestProductionVersion() {
		removePactNames();
		this.versions.addTag("Condor", "1.2.3", "production");
		this.versions.findOrCreate("Condor", "2.0.0");
	}

	@State("'Condor' exists in the pact-broker with version 1.3.0, tagged with 'prod'")
	void condorTaggedProd() {
		removePactNames();
		this.versions.addTag("Condor", "1.3.0", "prod");
	}

	// Branches

	@State("a branch named main exists for pacticipant Foo")
	void fooMainBranch() {
		removePactNames();
		this.versions.addToBranch("Foo", "main", "1");
	}

	// Pacts

	/**
	 * The list of latest pacts in the pact has exactly one item: this pact must be alone.
	 */
	@State("a pact between Condor and the Pricing Service exists")
	void condorPact() {
		removeAllPacticipants();
		publishCondorPact();
	}

	@State({ "a latest pact between Condor and the Pricing Service exists",
			"the 'Pricing Service' and 'Condor' already exist in the pact-broker, and Condor already has a pact published for version 1.3.0" })
	void condorPactForVersion() {
		removePactNames();
		publishCondorPact();
	}

	@State({ "tagged as prod pact between Condor and the Pricing Service exists",
			"a pact between Condor and the Pricing Service exists for the production version of Condor" })
	void condorPactForProductionVersion() {
		removePactNames();
		publishCondorPact("prod");
	}

	// Environments, deployments and releases. Where a response lists environments, the
	// pact expects exactly the ones its state makes.

	@State("an environment with name test and UUID 16926ef3-590f-4e3f-838e-719717aa88c9 exists")
	void testEnvironment() {
		removePactNames();
		removeAllEnvironments();
		this.environments.create(TEST_ENVIRONMENT, new EnvironmentDetails("test", "Test", false, null));
	}

	@State("an environment with name test exists")
	void onlyTheTestEnvironment() {
		removePactNames();
		removeAllEnvironments();
		this.environments.create(new EnvironmentDetails("test", "Test", false, null));
	}

	@State("an environment exists")
	void anEnvironmentWithAContact() {
		removePactNames();
		removeAllEnvironments();
		this.environments.create(new EnvironmentDetails("test", "Test", false,
				List.of(new Contact("Foo team", Map.of("emailAddress", "foo@bar.com")))));
	}

	@State({ "version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with a test environment available for deployment",
			"version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with a test environment available for release" })
	void fooVersionAndTheTestEnvironment() {
		removePactNames();
		removeAllEnvironments();
		this.versions.findOrCreate("Foo", FOO_VERSION);
		this.environments.create(DEPLOYMENT_ENVIRONMENT, new EnvironmentDetails("test", "Test", false, null));
	}

	@State("version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with 2 environments that aren't test available for deployment")
	void fooVersionAndTwoOtherEnvironments() {
		removePactNames();
		removeAllEnvironments();
		this.versions.findOrCreate("Foo", FOO_VERSION);
		this.environments.create(new EnvironmentDetails("prod", "Production", true, null));
		this.environments.create(new EnvironmentDetails("dev", "Development", false, null));
	}

	/** The list of deployments in the pact has exactly one item. */
	@State("an version is deployed to environment with UUID 16926ef3-590f-4e3f-838e-719717aa88c9 with target customer-1")
	void fooDeployedToCustomer1() {
		testEnvironment();
		this.versions.findOrCreate("Foo", "1");
		this.deployments.recordDeployment("Foo", "1", TEST_ENVIRONMENT, "customer-1");
	}

	@State("a currently deployed version exists")
	void aCurrentDeployment() {
		testEnvironment();
		this.versions.findOrCreate("Foo", "2");
		this.deployments.recordDeployment(CURRENT_DEPLOYMENT, "Foo", "2", TEST_ENVIRONMENT, null);
	}

	// The matrix. Foo's versions publish pacts with Bar; each distinct content is
	// verified (or not) by the Bar versions the state names.

	@State("the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6")
	void fooVerifiedByBar() {
		removePactNames();
		verify(publishFooPact("1.2.3", 1), "4.5.6", true);
	}

	@State("the pact for Foo Thing version 1.2.3 has been verified by Bar version 4.5.6")
	void fooThingVerifiedByBar() {
		removePactNames();
		verify(publishPact("Foo Thing", "1.2.3", 1), "4.5.6", true);
	}

	@State("the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6 and version 5.6.7")
	void fooVerifiedByTwoBarVersions() {
		removePactNames();
		PactView pact = publishFooPact("1.2.3", 1);
		verify(pact, "4.5.6", true);
		verify(pact, "5.6.7", true);
	}

	@State("the pact for Foo version 1.2.3 and 1.2.4 has been verified by Bar version 4.5.6")
	void twoFooVersionsVerifiedByBar() {
		removePactNames();
		verify(publishFooPact("1.2.3", 1), "4.5.6", true);
		verify(publishFooPact("1.2.4", 2), "4.5.6", true);
	}

	@State("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6, and 1.2.4 unsuccessfully by 9.9.9")
	void fooPassedAndFailed() {
		removePactNames();
		verify(publishFooPact("1.2.3", 1), "4.5.6", true);
		verify(publishFooPact("1.2.4", 2), "9.9.9", false);
	}

	@State("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 with tag prod, and 1.2.4 unsuccessfully by 9.9.9")
	void fooPassedWithProdAndFailed() {
		fooPassedAndFailed();
		this.versions.addTag("Bar", "4.5.6", "prod");
	}

	@State("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 (tagged prod) and version 5.6.7")
	void fooVerifiedByProdAndLatestBar() {
		removePactNames();
		PactView pact = publishFooPact("1.2.3", 1);
		verify(pact, "4.5.6", true);
		this.versions.addTag("Bar", "4.5.6", "prod");
		verify(pact, "5.6.7", true);
	}

	@State("provider Bar version 4.5.6 has a successful verification for Foo version 1.2.3 tagged prod and a failed verification for version 3.4.5 tagged prod")
	void barPassedOneProdFooAndFailedAnother() {
		removePactNames();
		verify(publishFooPact("1.2.3", 1), "4.5.6", true);
		verify(publishFooPact("3.4.5", 2), "4.5.6", false);
		this.versions.addTag("Foo", "1.2.3", "prod");
		this.versions.addTag("Foo", "3.4.5", "prod");
	}

	private PactView publishFooPact(String version, int content) {
		return publishPact("Foo", version, content);
	}

	private PactView publishPact(String consumer, String version, int content) {
		String pact = PactFiles.aPact().between(consumer, "Bar").withOrderTotal(content).json();
		return this.publications
			.publish(new PublishContracts(consumer, version, null, List.of(), null,
					List.of(new PublishContracts.ContractToPublish(consumer, "Bar", pact, false))))
			.contracts()
			.get(0)
			.pact();
	}

	private void verify(PactView pact, String barVersion, boolean success) {
		this.verifications.publish(new PublishVerificationResult("Bar", pact.consumer(), pact.sha(),
				PactMetadata.empty(), success, barVersion, null, List.of(), null, null, null));
	}

	/**
	 * Condor version 1.3.0 publishes a pact with the Pricing Service; the interactions
	 * expect it to have no interactions, as the Pact Broker's test data does.
	 */
	private void publishCondorPact(String... tags) {
		String pact = PactFiles.aPact().between("Condor", "Pricing Service").json();
		this.publications.publish(new PublishContracts("Condor", "1.3.0", null, List.of(tags), null,
				List.of(new PublishContracts.ContractToPublish("Condor", "Pricing Service", pact, false))));
	}

	/**
	 * Deletes the pacticipants and environments the pacts name, with everything that
	 * hangs off them.
	 */
	/**
	 * The last interaction's webhooks go too: left behind, a global one would be
	 * triggered by the publications of the tests that run after these.
	 */
	@AfterEach
	void removePactWebhooks() {
		for (var webhook : this.webhooks.list(null, null)) {
			if (webhook.request().url().equals(PACT_WEBHOOK_URL)) {
				this.webhooks.delete(webhook.uuid());
			}
		}
	}

	private void removePactNames() {
		removePactWebhooks();
		for (String name : PACT_NAMES) {
			if (this.pacticipants.find(name).isPresent()) {
				this.pacticipants.delete(name);
			}
		}
		for (String name : PACT_ENVIRONMENTS) {
			this.environments.findByName(name).ifPresent((environment) -> this.environments.delete(environment.uuid()));
		}
		for (UUID uuid : List.of(TEST_ENVIRONMENT, DEPLOYMENT_ENVIRONMENT)) {
			this.environments.find(uuid).ifPresent((environment) -> this.environments.delete(uuid));
		}
	}

	/** For the interactions that list every environment and expect exactly their own. */
	private void removeAllEnvironments() {
		for (EnvironmentView environment : this.environments.list()) {
			this.environments.delete(environment.uuid());
		}
	}

	/**
	 * For the interactions that list every pacticipant or pact and expect exactly the
	 * ones their state makes.
	 */
	private void removeAllPacticipants() {
		Listing<PacticipantView> page = this.pacticipants.list("", 0, 100);
		while (!page.items().isEmpty()) {
			page.items().forEach((pacticipant) -> this.pacticipants.delete(pacticipant.name()));
			page = this.pacticipants.list("", 0, 100);
		}
	}

	private static void useJavaRegexes(Interaction interaction) {
		if (!(interaction instanceof RequestResponseInteraction requestResponse)) {
			return;
		}
		for (MatchingRuleGroup group : requestResponse.getResponse()
			.getMatchingRules()
			.rulesForCategory("body")
			.getMatchingRules()
			.values()) {
			group.getRules()
				.replaceAll((rule) -> (rule instanceof RegexMatcher regex)
						? new RegexMatcher(RUBY_LITERAL_BRACES.matcher(regex.getRegex()).replaceAll("\\\\{$1\\\\}"),
								regex.getExample())
						: rule);
		}
	}

	/**
	 * Where a response names no content type, the Ruby verifier these pacts were written
	 * for compares the JSON body whatever the content type; pact-jvm takes the body for
	 * {@code application/json} and refuses any other type. The Pact Broker's JSON is HAL.
	 */
	private static void expectHalWhereNoContentTypeIsGiven(Interaction interaction) {
		if (!(interaction instanceof RequestResponseInteraction requestResponse)) {
			return;
		}
		Response response = requestResponse.getResponse();
		if (response.contentTypeHeader() == null && response.getBody().isPresent()) {
			response.getBody().setContentType(new ContentType("application/hal+json"));
		}
	}

	/**
	 * Interactions left to a later issue.
	 *
	 * @param issue the issue that will make them pass
	 * @param what what they need that Concordat does not serve yet
	 * @param path the request path (placeholders resolved) they call, a regex
	 * @param state a regex one of their provider states must match, if the path alone is
	 * not enough
	 */
	record LeftToLater(String issue, String what, String path, String state) {

		boolean matches(Interaction interaction) {
			String requested = HalRelationPlaceholders
				.resolve(((RequestResponseInteraction) interaction).getRequest().getPath());
			if (!Pattern.compile(this.path).matcher(requested).find()) {
				return false;
			}
			return this.state == null || interaction.getProviderStates()
				.stream()
				.map(ProviderState::getName)
				.anyMatch((name) -> name != null && Pattern.compile(this.state).matcher(name).find());
		}

		String reason() {
			return "left to " + this.issue + ": " + this.what;
		}

	}

}
