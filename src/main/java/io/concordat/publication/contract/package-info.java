/**
 * Concordat's own model of a Pact document (specification v1 to v4), parsed once at
 * publication: interactions, provider states, matching rules and the fields the consumer
 * sends and reads, plus the content identity.
 */
@NullMarked
package io.concordat.publication.contract;

import org.jspecify.annotations.NullMarked;
