package io.concordat.deployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.concordat.pacticipant.DisplayNames;
import io.concordat.web.FieldErrors;
import io.concordat.web.InvalidRequestException;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, replaces, finds and deletes environments. Deleting one deletes the deployments
 * and releases recorded in it.
 */
@Service
@Transactional
public class EnvironmentService {

	static final String COLUMNS = "e.id, e.uuid, e.name, e.display_name, e.production, e.contacts::text as contacts, "
			+ "e.created_at, e.updated_at";

	private static final TypeReference<List<Map<String, @Nullable Object>>> CONTACTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	EnvironmentService(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Every environment, by display name. */
	@Transactional(readOnly = true)
	public List<EnvironmentView> list() {
		return this.jdbc.sql("select " + COLUMNS + " from environments e order by lower(e.display_name), e.name")
			.query(this::row)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<EnvironmentView> find(UUID uuid) {
		return this.jdbc.sql("select " + COLUMNS + " from environments e where e.uuid = :uuid")
			.param("uuid", uuid)
			.query(this::row)
			.optional();
	}

	@Transactional(readOnly = true)
	public EnvironmentView get(UUID uuid) {
		return find(uuid).orElseThrow(() -> notFound(uuid));
	}

	@Transactional(readOnly = true)
	public Optional<EnvironmentView> findByName(String name) {
		return this.jdbc.sql("select " + COLUMNS + " from environments e where e.name = :name")
			.param("name", name)
			.query(this::row)
			.optional();
	}

	/** {@code POST /environments}: a new environment with a new id. */
	public EnvironmentView create(EnvironmentDetails details) {
		return create(UUID.randomUUID(), details);
	}

	/**
	 * A new environment with the id the caller chose (data moved from a Pact Broker keeps
	 * its ids). The name must be unused (400 otherwise, as the Pact Broker answers).
	 */
	public EnvironmentView create(UUID uuid, EnvironmentDetails details) {
		validate(uuid, details);
		int inserted = this.jdbc.sql("""
				insert into environments (uuid, name, display_name, production, contacts)
				values (:uuid, :name, :displayName, :production, :contacts::jsonb)
				on conflict do nothing""")
			.param("uuid", uuid)
			.param("name", details.name())
			.param("displayName", displayName(details))
			.param("production", details.production())
			.param("contacts", contactsJson(details.contacts()))
			.update();
		if (inserted == 0) {
			// Another request created it since the check above: answer as if this one had
			// come second, which it did.
			validate(uuid, details);
			throw InvalidRequestException.field("uuid", "is already used by an existing environment.");
		}
		return get(uuid);
	}

	/**
	 * {@code PUT /environments/{uuid}}: replaces every detail (absent contacts are
	 * removed); the environment must exist.
	 */
	public EnvironmentView replace(UUID uuid, EnvironmentDetails details) {
		get(uuid);
		validate(uuid, details);
		this.jdbc.sql("""
				update environments set name = :name, display_name = :displayName, production = :production,
				    contacts = :contacts::jsonb, updated_at = now()
				where uuid = :uuid""")
			.param("uuid", uuid)
			.param("name", details.name())
			.param("displayName", displayName(details))
			.param("production", details.production())
			.param("contacts", contactsJson(details.contacts()))
			.update();
		return get(uuid);
	}

	/** Deletes the environment with the deployments and releases recorded in it. */
	public void delete(UUID uuid) {
		int deleted = this.jdbc.sql("delete from environments where uuid = :uuid").param("uuid", uuid).update();
		if (deleted == 0) {
			throw notFound(uuid);
		}
	}

	static NotFoundException notFound(UUID uuid) {
		return new NotFoundException("No environment with UUID " + uuid + " found");
	}

	/**
	 * The Pact Broker's environment rules: a one-line name without spaces that no other
	 * environment uses, a one-line display name, and contacts that each have a one-line
	 * name.
	 */
	private void validate(UUID uuid, EnvironmentDetails details) {
		FieldErrors errors = new FieldErrors();
		String name = details.name();
		String nameProblem = EnvironmentDetails.nameProblem(name);
		if (nameProblem != null) {
			errors.add("name", nameProblem);
		}
		else {
			findByName(name).filter((existing) -> !existing.uuid().equals(uuid))
				.ifPresent((existing) -> errors.add("name",
						"name '" + name + "' is already used by an existing environment."));
		}
		String displayNameProblem = EnvironmentDetails.lineProblem(details.displayName());
		if (displayNameProblem != null) {
			errors.add("displayName", displayNameProblem);
		}
		List<Contact> contacts = (details.contacts() != null) ? details.contacts() : List.of();
		for (int i = 0; i < contacts.size(); i++) {
			String contactName = contacts.get(i).name();
			if (contactName.isEmpty()) {
				errors.add("contacts", i, "name must be filled");
			}
			else if (EnvironmentDetails.lineProblem(contactName) != null) {
				errors.add("contacts", i, "name " + EnvironmentDetails.lineProblem(contactName));
			}
		}
		errors.throwIfAny();
	}

	private static String displayName(EnvironmentDetails details) {
		String displayName = details.displayName();
		return (displayName == null || displayName.isBlank()) ? DisplayNames.derive(details.name()) : displayName;
	}

	private @Nullable String contactsJson(@Nullable List<Contact> contacts) {
		if (contacts == null) {
			return null;
		}
		List<Map<String, @Nullable Object>> plain = new ArrayList<>();
		for (Contact contact : contacts) {
			Map<String, @Nullable Object> item = new LinkedHashMap<>();
			item.put("name", contact.name());
			if (contact.details() != null) {
				item.put("details", contact.details());
			}
			plain.add(item);
		}
		return this.json.writeValueAsString(plain);
	}

	@SuppressWarnings("unchecked")
	private @Nullable List<Contact> contacts(@Nullable String text) {
		if (text == null) {
			return null;
		}
		List<Contact> contacts = new ArrayList<>();
		for (Map<String, @Nullable Object> item : this.json.readValue(text, CONTACTS)) {
			Object details = item.get("details");
			contacts.add(new Contact(String.valueOf(item.get("name")),
					(details instanceof Map<?, ?> map) ? (Map<String, @Nullable Object>) map : null));
		}
		return contacts;
	}

	EnvironmentView row(ResultSet rs, int n) throws SQLException {
		return row(rs, "");
	}

	/**
	 * An environment from a result set whose environment columns carry a prefix (joins
	 * with deployments name them {@code env_…}).
	 */
	EnvironmentView row(ResultSet rs, String prefix) throws SQLException {
		return new EnvironmentView(rs.getLong(prefix + "id"), rs.getObject(prefix + "uuid", UUID.class),
				rs.getString(prefix + "name"), rs.getString(prefix + "display_name"),
				rs.getBoolean(prefix + "production"), contacts(rs.getString(prefix + "contacts")),
				rs.getTimestamp(prefix + "created_at").toInstant(), rs.getTimestamp(prefix + "updated_at").toInstant());
	}

}
