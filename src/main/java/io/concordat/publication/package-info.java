/**
 * Consumers publish pacts: contracts are validated, parsed once into the normalised
 * model, stored once per distinct content, attached to consumer versions, and served back
 * in the Pact Broker's shapes.
 */
@ApplicationModule(allowedDependencies = { "pacticipant", "web" })
@NullMarked
package io.concordat.publication;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
