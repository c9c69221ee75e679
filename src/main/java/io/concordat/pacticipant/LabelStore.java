package io.concordat.pacticipant;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code labels} rows. SQL rather than an entity (ADR 0006): a label is a name on a
 * pacticipant, added insert-or-ignore, never edited.
 */
@Repository
class LabelStore {

	private final JdbcClient jdbc;

	LabelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the label was new
	 */
	boolean add(long pacticipantId, String label) {
		return this.jdbc.sql("insert into labels (pacticipant_id, name) values (:id, :name) on conflict do nothing")
			.param("id", pacticipantId)
			.param("name", label)
			.update() == 1;
	}

	Optional<LabelView> find(String pacticipant, String label) {
		return this.jdbc.sql("""
				select p.name as pacticipant, l.name, l.created_at from labels l
				join pacticipants p on p.id = l.pacticipant_id where p.name = :pacticipant and l.name = :label""")
			.param("pacticipant", pacticipant)
			.param("label", label)
			.query((rs, n) -> new LabelView(rs.getString("pacticipant"), rs.getString("name"),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	/**
	 * @return whether there was such a label
	 */
	boolean remove(String pacticipant, String label) {
		return this.jdbc.sql("""
				delete from labels l using pacticipants p
				where p.id = l.pacticipant_id and p.name = :pacticipant and l.name = :label""")
			.param("pacticipant", pacticipant)
			.param("label", label)
			.update() > 0;
	}

	List<String> namesOf(long pacticipantId) {
		return this.jdbc.sql("select name from labels where pacticipant_id = :id order by name")
			.param("id", pacticipantId)
			.query(String.class)
			.list();
	}

	List<String> pacticipantsWith(String label) {
		return this.jdbc.sql("""
				select p.name from labels l join pacticipants p on p.id = l.pacticipant_id
				where l.name = :label order by lower(p.name)""").param("label", label).query(String.class).list();
	}

	List<String> all() {
		return this.jdbc.sql("select distinct name from labels order by name").query(String.class).list();
	}

}
