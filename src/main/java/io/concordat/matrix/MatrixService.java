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
 * integrations and versions, and decides.
 *
 * <p>
 * The decision follows the Pact Broker: a specified version that does not exist is a
 * "no"; then any row without a verification result makes the answer unknown (null), even
 * when another row failed, so that {@code --retry-while-unknown} keeps waiting; otherwise
 * it is "yes" when every row passed (and when there are none). A consumer's integrations
 * are those of the pacts its version published (required); a provider's consumers are not
 * required, so a provider may deploy before its consumer.
 */
@Service
@Transactional(readOnly = true)
public class MatrixService {

	private final MatrixRepository repository;

	private final Explainer explainer;

	MatrixService(MatrixRepository repository, Explainer explainer) {
		this.repository = repository;
		this.explainer = explainer;
	}

	public MatrixResult query(MatrixQuery query) {
		validate(query);
		List<IgnoreSelector> ignores = query.ignore().stream().map(this::resolveIgnore).toList();
		List<ResolvedSelector> specified = new ArrayList<>();
		for (Selector selector : query.selectors()) {
			specified.addAll(resolve(selector, true, ignores));
		}
		Map<Long, MatrixRow.Pacticipant> specifiedPacticipants = new LinkedHashMap<>();
		specified.forEach((s) -> specifiedPacticipants.put(s.pacticipantId(),
				new MatrixRow.Pacticipant(s.pacticipantId(), s.pacticipant())));
		Map<List<Long>, Integration> integrations = integrations(query, specified, specifiedPacticipants);
		List<ResolvedSelector> all = new ArrayList<>(specified);
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
		return decide(query, all, ignores, considered, ignored);
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

	private List<ResolvedSelector> resolve(Selector selector, boolean specified, List<IgnoreSelector> ignores) {
		MatrixRow.Pacticipant pacticipant = this.repository.pacticipant(Objects.requireNonNull(selector.pacticipant()))
			.orElseThrow();
		return resolve(pacticipant, selector, specified, ignores);
	}

	/**
	 * Resolves a selector of a pacticipant already known, as the counterparts of the
	 * integrations are: looking them up again by name would cost a query per integration.
	 */
	private List<ResolvedSelector> resolve(MatrixRow.Pacticipant pacticipant, Selector selector, boolean specified,
			List<IgnoreSelector> ignores) {
		List<ResolvedSelector> resolved = new ArrayList<>();
		if (selector.onlyPacticipant()) {
			resolved.add(new ResolvedSelector(selector, specified, pacticipant.id(), pacticipant.name(), null, null, 0,
					false, false));
		}
		else {
			String mainBranch = selector.mainBranch() ? this.repository.mainBranch(pacticipant.id()) : null;
			List<MatrixRow.Version> versions = this.repository.versions(pacticipant, selector, mainBranch);
			if (versions.isEmpty()) {
				resolved.add(new ResolvedSelector(selector, specified, pacticipant.id(), pacticipant.name(), null, null,
						0, false, false));
			}
			for (MatrixRow.Version version : versions) {
				resolved.add(new ResolvedSelector(selector, specified, pacticipant.id(), pacticipant.name(),
						version.id(), version.number(), version.order(), versions.size() > 1, false));
			}
		}
		return resolved.stream()
			.map((r) -> ignores.stream().anyMatch((ignore) -> ignore.matches(r)) ? r.ignore() : r)
			.toList();
	}

	/** The selector inferred for a counterpart from the query's target. */
	private static Selector inferred(MatrixQuery query, String pacticipant) {
		if (query.environment() != null) {
			return new Selector(pacticipant, null, false, null, null, query.environment(), false);
		}
		if (query.tag() != null) {
			return new Selector(pacticipant, null, query.latest(), query.tag(), null, null, false);
		}
		if (query.mainBranch()) {
			return new Selector(pacticipant, null, query.latest(), null, null, null, true);
		}
		if (query.latest()) {
			return new Selector(pacticipant, null, true, null, null, null, false);
		}
		return Selector.pacticipant(pacticipant);
	}

	/**
	 * The integrations the decision covers, keyed by consumer and provider id. With a
	 * target (or a single selector) those of every specified pacticipant: the providers
	 * of the pacts its versions published (required) and its consumers (not required).
	 * Otherwise only those between the specified pacticipants.
	 */
	private Map<List<Long>, Integration> integrations(MatrixQuery query, List<ResolvedSelector> specified,
			Map<Long, MatrixRow.Pacticipant> specifiedPacticipants) {
		Map<List<Long>, Integration> integrations = new LinkedHashMap<>();
		if (query.infersCounterparts() || query.selectors().size() == 1) {
			for (MatrixRow.Pacticipant pacticipant : specifiedPacticipants.values()) {
				List<ResolvedSelector> own = specified.stream()
					.filter((s) -> s.pacticipantId() == pacticipant.id())
					.toList();
				List<MatrixRow.Pacticipant> providers;
				if (own.stream().anyMatch(ResolvedSelector::allVersions)) {
					providers = this.repository.providersOf(pacticipant.id());
				}
				else {
					List<Long> versions = own.stream()
						.map(ResolvedSelector::versionId)
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

	private List<MatrixRow> rows(Integration integration, List<ResolvedSelector> selectors) {
		List<Long> consumerVersions = versions(integration.consumer(), selectors);
		List<Long> providerVersions = versions(integration.provider(), selectors);
		if (consumerVersions != null && consumerVersions.isEmpty()) {
			return List.of();
		}
		return this.repository.rows(integration.consumer(), integration.provider(), consumerVersions, providerVersions);
	}

	/** The selected versions of a pacticipant, or null for every version. */
	private static @Nullable List<Long> versions(MatrixRow.Pacticipant pacticipant, List<ResolvedSelector> selectors) {
		List<ResolvedSelector> own = selectors.stream().filter((s) -> s.pacticipantId() == pacticipant.id()).toList();
		if (own.isEmpty() || own.stream().anyMatch(ResolvedSelector::allVersions)) {
			return null;
		}
		return own.stream().map(ResolvedSelector::versionId).filter(Objects::nonNull).distinct().toList();
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

	private MatrixResult decide(MatrixQuery query, List<ResolvedSelector> selectors, List<IgnoreSelector> ignores,
			List<MatrixRow> considered, List<MatrixRow> ignored) {
		List<ResolvedSelector> missing = selectors.stream()
			.filter((s) -> s.specified() && !s.ignored() && s.versionMissing())
			.toList();
		int success = (int) considered.stream().filter((r) -> Boolean.TRUE.equals(r.success())).count();
		int failed = (int) considered.stream().filter((r) -> Boolean.FALSE.equals(r.success())).count();
		int unknown = (int) considered.stream().filter((r) -> r.success() == null).count();
		Boolean deployable;
		if (!missing.isEmpty()) {
			deployable = false;
		}
		else if (unknown > 0) {
			deployable = null;
		}
		else {
			deployable = failed == 0;
		}
		Descriptions descriptions = new Descriptions(selectors);
		List<Reason> warnings = new ArrayList<>();
		for (IgnoreSelector ignore : ignores) {
			if (!ignore.exists()) {
				warnings.add(Reason.warning("WARN: Cannot ignore " + ignore.description()));
			}
		}
		long specifiedCount = selectors.stream().filter(ResolvedSelector::specified).count();
		if (specifiedCount == 1 && query.tag() == null && query.environment() == null && !query.mainBranch()) {
			warnings.add(Reason.warning("WARN: It is recommended to specify the environment into which you are "
					+ "deploying. Without the environment, this result will not be reliable."));
		}
		List<ResolvedSelector> versioned = selectors.stream()
			.filter(ResolvedSelector::specified)
			.filter((s) -> !s.allVersions())
			.toList();
		if (!versioned.isEmpty() && versioned.stream().noneMatch((s) -> s.selector().version() != null)) {
			warnings.add(Reason.warning("WARN: It is recommended to specify the version number (rather than the tag "
					+ "or branch) of the pacticipant you wish to deploy to avoid race conditions. Without a version "
					+ "number, this result will not be reliable."));
		}
		Set<Reason> errors = new LinkedHashSet<>();
		missing.forEach((s) -> errors.add(Reason.error(s.missingDescription())));
		if (errors.isEmpty()) {
			for (MatrixRow row : considered) {
				if (Boolean.FALSE.equals(row.success())) {
					errors.add(Reason.error(descriptions.failed(row)));
				}
			}
			for (MatrixRow row : considered) {
				if (row.success() == null) {
					errors.add(Reason.error(descriptions.unverified(row)));
				}
			}
		}
		List<Reason> reasons = new ArrayList<>(warnings);
		if (!errors.isEmpty()) {
			reasons.addAll(errors);
		}
		else if (deployable == Boolean.TRUE) {
			reasons.add(considered.isEmpty() ? Reason.success("There are no missing dependencies")
					: Reason.success("All required verification results are published and successful"));
		}
		Set<Reason> ignoring = new LinkedHashSet<>();
		for (MatrixRow row : ignored) {
			if (Boolean.FALSE.equals(row.success())) {
				ignoring.add(Reason.info("Ignoring: " + descriptions.failed(row)));
			}
			else if (row.success() == null) {
				ignoring.add(Reason.info("Ignoring: " + descriptions.unverified(row)));
			}
		}
		reasons.addAll(ignoring);
		List<MatrixRow> withDetail = this.explainer.withFailedInteractions(considered);
		List<Explanation> explanations = this.explainer.explain(query, selectors, missing, withDetail);
		List<MatrixRow> shown = new ArrayList<>(withDetail);
		shown.addAll(ignored);
		int total = shown.size();
		if (query.limit() != null && shown.size() > query.limit()) {
			shown = new ArrayList<>(shown.subList(0, query.limit()));
		}
		return new MatrixResult(shown, total, deployable, reasons, explanations, success, failed, unknown,
				ignores.isEmpty() ? null : ignored.size());
	}

	record Integration(MatrixRow.Pacticipant consumer, MatrixRow.Pacticipant provider, boolean required) {

	}

	/**
	 * An ignore selector: rows of the pacticipant (and version, when one is named) do not
	 * count.
	 */
	record IgnoreSelector(Selector selector, MatrixRow.@Nullable Pacticipant pacticipant, List<Long> versionIds) {

		boolean exists() {
			return this.pacticipant != null && (this.selector.onlyPacticipant() || !this.versionIds.isEmpty());
		}

		boolean matches(MatrixRow row) {
			return matches(row.consumer().pacticipant().id(), row.consumer().id())
					|| (row.providerVersion() != null ? matches(row.provider().id(), row.providerVersion().id())
							: matchesAnyVersion(row.provider().id()));
		}

		boolean matches(ResolvedSelector resolved) {
			return (resolved.versionId() != null) ? matches(resolved.pacticipantId(), resolved.versionId())
					: matchesAnyVersion(resolved.pacticipantId());
		}

		private boolean matches(long pacticipantId, long versionId) {
			return this.pacticipant != null && this.pacticipant.id() == pacticipantId
					&& (this.selector.onlyPacticipant() || this.versionIds.contains(versionId));
		}

		private boolean matchesAnyVersion(long pacticipantId) {
			return this.pacticipant != null && this.pacticipant.id() == pacticipantId
					&& this.selector.onlyPacticipant();
		}

		String description() {
			String name = this.selector.pacticipant();
			if (this.pacticipant == null) {
				return "any version of " + name + " (no such pacticipant exists)";
			}
			if (this.selector.version() != null) {
				return "version " + this.selector.version() + " of " + name + " (no such version exists)";
			}
			return "a version of " + name + " (no such version exists)";
		}

	}

}
