package io.concordat.matrix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.concordat.web.InvalidRequestException;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers matrix questions: resolves the selectors to versions, finds the integrations of
 * the specified versions, infers each counterpart's versions from the target (an
 * environment, a tag, the main branch, the latest), reads the rows of exactly those
 * integrations and versions, and hands them to {@link CanIDeployDecision}.
 *
 * <p>
 * A consumer's integrations are those of the pacts its version published (required); a
 * provider's consumers are not required, so a provider may deploy before its consumer.
 */
@Service
@Transactional(readOnly = true)
public class MatrixService {

	private final MatrixRepository repository;

	private final Explainer explainer;

	private final CanIDeployCounter counter;

	MatrixService(MatrixRepository repository, Explainer explainer, CanIDeployCounter counter) {
		this.repository = repository;
		this.explainer = explainer;
		this.counter = counter;
	}

	public MatrixResult query(MatrixQuery query) {
		validate(query);
		List<IgnoreSelector> ignores = query.ignore().stream().map(this::resolveIgnore).toList();
		List<SelectedVersion> specified = new ArrayList<>();
		for (Selector selector : query.selectors()) {
			specified.addAll(resolve(selector, true, ignores));
		}
		Map<Long, MatrixRow.Pacticipant> specifiedPacticipants = new LinkedHashMap<>();
		specified.forEach((s) -> specifiedPacticipants.put(s.pacticipantId(),
				new MatrixRow.Pacticipant(s.pacticipantId(), s.pacticipant())));
		Map<List<Long>, Integration> integrations = integrations(query, specified, specifiedPacticipants);
		List<SelectedVersion> all = new ArrayList<>(specified);
		Set<Long> inferredFor = new LinkedHashSet<>();
		for (Integration integration : integrations.values()) {
			for (MatrixRow.Pacticipant counterpart : List.of(integration.consumer(), integration.provider())) {
				if (!specifiedPacticipants.containsKey(counterpart.id()) && inferredFor.add(counterpart.id())) {
					all.addAll(resolve(counterpart, inferred(query, counterpart.name()), false, ignores));
				}
			}
		}
		List<MatrixRow> rows = new ArrayList<>();
		for (Integration integration : integrations.values()) {
			rows.addAll(rows(integration, all));
		}
		rows = latestBy(query.latestBy(), rows);
		List<MatrixRow> considered = new ArrayList<>();
		List<MatrixRow> ignored = new ArrayList<>();
		for (MatrixRow row : rows) {
			if (!query.success().isEmpty() && !query.success().contains(row.success())) {
				continue;
			}
			if (ignores.stream().anyMatch((ignore) -> ignore.matches(row))) {
				ignored.add(row.ignore());
			}
			else {
				considered.add(row);
			}
		}
		MatrixResult result = decide(query, all, ignores, considered, ignored);
		this.counter.answered(query, result.deployable());
		return result;
	}

	/**
	 * Every version of the consumer against every version of the provider
	 * ({@code /matrix/provider/{p}/consumer/{c}}), with the given query's options. 404
	 * when either does not exist.
	 */
	public MatrixResult integration(String consumer, String provider, MatrixQuery options) {
		for (String name : List.of(consumer, provider)) {
			if (this.repository.pacticipant(name).isEmpty()) {
				throw NotFoundException.pacticipant(name);
			}
		}
		return query(new MatrixQuery(List.of(Selector.pacticipant(consumer), Selector.pacticipant(provider)),
				options.ignore(), options.latestBy(), options.latest(), options.tag(), options.environment(),
				options.mainBranch(), options.success(), options.limit()));
	}

	/**
	 * can-i-deploy for the head of a branch:
	 * {@code /pacticipants/{p}/branches/{b}/latest-version/can-i-deploy/to-environment/{e}}.
	 * 404 when the branch has no versions or the environment does not exist.
	 */
	public MatrixResult canIDeployBranch(String pacticipant, String branch, String environment) {
		MatrixRow.Pacticipant found = this.repository.pacticipant(pacticipant)
			.orElseThrow(() -> NotFoundException.pacticipant(pacticipant));
		if (this.repository.versions(found, Selector.latestOfBranch(pacticipant, branch), null).isEmpty()) {
			throw new NotFoundException("No version of " + pacticipant + " from branch " + branch + " found");
		}
		if (!this.repository.environmentExists(environment)) {
			throw new NotFoundException("No environment with name '" + environment + "' found");
		}
		return query(MatrixQuery.toEnvironment(Selector.latestOfBranch(pacticipant, branch), environment, List.of()));
	}

	/**
	 * can-i-deploy for the latest version with a tag to the latest version with another
	 * tag on each counterpart:
	 * {@code /pacticipants/{p}/latest-version/{tag}/can-i-deploy/to/{to}}, the way
	 * tag-only pipelines asked before environments existed. 404 when no version has the
	 * tag.
	 */
	public MatrixResult canIDeployTagToTag(String pacticipant, String tag, String to) {
		MatrixRow.Pacticipant found = this.repository.pacticipant(pacticipant)
			.orElseThrow(() -> NotFoundException.pacticipant(pacticipant));
		Selector latestWithTag = new Selector(pacticipant, null, true, tag, null, null, false);
		if (this.repository.versions(found, latestWithTag, null).isEmpty()) {
			throw new NotFoundException("No version of " + pacticipant + " with tag '" + tag + "' found");
		}
		return query(MatrixQuery.toTag(latestWithTag, to, List.of()));
	}

	/**
	 * can-i-merge for the head of the pacticipant's main branch:
	 * {@code /pacticipants/{p}/main-branch/can-i-merge}. 404 when it has none.
	 */
	public MatrixResult canIMerge(String pacticipant) {
		MatrixRow.Pacticipant found = this.repository.pacticipant(pacticipant)
			.orElseThrow(() -> NotFoundException.pacticipant(pacticipant));
		String mainBranch = this.repository.mainBranch(found.id());
		if (mainBranch == null
				|| this.repository.versions(found, Selector.latestOfMainBranch(pacticipant), mainBranch).isEmpty()) {
			throw new NotFoundException("No main branch version found for pacticipant '" + pacticipant + "'");
		}
		return query(MatrixQuery.againstMainBranch(Selector.latestOfMainBranch(pacticipant)));
	}

	/** The branches, tags and environments of the versions a result shows. */
	public Map<Long, VersionDetails> versionDetails(MatrixResult result) {
		Set<Long> ids = new LinkedHashSet<>();
		for (MatrixRow row : result.rows()) {
			ids.add(row.consumer().id());
			if (row.providerVersion() != null) {
				ids.add(row.providerVersion().id());
			}
		}
		return this.repository.details(ids);
	}

	private void validate(MatrixQuery query) {
		List<String> errors = new ArrayList<>();
		for (Selector selector : query.selectors()) {
			if (selector.pacticipant() == null) {
				errors.add("Please specify the pacticipant name");
			}
			else if (selector.version() != null && selector.latest()) {
				errors.add("A version number and latest flag cannot both be specified for " + selector.pacticipant());
			}
		}
		query.selectors()
			.stream()
			.map(Selector::pacticipant)
			.filter(Objects::nonNull)
			.distinct()
			.filter((name) -> this.repository.pacticipant(name).isEmpty())
			.forEach((name) -> errors.add("Pacticipant " + name + " not found"));
		if (query.selectors().isEmpty()) {
			errors.add("Please provide 1 or more version selectors.");
		}
		for (Selector selector : query.ignore()) {
			if (selector.pacticipant() == null) {
				errors.add("Please specify the pacticipant name to ignore");
			}
			else if (selector.version() != null && selector.latest()) {
				errors.add("A version number and latest flag cannot both be specified for " + selector.pacticipant()
						+ " to ignore");
			}
		}
		int destinations = ((query.tag() != null) ? 1 : 0) + ((query.environment() != null) ? 1 : 0)
				+ (query.mainBranch() ? 1 : 0);
		if (destinations > 1) {
			errors.add("Cannot specify more than one of tag, environment and mainBranch.");
		}
		if (query.latest() && query.environment() != null) {
			errors.add("Cannot specify both latest=true and an environment.");
		}
		if (query.environment() != null && !this.repository.environmentExists(query.environment())) {
			errors.add("Environment with name '" + query.environment() + "' does not exist");
		}
		if (query.limit() != null && query.limit() < 1) {
			errors.add("The limit must be 1 or greater.");
		}
		if (!errors.isEmpty()) {
			throw InvalidRequestException.messages(errors);
		}
	}

	private IgnoreSelector resolveIgnore(Selector selector) {
		Optional<MatrixRow.Pacticipant> pacticipant = this.repository
			.pacticipant(Objects.requireNonNull(selector.pacticipant()));
		List<MatrixRow.Version> versions = pacticipant
			.map((p) -> selector.onlyPacticipant() ? List.<MatrixRow.Version>of() : this.repository.versions(p,
					selector, selector.mainBranch() ? this.repository.mainBranch(p.id()) : null))
			.orElse(List.of());
		return new IgnoreSelector(selector, pacticipant.orElse(null),
				versions.stream().map(MatrixRow.Version::id).toList());
	}

	private List<SelectedVersion> resolve(Selector selector, boolean specified, List<IgnoreSelector> ignores) {
		String name = Objects.requireNonNull(selector.pacticipant());
		// Validation found it, but a concurrent delete may have removed it since: the
		// answer validation would now give, not a 500.
		MatrixRow.Pacticipant pacticipant = this.repository.pacticipant(name)
			.orElseThrow(() -> InvalidRequestException.messages(List.of("Pacticipant " + name + " not found")));
		return resolve(pacticipant, selector, specified, ignores);
	}

	/**
	 * Resolves a selector of a pacticipant already known, as the counterparts of the
	 * integrations are: looking them up again by name would cost a query per integration.
	 */
	private List<SelectedVersion> resolve(MatrixRow.Pacticipant pacticipant, Selector selector, boolean specified,
			List<IgnoreSelector> ignores) {
		List<SelectedVersion> resolved = new ArrayList<>();
		if (selector.onlyPacticipant()) {
			resolved.add(SelectedVersion.every(selector, specified, pacticipant));
		}
		else {
			String mainBranch = selector.mainBranch() ? this.repository.mainBranch(pacticipant.id()) : null;
			List<MatrixRow.Version> versions = this.repository.versions(pacticipant, selector, mainBranch);
			if (versions.isEmpty()) {
				resolved.add(SelectedVersion.none(selector, specified, pacticipant));
			}
			for (MatrixRow.Version version : versions) {
				resolved.add(SelectedVersion.of(selector, specified, version, versions.size() > 1));
			}
		}
		return resolved.stream()
			.map((r) -> ignores.stream().anyMatch((ignore) -> ignore.matches(r)) ? r.ignore() : r)
			.toList();
	}

	/** The selector inferred for a counterpart from the query's target. */
	private static Selector inferred(MatrixQuery query, String pacticipant) {
		if (query.environment() != null) {
			return Selector.inEnvironment(pacticipant, query.environment());
		}
		if (query.tag() != null) {
			return Selector.tagged(pacticipant, query.tag(), query.latest());
		}
		if (query.mainBranch()) {
			return Selector.onMainBranch(pacticipant, query.latest());
		}
		if (query.latest()) {
			return Selector.latest(pacticipant);
		}
		return Selector.pacticipant(pacticipant);
	}

	/**
	 * The integrations the decision covers, keyed by consumer and provider id. With a
	 * target (or a single selector) those of every specified pacticipant: the providers
	 * of the pacts its versions published (required) and its consumers (not required).
	 * Otherwise only those between the specified pacticipants.
	 */
	private Map<List<Long>, Integration> integrations(MatrixQuery query, List<SelectedVersion> specified,
			Map<Long, MatrixRow.Pacticipant> specifiedPacticipants) {
		Map<List<Long>, Integration> integrations = new LinkedHashMap<>();
		if (query.infersCounterparts() || query.selectors().size() == 1) {
			for (MatrixRow.Pacticipant pacticipant : specifiedPacticipants.values()) {
				List<SelectedVersion> own = specified.stream()
					.filter((s) -> s.pacticipantId() == pacticipant.id())
					.toList();
				List<MatrixRow.Pacticipant> providers;
				if (own.stream().anyMatch(SelectedVersion::allVersions)) {
					providers = this.repository.providersOf(pacticipant.id());
				}
				else {
					List<Long> versions = own.stream()
						.map(SelectedVersion::versionId)
						.filter(Objects::nonNull)
						.toList();
					providers = versions.isEmpty() ? List.of() : this.repository.providersOfVersions(versions);
				}
				for (MatrixRow.Pacticipant provider : providers) {
					integrations.put(List.of(pacticipant.id(), provider.id()),
							new Integration(pacticipant, provider, true));
				}
			}
			for (MatrixRow.Pacticipant pacticipant : specifiedPacticipants.values()) {
				for (MatrixRow.Pacticipant consumer : this.repository.consumersOf(pacticipant.id())) {
					integrations.putIfAbsent(List.of(consumer.id(), pacticipant.id()),
							new Integration(consumer, pacticipant, false));
				}
			}
		}
		else {
			for (MatrixRow.Pacticipant consumer : specifiedPacticipants.values()) {
				for (MatrixRow.Pacticipant provider : this.repository.providersOf(consumer.id())) {
					if (specifiedPacticipants.containsKey(provider.id())) {
						integrations.put(List.of(consumer.id(), provider.id()),
								new Integration(consumer, provider, true));
					}
				}
			}
		}
		return integrations;
	}

	private List<MatrixRow> rows(Integration integration, List<SelectedVersion> selectors) {
		List<Long> consumerVersions = versions(integration.consumer(), selectors);
		List<Long> providerVersions = versions(integration.provider(), selectors);
		if (consumerVersions != null && consumerVersions.isEmpty()) {
			return List.of();
		}
		return this.repository.rows(integration.consumer(), integration.provider(), consumerVersions, providerVersions);
	}

	/** The selected versions of a pacticipant, or null for every version. */
	private static @Nullable List<Long> versions(MatrixRow.Pacticipant pacticipant, List<SelectedVersion> selectors) {
		List<SelectedVersion> own = selectors.stream().filter((s) -> s.pacticipantId() == pacticipant.id()).toList();
		if (own.isEmpty() || own.stream().anyMatch(SelectedVersion::allVersions)) {
			return null;
		}
		return own.stream().map(SelectedVersion::versionId).filter(Objects::nonNull).distinct().toList();
	}

	/**
	 * Reduces rows sharing a key to the one with the newest provider version (a row
	 * without one only when it is alone). Rows are already one per consumer version ×
	 * provider version.
	 */
	static List<MatrixRow> latestBy(@Nullable LatestBy latestBy, List<MatrixRow> rows) {
		if (latestBy == null || latestBy == LatestBy.CVPV) {
			return rows;
		}
		Map<List<Object>, MatrixRow> kept = new LinkedHashMap<>();
		Comparator<MatrixRow> newer = Comparator.comparingLong((MatrixRow row) -> row.consumer().order())
			.thenComparingLong((row) -> (row.providerVersion() != null) ? row.providerVersion().order() : -1);
		for (MatrixRow row : rows) {
			List<Object> key = (latestBy == LatestBy.CVP) ? List.of(row.consumer().id(), row.provider().id())
					: List.of(row.consumer().pacticipant().id(), row.provider().id());
			kept.merge(key, row, (a, b) -> (newer.compare(b, a) > 0) ? b : a);
		}
		return new ArrayList<>(kept.values());
	}

	private MatrixResult decide(MatrixQuery query, List<SelectedVersion> selectors, List<IgnoreSelector> ignores,
			List<MatrixRow> considered, List<MatrixRow> ignored) {
		CanIDeployDecision.Verdict verdict = CanIDeployDecision.decide(query, selectors, ignores, considered, ignored);
		List<MatrixRow> withDetail = this.explainer.withFailedInteractions(considered);
		List<Explanation> explanations = this.explainer.explain(query, selectors, verdict.missing(), withDetail);
		List<MatrixRow> shown = new ArrayList<>(withDetail);
		shown.addAll(ignored);
		int total = shown.size();
		if (query.limit() != null && shown.size() > query.limit()) {
			shown = new ArrayList<>(shown.subList(0, query.limit()));
		}
		return new MatrixResult(shown, total, verdict.deployable(), verdict.reasons(), explanations, verdict.success(),
				verdict.failed(), verdict.unknown(), ignores.isEmpty() ? null : ignored.size());
	}

	record Integration(MatrixRow.Pacticipant consumer, MatrixRow.Pacticipant provider, boolean required) {

	}

}
