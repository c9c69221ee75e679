package io.concordat.pacticipant;

/**
 * Just enough of a pacticipant to find or write rows that point at it: no details, and
 * none of the extra queries a {@link PacticipantView} costs.
 *
 * @param id the pacticipant's id
 * @param name its name
 */
public record PacticipantRef(long id, String name) {

}
