package io.concordat.pacticipant;

import java.util.List;
import java.util.Optional;

import io.concordat.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Labels on pacticipants.
 */
@Service
@Transactional
public class LabelService {

	private final JdbcClient jdbc;

	private final PacticipantService pacticipants;

	LabelService(JdbcClient jdbc, PacticipantService pacticipants) {
		this.jdbc = jdbc;
		this.pacticipants = pacticipants;
	}

	/**
	 * Labels the pacticipant, creating it if needed, as the Pact Broker does.
	 * @return the label and whether it is new
	 */
	public Upserted<LabelView> add(String pacticipant, String label) {
		VersionService.validateName("label", label);
		PacticipantRef owner = this.pacticipants.findOrCreate(pacticipant);
		boolean created = this.jdbc
			.sql("insert into labels (pacticipant_id, name) values (:id, :name) on conflict do nothing")
			.param("id", owner.id())
			.param("name", label)
			.update() == 1;
		return new Upserted<>(find(pacticipant, label).orElseThrow(), created);
	}

	@Transactional(readOnly = true)
	public Optional<LabelView> find(String pacticipant, String label) {
		return this.jdbc.sql("""
				select p.name as pacticipant, l.name, l.created_at from labels l
				join pacticipants p on p.id = l.pacticipant_id where p.name = :pacticipant and l.name = :label""")
			.param("pacticipant", pacticipant)
			.param("label", label)
			.query((rs, n) -> new LabelView(rs.getString("pacticipant"), rs.getString("name"),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	public void remove(String pacticipant, String label) {
		int removed = this.jdbc.sql("""
				delete from labels l using pacticipants p
				where p.id = l.pacticipant_id and p.name = :pacticipant and l.name = :label""")
			.param("pacticipant", pacticipant)
			.param("label", label)
			.update();
		if (removed == 0) {
			throw notFound(pacticipant, label);
		}
	}

	/** The pacticipant's labels, by name. */
	@Transactional(readOnly = true)
	public List<String> labelsOf(long pacticipantId) {
		return this.jdbc.sql("select name from labels where pacticipant_id = :id order by name")
			.param("id", pacticipantId)
			.query(String.class)
			.list();
	}

	/** The pacticipants carrying the label, by name. */
	@Transactional(readOnly = true)
	public List<PacticipantView> pacticipantsWith(String label) {
		return this.jdbc.sql("""
				select p.name from labels l join pacticipants p on p.id = l.pacticipant_id
				where l.name = :label order by lower(p.name)""")
			.param("label", label)
			.query(String.class)
			.list()
			.stream()
			.map(this.pacticipants::get)
			.toList();
	}

	/** Every label in use, by name. */
	@Transactional(readOnly = true)
	public List<String> all() {
		return this.jdbc.sql("select distinct name from labels order by name").query(String.class).list();
	}

	static NotFoundException notFound(String pacticipant, String label) {
		return new NotFoundException("No label '" + label + "' found for pacticipant " + pacticipant);
	}

}
