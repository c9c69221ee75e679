package io.concordat.pacticipant;

import java.util.List;
import java.util.Optional;

import io.concordat.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Labels on pacticipants.
 */
@Service
@Transactional
public class LabelService {

	private final LabelStore labels;

	private final PacticipantService pacticipants;

	LabelService(LabelStore labels, PacticipantService pacticipants) {
		this.labels = labels;
		this.pacticipants = pacticipants;
	}

	/**
	 * Labels the pacticipant, creating it if needed, as the Pact Broker does.
	 * @return the label and whether it is new
	 */
	public Upserted<LabelView> add(String pacticipant, String label) {
		VersionService.validateName("label", label);
		PacticipantRef owner = this.pacticipants.findOrCreate(pacticipant);
		boolean created = this.labels.add(owner.id(), label);
		return new Upserted<>(find(pacticipant, label).orElseThrow(), created);
	}

	@Transactional(readOnly = true)
	public Optional<LabelView> find(String pacticipant, String label) {
		return this.labels.find(pacticipant, label);
	}

	public void remove(String pacticipant, String label) {
		if (!this.labels.remove(pacticipant, label)) {
			throw notFound(pacticipant, label);
		}
	}

	/** The pacticipant's labels, by name. */
	@Transactional(readOnly = true)
	public List<String> labelsOf(long pacticipantId) {
		return this.labels.namesOf(pacticipantId);
	}

	/** The pacticipants carrying the label, by name. */
	@Transactional(readOnly = true)
	public List<PacticipantView> pacticipantsWith(String label) {
		return this.labels.pacticipantsWith(label).stream().map(this.pacticipants::get).toList();
	}

	/** Every label in use, by name. */
	@Transactional(readOnly = true)
	public List<String> all() {
		return this.labels.all();
	}

	static NotFoundException notFound(String pacticipant, String label) {
		return new NotFoundException("No label '" + label + "' found for pacticipant " + pacticipant);
	}

}
