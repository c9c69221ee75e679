package io.concordat.pacticipant;

import java.time.Instant;

/**
 * A label on a pacticipant.
 *
 * @param pacticipant the pacticipant's name
 * @param name the label
 * @param createdAt when it was added
 */
public record LabelView(String pacticipant, String name, Instant createdAt) {

}
