package io.concordat.verification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.concordat.deployment.DeploymentService;
import io.concordat.deployment.EnvironmentService;
import io.concordat.deployment.EnvironmentView;
import io.concordat.deployment.Kind;
import io.concordat.deployment.VersionInEnvironment;
import io.concordat.publication.PactService;
import io.concordat.publication.PactView;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider states a provider must be able to set up to verify the pacts it is
 * expected to verify: those of each consumer's main branch head, of a branch, or of the
 * consumer versions in an environment. Read from the states parsed at publication, never
 * from the pact documents.
 */
@Service
@Transactional(readOnly = true)
public class ProviderStates {

	private final PactService pacts;

	private final EnvironmentService environments;

	private final DeploymentService deployments;

	ProviderStates(PactService pacts, EnvironmentService environments, DeploymentService deployments) {
		this.pacts = pacts;
		this.environments = environments;
		this.deployments = deployments;
	}

	/**
	 * For the latest pact of each consumer on a branch; {@code null} means each
	 * consumer's main branch, which is what the Pact Broker answers without a branch.
	 */
	public List<Needed> forBranch(String provider, @Nullable String branch) {
		return needed(this.pacts.latestForProviderBranch(provider, branch));
	}

	/** For the pacts of the consumer versions currently deployed or released there. */
	public List<Needed> forEnvironment(String provider, UUID environment) {
		EnvironmentView found = this.environments.find(environment)
			.orElseThrow(() -> new NotFoundException("No environment with uuid '" + environment + "' found"));
		Set<Long> versionIds = this.deployments.versionsIn(found.name(), (String) null, Kind.DEPLOYED_OR_RELEASED)
			.stream()
			.map(VersionInEnvironment::versionId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		return needed(this.pacts.forProviderAndConsumerVersions(provider, versionIds));
	}

	/**
	 * Each distinct state (name and parameters) once, with the consumers whose pacts need
	 * it, by name.
	 */
	private List<Needed> needed(List<PactView> pacts) {
		Map<Long, List<String>> consumersByContent = new LinkedHashMap<>();
		for (PactView pact : pacts) {
			consumersByContent.computeIfAbsent(pact.pactVersionId(), (id) -> new ArrayList<>()).add(pact.consumer());
		}
		Map<Key, Set<String>> consumersByState = new LinkedHashMap<>();
		for (PactService.StateInContent state : this.pacts.providerStates(consumersByContent.keySet())) {
			consumersByState.computeIfAbsent(new Key(state.name(), state.params()), (key) -> new LinkedHashSet<>())
				.addAll(consumersByContent.get(state.pactVersionId()));
		}
		return consumersByState.entrySet()
			.stream()
			.map((entry) -> new Needed(entry.getKey().name(), entry.getKey().params(), List.copyOf(entry.getValue())))
			.sorted(Comparator.comparing(Needed::name))
			.toList();
	}

	private record Key(String name, Map<String, Object> params) {
	}

	/**
	 * A provider state to support.
	 *
	 * @param name the state's description
	 * @param params its parameters (empty when none)
	 * @param consumers the consumers whose pacts need it
	 */
	public record Needed(String name, Map<String, Object> params, List<String> consumers) {

	}

}
