package io.concordat.pacticipant;

/**
 * The outcome of a create-or-update: the resource, and whether it was created (201) or
 * already existed (200).
 *
 * @param <T> the view
 * @param value the resource after the request
 * @param created whether the request created it
 */
public record Upserted<T>(T value, boolean created) {

}
