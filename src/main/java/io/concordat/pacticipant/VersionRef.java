package io.concordat.pacticipant;

/**
 * Just enough of a version to write rows that point at it.
 *
 * @param id the version's id
 * @param pacticipantId its pacticipant's id
 * @param number its number
 * @param order its creation order
 */
public record VersionRef(long id, long pacticipantId, String number, long order) {

}
