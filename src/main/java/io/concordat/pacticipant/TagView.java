package io.concordat.pacticipant;

import java.time.Instant;

/**
 * A tag on a version.
 *
 * @param name the tag
 * @param createdAt when it was added
 */
public record TagView(String name, Instant createdAt) {

}
