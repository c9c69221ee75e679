package io.concordat.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.concordat.pacticipant.PacticipantRef;
import io.concordat.pacticipant.PacticipantService;
import io.concordat.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pacts a provider build must verify ({@code …/for-verification}): the pacts the
 * consumer version selectors select, each with its pending status, followed by the
 * work-in-progress pacts. Read in one read-only transaction with a handful of queries,
 * whatever the number of consumers and versions: this is on every provider build's path.
 */
@Service
@Transactional(readOnly = true)
public class PactsForVerificationService {

	private final PacticipantService pacticipants;

	private final PactsForVerificationQuery query;

	private final PendingStatus pendingStatus;

	private final WipPacts wipPacts;

	PactsForVerificationService(PacticipantService pacticipants, PactsForVerificationQuery query,
			PendingStatus pendingStatus, WipPacts wipPacts) {
		this.pacticipants = pacticipants;
		this.query = query;
		this.pendingStatus = pendingStatus;
		this.wipPacts = wipPacts;
	}

	/**
	 * The pacts to verify: the selected ones by consumer name then consumer version
	 * order, then the WIP ones in the same order.
	 * @throws NotFoundException if the provider does not exist
	 */
	public List<VerifiablePact> find(String providerName, PactsForVerificationRequest request) {
		PacticipantRef found = this.pacticipants.findRef(providerName)
			.orElseThrow(() -> new NotFoundException("No provider with name '" + providerName + "' found"));
		PactsForVerificationQuery.Provider provider = new PactsForVerificationQuery.Provider(found.id(), found.name());
		List<SelectedPact> selected = this.query.select(provider, request.selectors());
		Map<Long, PendingStatus.Status> statuses = request.includePendingStatus() ? this.pendingStatus.of(provider.id(),
				selected.stream().map((pact) -> pact.pact().pactVersionId()).toList(), request.providerVersionBranch(),
				request.providerVersionTags()) : Map.of();
		List<VerifiablePact> verifiable = new ArrayList<>();
		for (SelectedPact pact : selected) {
			PendingStatus.Status status = statuses.get(pact.pact().pactVersionId());
			if (status == null) {
				verifiable
					.add(new VerifiablePact(pact.pact(), pact.selectors(), null, List.of(), List.of(), null, false));
			}
			else {
				verifiable.add(new VerifiablePact(pact.pact(), pact.selectors(), status.pending(), status.pendingTags(),
						status.nonPendingTags(), request.providerVersionBranch(), false));
			}
		}
		if (request.includeWipPactsSince() != null) {
			verifiable.addAll(this.wipPacts.find(provider, request.providerVersionBranch(),
					request.providerVersionTags(), request.includeWipPactsSince(), verifiable));
		}
		return verifiable;
	}

}
