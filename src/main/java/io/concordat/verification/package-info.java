/**
 * Providers verify pacts: which pacts a provider build must verify (consumer version
 * selectors, pending and WIP pacts), and the verification results it publishes, with each
 * interaction's outcome.
 */
@ApplicationModule(allowedDependencies = { "publication", "deployment", "pacticipant", "web" })
@NullMarked
package io.concordat.verification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
