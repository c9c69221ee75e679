package io.concordat.deployment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An environment versions are deployed or released to.
 *
 * @param id database id
 * @param uuid the id in its URL
 * @param name unique name, as deployment pipelines name it
 * @param displayName human name (derived from the name when none was given)
 * @param production whether it is a production environment (informational)
 * @param contacts who is responsible for it, or null when none were given
 * @param createdAt when it was created
 * @param updatedAt when it was last replaced, or its creation time
 */
public record EnvironmentView(long id, UUID uuid, String name, String displayName, boolean production,
		@Nullable List<Contact> contacts, Instant createdAt, Instant updatedAt) {

}
