package io.concordat.pacticipant;

import java.util.List;

/**
 * One page of a collection and the size of the whole collection.
 *
 * @param <T> the item view
 * @param items this page's items
 * @param total items in the whole collection
 */
public record Listing<T>(List<T> items, long total) {

}
