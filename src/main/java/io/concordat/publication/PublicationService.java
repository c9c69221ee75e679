package io.concordat.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.concordat.pacticipant.PacticipantRef;
import io.concordat.pacticipant.BranchService;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.Upserted;
import io.concordat.pacticipant.VersionRef;
import io.concordat.pacticipant.VersionService;
import io.concordat.publication.contract.Contract;
import io.concordat.publication.contract.InvalidPactException;
import io.concordat.publication.contract.MergeResult;
import io.concordat.publication.contract.PactContent;
import io.concordat.publication.contract.PactParser;
import io.concordat.web.FieldErrors;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes pacts. Everything a publication does happens in one transaction: a request
 * that fails changes nothing.
 */
@Service
@Transactional
public class PublicationService {

	private static final String DOCS_VERSIONING = "https://docs.pact.io/go/versioning";

	private final PactParser parser = new PactParser();

	private final PactStore store;

	private final PacticipantService pacticipants;

	private final VersionService versions;

	private final BranchService branches;

	private final boolean allowContentModification;

	private final boolean checkForDuplicateNames;

	private final ApplicationEventPublisher events;

	PublicationService(PactStore store, PacticipantService pacticipants, VersionService versions,
			BranchService branches, PublicationProperties properties, ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.pacticipants = pacticipants;
		this.versions = versions;
		this.branches = branches;
		this.allowContentModification = properties.allowDangerousContractModification();
		this.checkForDuplicateNames = properties.checkForPotentialDuplicatePacticipantNames();
	}

	/**
	 * {@code POST /contracts/publish}. Conflicts are checked before anything is written:
	 * changing the content a consumer version already published makes can-i-deploy
	 * answers unreliable, so it is refused (409) unless the broker is configured to allow
	 * it. As in the Pact Broker, {@code onConflict: merge} does not bypass that check.
	 * The check and the writes run while this consumer version's lock is held, so a
	 * concurrent publisher of the same version is checked against what this one wrote.
	 */
	public PublicationResult publish(PublishContracts command) {
		FieldErrors errors = new FieldErrors();
		List<Contract> parsed = new ArrayList<>();
		for (int i = 0; i < command.contracts().size(); i++) {
			PublishContracts.ContractToPublish contract = command.contracts().get(i);
			if (!contract.consumer().equals(command.pacticipant())) {
				errors.add("contracts", i, "consumerName (" + contract.consumer() + ") must match pacticipantName ("
						+ command.pacticipant() + ")");
			}
			parsed.add(parse(contract.content(), contract.consumer(), contract.provider(), i, errors));
		}
		errors.throwIfAny();
		this.store.lockConsumerVersion(command.pacticipant(), command.version());

		List<Planned> plans = new ArrayList<>();
		List<Notice> conflicts = new ArrayList<>();
		for (int i = 0; i < parsed.size(); i++) {
			PublishContracts.ContractToPublish contract = command.contracts().get(i);
			Optional<PactView> existing = this.store.find(contract.consumer(), command.version(), contract.provider());
			String content = contract.content();
			Contract model = parsed.get(i);
			if (existing.isPresent() && contract.merge()) {
				content = merge(existing.get(), content, command.version(), conflicts);
				model = this.parser.parse(content);
			}
			if (existing.isPresent() && !existing.get().sha().equals(model.sha()) && !this.allowContentModification) {
				conflicts.add(Notice
					.error(changedContentMessage(contract.consumer(), command.version(), contract.provider())));
				conflicts.add(Notice.info(PactContent.diff(existing.get().content(), content)));
			}
			plans.add(new Planned(contract, model, content, existing.orElse(null)));
		}
		conflicts.addAll(potentialDuplicates(command));
		if (!conflicts.isEmpty()) {
			throw PactContentConflict.of(conflicts);
		}

		List<Notice> notices = new ArrayList<>();
		Upserted<VersionRef> version = this.versions.findOrCreate(command.pacticipant(), command.version());
		if (command.buildUrl() != null) {
			this.versions.setBuildUrl(version.value().id(), command.buildUrl());
		}
		if (command.branch() != null) {
			this.branches.addVersion(version.value(), command.branch(), false);
		}
		for (String tag : command.tags()) {
			this.versions.addTag(command.pacticipant(), command.version(), tag);
		}
		notices.add(Notice.debug(versionNotice(version.created(), command)));

		List<PublicationResult.Published> published = new ArrayList<>();
		for (Planned plan : plans) {
			published.add(store(version.value(), plan, command.branch(), command.tags(), command.buildUrl()));
		}
		return new PublicationResult(command.pacticipant(), command.version(), command.branch(), command.tags(),
				published, notices);
	}

	/**
	 * The legacy {@code PUT /pacts/provider/{p}/consumer/{c}/version/{v}}: the body is
	 * the pact itself.
	 * @return the stored pact and whether it was new for this version (201) or already
	 * there (200)
	 */
	public PublicationResult.Published publishPact(String provider, String consumer, String version, String content) {
		FieldErrors errors = new FieldErrors();
		Contract contract = parse(content, consumer, provider, null, errors);
		errors.throwIfAny();
		this.store.lockConsumerVersion(consumer, version);
		Optional<PactView> existing = this.store.find(consumer, version, provider);
		if (existing.isPresent() && !existing.get().sha().equals(contract.sha()) && !this.allowContentModification) {
			throw PactContentConflict.because(changedContentMessage(consumer, version, provider));
		}
		VersionRef consumerVersion = this.versions.findOrCreate(consumer, version).value();
		return store(consumerVersion,
				new Planned(new PublishContracts.ContractToPublish(consumer, provider, content, false), contract,
						content, existing.orElse(null)),
				null, List.of(), null);
	}

	/**
	 * The legacy {@code PATCH}: merges the interactions into the version's pact (creating
	 * it when there is none).
	 */
	public PublicationResult.Published mergePact(String provider, String consumer, String version, String content) {
		FieldErrors errors = new FieldErrors();
		parse(content, consumer, provider, null, errors);
		errors.throwIfAny();
		this.store.lockConsumerVersion(consumer, version);
		Optional<PactView> existing = this.store.find(consumer, version, provider);
		if (existing.isEmpty()) {
			return publishPact(provider, consumer, version, content);
		}
		List<Notice> conflicts = new ArrayList<>();
		String merged = merge(existing.get(), content, version, conflicts);
		if (!conflicts.isEmpty()) {
			throw PactContentConflict.because(conflicts.get(0).text());
		}
		Contract contract = this.parser.parse(merged);
		VersionRef consumerVersion = this.versions.findOrCreate(consumer, version).value();
		return store(consumerVersion,
				new Planned(new PublishContracts.ContractToPublish(consumer, provider, merged, true), contract, merged,
						existing.get()),
				null, List.of(), null);
	}

	/** Deletes every revision of the pact a consumer version published for a provider. */
	public void deletePact(String provider, String consumer, String version) {
		this.store.lockConsumerVersion(consumer, version);
		PactView pact = this.store.find(consumer, version, provider)
			.orElseThrow(() -> new NotFoundException(
					"No pact found for " + consumer + " version " + version + " and provider " + provider));
		this.store.delete(pact.consumerVersionId(), this.pacticipants.getRef(provider).id());
	}

	private PublicationResult.Published store(VersionRef consumerVersion, Planned plan, @Nullable String branch,
			List<String> tags, @Nullable String buildUrl) {
		PacticipantRef provider = this.pacticipants.findOrCreate(plan.contract().provider());
		PactStore.StoredContent stored = this.store.storeContent(consumerVersion.pacticipantId(), provider.id(),
				plan.model(), plan.content());
		PactView existing = plan.existing();
		PublicationOutcome outcome;
		PactView pact;
		if (existing != null && existing.pactVersionId() == stored.id()) {
			outcome = PublicationOutcome.UNCHANGED;
			pact = existing;
		}
		else {
			PactStore.Revision revision = this.store.publish(consumerVersion.id(), consumerVersion.order(),
					consumerVersion.pacticipantId(), provider.id(), stored.id());
			outcome = (existing == null) ? PublicationOutcome.CREATED
					: plan.contract().merge() ? PublicationOutcome.MERGED : PublicationOutcome.REVISED;
			// Built from what was just written rather than read back: everything in it is
			// known here.
			pact = new PactView(revision.publicationId(), stored.id(), plan.contract().consumer(), provider.name(),
					consumerVersion.number(), consumerVersion.id(), consumerVersion.order(), plan.model().sha(),
					stored.content(), revision.createdAt(), revision.revision());
		}
		this.events.publishEvent(new ContractPublished(consumerVersion.pacticipantId(), pact.consumer(), provider.id(),
				provider.name(), consumerVersion.id(), consumerVersion.number(), branch, List.copyOf(tags), stored.id(),
				pact.sha(), contentChanged(consumerVersion, provider.id(), stored.id(), outcome), buildUrl));
		return new PublicationResult.Published(pact, outcome,
				publishedNotices(pact, outcome, plan.model().interactions().isEmpty()));
	}

	/**
	 * The Pact Broker's {@code contract_content_changed} rule: a version's replaced or
	 * merged content counts as changed; otherwise the content is compared, by its
	 * order-insensitive identity, with what the previous consumer version published for
	 * this provider, and the integration's first pact counts as changed.
	 */
	private boolean contentChanged(VersionRef consumerVersion, long providerId, long pactVersionId,
			PublicationOutcome outcome) {
		return switch (outcome) {
			case UNCHANGED -> false;
			case REVISED, MERGED -> true;
			case CREATED ->
				this.store.previousPactVersion(consumerVersion.pacticipantId(), providerId, consumerVersion.order())
					.map((previous) -> previous != pactVersionId)
					.orElse(true);
		};
	}

	private Contract parse(String content, String consumer, String provider, @Nullable Integer index,
			FieldErrors errors) {
		try {
			Contract contract = this.parser.parse(content);
			if (contract.consumerName() != null && !contract.consumerName().equals(consumer)) {
				report(errors, index, "consumer name in contract content (" + contract.consumerName()
						+ ") must match consumerName (" + consumer + ")");
			}
			if (contract.providerName() != null && !contract.providerName().equals(provider)) {
				report(errors, index, "provider name in contract content (" + contract.providerName()
						+ ") must match providerName (" + provider + ")");
			}
			return contract;
		}
		catch (InvalidPactException ex) {
			ex.problems().forEach((problem) -> report(errors, index, problem));
			return null;
		}
	}

	private static void report(FieldErrors errors, @Nullable Integer index, String message) {
		if (index != null) {
			errors.add("contracts", index, message);
		}
		else {
			errors.add("body", message);
		}
	}

	private String merge(PactView existing, String content, String version, List<Notice> conflicts) {
		MergeResult merged = PactContent.merge(existing.content(), content);
		for (String conflict : merged.conflicts()) {
			conflicts.add(Notice.error("Cannot merge the pact for " + existing.consumer() + " version " + version
					+ " and provider " + existing.provider() + ": " + conflict));
		}
		return merged.json();
	}

	private List<Notice> potentialDuplicates(PublishContracts command) {
		if (!this.checkForDuplicateNames) {
			return List.of();
		}
		java.util.Set<String> names = new java.util.LinkedHashSet<>();
		names.add(command.pacticipant());
		command.contracts().forEach((contract) -> names.add(contract.provider()));
		List<Notice> notices = new ArrayList<>();
		for (String name : names) {
			if (this.pacticipants.findRef(name).isPresent()) {
				continue;
			}
			List<String> similar = this.pacticipants.similarNames(name);
			if (!similar.isEmpty()) {
				notices.add(Notice.error("This is the first time a pact has been published for \"" + name
						+ "\", and the name is very similar to existing pacticipants: " + String.join(", ", similar)
						+ ". If you meant one of those, correct the name in the pact configuration and publish again. "
						+ "If \"" + name
						+ "\" really is a new consumer or provider, create it first (POST /pacticipants, "
						+ "or pact-broker create-or-update-pacticipant --name \"" + name + "\") and publish again."));
			}
		}
		return notices;
	}

	static String changedContentMessage(String consumer, String version, String provider) {
		return "Cannot change the content of the pact for " + consumer + " version " + version + " and provider "
				+ provider + ", as race conditions will cause unreliable results for can-i-deploy. "
				+ "Each pact must be published with a unique consumer version number. Some Pact libraries generate "
				+ "random data when a concrete value for a type matcher is not specified, and this can cause the "
				+ "contract to mutate - ensure you have given example values for all type matchers. "
				+ "For more information see " + DOCS_VERSIONING;
	}

	private static String versionNotice(boolean created, PublishContracts command) {
		StringBuilder text = new StringBuilder(created ? "Created " : "Updated ").append(command.pacticipant())
			.append(" version ")
			.append(command.version());
		if (command.branch() != null) {
			text.append(" with branch ").append(command.branch());
		}
		if (!command.tags().isEmpty()) {
			text.append((command.branch() != null) ? " and tags " : " with tags ")
				.append(String.join(", ", command.tags()));
		}
		return text.toString();
	}

	private static List<Notice> publishedNotices(PactView pact, PublicationOutcome outcome, boolean empty) {
		String subject = pact.consumer() + " version " + pact.consumerVersion() + " and provider " + pact.provider();
		List<Notice> notices = new ArrayList<>();
		switch (outcome) {
			case CREATED -> notices.add(Notice.success("Pact successfully published for " + subject + "."));
			case UNCHANGED -> notices
				.add(Notice.success("Pact published for " + subject + " was republished with no content changes."));
			case REVISED -> notices
				.add(Notice.warning("Pact with changed content published over existing content for " + subject + "."));
			case MERGED -> notices.add(Notice.success("Pact content merged for " + subject + "."));
		}
		if (empty) {
			// Accepted, as the Pact Broker accepts it, but an empty pact is nearly always
			// a
			// consumer test run that wrote no interactions: say so rather than let a
			// provider verify nothing and pass.
			notices.add(Notice.warning("The pact for " + subject
					+ " has no interactions, so the provider has nothing to verify. Check that the consumer's Pact tests ran and recorded their interactions."));
		}
		return notices;
	}

	private record Planned(PublishContracts.ContractToPublish contract, Contract model, String content,
			@Nullable PactView existing) {
	}

}
