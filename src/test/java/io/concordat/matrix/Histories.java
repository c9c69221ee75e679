package io.concordat.matrix;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.concordat.deployment.DeploymentService;
import io.concordat.deployment.EnvironmentDetails;
import io.concordat.deployment.EnvironmentService;
import io.concordat.deployment.ReleaseService;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.VersionService;
import io.concordat.publication.PactMetadata;
import io.concordat.publication.PactView;
import io.concordat.publication.PublicationService;
import io.concordat.publication.PublishContracts;
import io.concordat.support.Names;
import io.concordat.support.PactFiles;
import io.concordat.verification.PublishVerificationResult;
import io.concordat.verification.VerificationService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;

/**
 * Builds small histories through the real services: consumers publish pacts, providers
 * publish results (with per-interaction outcomes when they fail), versions are deployed
 * and released to environments. Every name is unique, so histories never see each other
 * in the shared database.
 */
public final class Histories {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PacticipantService pacticipants;

	private final VersionService versions;

	private final PublicationService publications;

	private final VerificationService verifications;

	private final EnvironmentService environments;

	private final DeploymentService deployments;

	private final ReleaseService releases;

	private final MatrixService matrix;

	public Histories(ApplicationContext context) {
		this.pacticipants = context.getBean(PacticipantService.class);
		this.versions = context.getBean(VersionService.class);
		this.publications = context.getBean(PublicationService.class);
		this.verifications = context.getBean(VerificationService.class);
		this.environments = context.getBean(EnvironmentService.class);
		this.deployments = context.getBean(DeploymentService.class);
		this.releases = context.getBean(ReleaseService.class);
		this.matrix = context.getBean(MatrixService.class);
	}

	public String pacticipant(String name) {
		String unique = Names.unique(name);
		this.pacticipants.findOrCreate(unique);
		return unique;
	}

	/** A new environment; its name is unique. */
	public String environment(String name) {
		String unique = Names.unique(name);
		this.environments.create(new EnvironmentDetails(unique, null, true, null));
		return unique;
	}

	/** The consumer version publishes a pact whose response has {@code total_cents}. */
	public PactView publish(String consumer, String version, String provider) {
		return publish(consumer, version, provider, 4599);
	}

	/** The same {@code content} number means the same content. */
	public PactView publish(String consumer, String version, String provider, int content) {
		String pact = PactFiles.aPact().between(consumer, provider).withOrderTotal(content).json();
		return this.publications
			.publish(new PublishContracts(consumer, version, "main", List.of(), null,
					List.of(new PublishContracts.ContractToPublish(consumer, provider, pact, false))))
			.contracts()
			.get(0)
			.pact();
	}

	public void version(String pacticipant, String version, String... tags) {
		this.versions.findOrCreate(pacticipant, version);
		for (String tag : tags) {
			this.versions.addTag(pacticipant, version, tag);
		}
	}

	public void tag(String pacticipant, String version, String tag) {
		this.versions.addTag(pacticipant, version, tag);
	}

	public void passes(PactView pact, String providerVersion) {
		verify(pact, providerVersion, true, null);
	}

	/** The provider version fails the pact: its response lacks {@code total_cents}. */
	public void fails(PactView pact, String providerVersion) {
		JsonNode results = JSON.valueToTree(List.of(Map.of("interactionDescription", "a request for order 1", "success",
				false, "mismatches", List.of(Map.of("attribute", "body", "identifier", "$", "description",
						"Actual map is missing the following keys: total_cents")))));
		verify(pact, providerVersion, false, results);
	}

	private void verify(PactView pact, String providerVersion, boolean success, JsonNode testResults) {
		this.verifications.publish(new PublishVerificationResult(pact.provider(), pact.consumer(), pact.sha(),
				PactMetadata.empty(), success, providerVersion, "main", List.of(), null, null, testResults));
	}

	public UUID deploy(String pacticipant, String version, String environment) {
		return deploy(pacticipant, version, environment, null);
	}

	public UUID deploy(String pacticipant, String version, String environment, String instance) {
		return this.deployments.recordDeployment(pacticipant, version, environmentId(environment), instance).uuid();
	}

	public UUID release(String pacticipant, String version, String environment) {
		return this.releases.recordRelease(pacticipant, version, environmentId(environment)).value().uuid();
	}

	public void endSupport(UUID release) {
		this.releases.endSupport(release);
	}

	private UUID environmentId(String name) {
		return this.environments.findByName(name).orElseThrow().uuid();
	}

	public MatrixResult canIDeploy(String pacticipant, String version, String environment, Selector... ignore) {
		return this.matrix
			.query(MatrixQuery.toEnvironment(Selector.version(pacticipant, version), environment, List.of(ignore)));
	}

	public MatrixResult canIDeployToTag(String pacticipant, String version, String tag) {
		return this.matrix.query(MatrixQuery.toTag(Selector.version(pacticipant, version), tag, List.of()));
	}

	public MatrixResult query(MatrixQuery query) {
		return this.matrix.query(query);
	}

}
