package io.concordat.web;

import java.util.List;
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

	/**
	 * Adds relations to several resources rendered together, such as a page of versions.
	 * A contributor that reads data for its links overrides this to read it for all of
	 * them at once; by default each is contributed to in turn.
	 * @param resources the views, in order
	 * @param links each one's links so far, in the same order; add to them
	 */
	default void contributeAll(List<T> resources, List<Map<String, Object>> links) {
		for (int i = 0; i < resources.size(); i++) {
			contribute(resources.get(i), links.get(i));
		}
	}

}
