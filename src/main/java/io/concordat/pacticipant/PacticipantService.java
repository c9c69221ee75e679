package io.concordat.pacticipant;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.concordat.web.FieldErrors;
import io.concordat.web.Names;
import io.concordat.web.NotFoundException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, finds and deletes pacticipants.
 */
@Service
@Transactional
public class PacticipantService {

	/**
	 * Branch or tag names that become a pacticipant's main branch when it has none (Pact
	 * Broker defaults).
	 */
	static final Set<String> MAIN_BRANCH_CANDIDATES = Set.of("develop", "main", "master");

	private final PacticipantRepository pacticipants;

	PacticipantService(PacticipantRepository pacticipants) {
		this.pacticipants = pacticipants;
	}

	@Transactional(readOnly = true)
	public Optional<PacticipantView> find(String name) {
		return this.pacticipants.findByName(name).map(this::view);
	}

	@Transactional(readOnly = true)
	public PacticipantView get(String name) {
		return find(name).orElseThrow(() -> NotFoundException.pacticipant(name));
	}

	/** The pacticipant's id and name, for callers that need nothing else. */
	@Transactional(readOnly = true)
	public Optional<PacticipantRef> findRef(String name) {
		return this.pacticipants.findRefByName(name);
	}

	@Transactional(readOnly = true)
	public PacticipantRef getRef(String name) {
		return findRef(name).orElseThrow(() -> NotFoundException.pacticipant(name));
	}

	@Transactional(readOnly = true)
	public Listing<PacticipantView> list(String query, int offset, int limit) {
		String q = (query != null) ? query : "";
		List<PacticipantView> page = this.pacticipants.search(q, PageRequest.of(offset / limit, limit))
			.stream()
			.map(this::view)
			.toList();
		return new Listing<>(page, this.pacticipants.countMatching(q));
	}

	/**
	 * {@code POST /pacticipants}: a new pacticipant; 409 when the name is taken.
	 */
	public PacticipantView create(String name, PacticipantDetails details) {
		validate(name, details);
		if (this.pacticipants.findByName(name).isPresent()) {
			throw PacticipantNameTaken.named(name);
		}
		Pacticipant pacticipant = new Pacticipant(name);
		pacticipant.apply(details);
		try {
			return view(this.pacticipants.saveAndFlush(pacticipant));
		}
		catch (DataIntegrityViolationException ex) {
			// Created by a concurrent request since the check above: the same answer as
			// had it arrived first.
			throw PacticipantNameTaken.named(name);
		}
	}

	/**
	 * {@code PUT}: replaces every detail (absent ones become empty); the pacticipant must
	 * exist.
	 */
	public PacticipantView replace(String name, PacticipantDetails details) {
		validate(name, details);
		Pacticipant pacticipant = this.pacticipants.findByName(name)
			.orElseThrow(() -> NotFoundException.pacticipant(name));
		pacticipant.apply(details);
		pacticipant.touch();
		return view(this.pacticipants.saveAndFlush(pacticipant));
	}

	/**
	 * {@code PATCH} with JSON merge-patch semantics: only the given properties change,
	 * {@code null} clears one. Creates the pacticipant when missing, which
	 * {@code create-or-update-pacticipant} relies on.
	 */
	public Upserted<PacticipantView> patch(String name, PacticipantPatch changes) {
		Optional<Pacticipant> existing = this.pacticipants.findByName(name);
		Pacticipant pacticipant = existing.orElseGet(() -> new Pacticipant(name));
		PacticipantDetails patched = changes.applyTo(pacticipant.details());
		validate(name, patched);
		pacticipant.apply(patched);
		if (existing.isPresent()) {
			pacticipant.touch();
		}
		return new Upserted<>(view(this.pacticipants.saveAndFlush(pacticipant)), existing.isEmpty());
	}

	/**
	 * Deletes the pacticipant and everything that hangs off it: versions, pacts it
	 * published or was published for, verifications, deployments.
	 */
	public void delete(String name) {
		Pacticipant pacticipant = this.pacticipants.findByName(name)
			.orElseThrow(() -> NotFoundException.pacticipant(name));
		this.pacticipants.delete(pacticipant);
		this.pacticipants.flush();
	}

	/**
	 * The pacticipant, created with derived details if it does not exist yet (publication
	 * does this).
	 */
	public PacticipantRef findOrCreate(String name) {
		Optional<PacticipantRef> existing = this.pacticipants.findRefByName(name);
		if (existing.isPresent()) {
			return existing.get();
		}
		// Another request may create the same pacticipant concurrently; let PostgreSQL
		// decide who wins.
		this.pacticipants.insertIfAbsent(name, DisplayNames.derive(name));
		return this.pacticipants.findRefByName(name).orElseThrow();
	}

	/**
	 * Makes {@code candidate} the main branch of a pacticipant that has none, when it is
	 * one of the usual main branch names (the Pact Broker's
	 * {@code auto_detect_main_branch}).
	 */
	void detectMainBranch(long pacticipantId, String candidate) {
		if (!MAIN_BRANCH_CANDIDATES.contains(candidate)) {
			return;
		}
		// Through the entity, not SQL, so that a pacticipant already loaded in this
		// transaction sees the change.
		this.pacticipants.findById(pacticipantId)
			.filter((pacticipant) -> pacticipant.mainBranch() == null)
			.ifPresent((pacticipant) -> {
				pacticipant.useMainBranch(candidate);
				this.pacticipants.saveAndFlush(pacticipant);
			});
	}

	/**
	 * Existing pacticipants whose names differ from {@code name} only in case,
	 * separators, a plural {@code s} or the words {@code api}, {@code provider},
	 * {@code service} ("Orders API" and "orders"). Publishing under such a new name is
	 * usually a typo that would silently split an integration in two.
	 */
	@Transactional(readOnly = true)
	public List<String> similarNames(String name) {
		String normalised = normalise(name);
		if (normalised.isEmpty()) {
			return List.of();
		}
		return this.pacticipants.namesOtherThan(name)
			.stream()
			.filter((existing) -> normalise(existing).equals(normalised))
			.toList();
	}

	static String normalise(String name) {
		StringBuilder normalised = new StringBuilder();
		for (String word : name.split("[-_\\s]+|(?<=[a-z0-9])(?=[A-Z])")) {
			String lower = word.toLowerCase(java.util.Locale.ROOT);
			if (lower.isEmpty() || lower.equals("api") || lower.equals("provider") || lower.equals("service")) {
				continue;
			}
			normalised.append(lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower);
		}
		return normalised.toString();
	}

	private static void validate(String name, PacticipantDetails details) {
		FieldErrors errors = new FieldErrors();
		Names.check("name", (name != null) ? name : "", errors);
		String mainBranch = details.mainBranch();
		if (mainBranch != null && (mainBranch.isBlank() || mainBranch.chars().anyMatch(Character::isWhitespace))) {
			errors.add("mainBranch", "cannot contain spaces");
		}
		else {
			Names.check("mainBranch", mainBranch, errors);
		}
		errors.throwIfAny();
	}

	private PacticipantView view(Pacticipant pacticipant) {
		String latest = this.pacticipants.latestVersionNumber(pacticipant.id()).orElse(null);
		return pacticipant.view(latest);
	}

}
