package io.concordat.web;

import java.util.Map;

/**
 * Lets a feature add links to another feature's resource without the owner knowing it:
 * the pacticipant version resource lists its pacts, for example, although pacticipants
 * know nothing of pacts.
 *
 * @param <T> the view the resource is built from
 */
public interface LinkContributor<T> {

	/**
	 * Adds relations to the resource's {@code _links}.
	 * @param resource the view the resource is rendered from
	 * @param links the links so far, in order; add to it
	 */
	void contribute(T resource, Map<String, Object> links);

}
