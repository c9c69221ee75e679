/**
 * The compatibility matrix and the questions asked of it: can-i-deploy (to an environment
 * or a tag) and can-i-merge (against the main branch), answered {@code true},
 * {@code false} or unknown, each "no" explained with the integration, the counterpart
 * version and where it runs, and the interactions that failed.
 *
 * <p>
 * A decision reads a bounded number of rows per integration: selectors resolve to version
 * ids through indexes, counterparts come from the current deployment and release rows,
 * and only the pacts of those versions are joined with the latest verification of their
 * content by those provider versions.
 *
 * <p>
 * The decisions' SQL reads the read models the other modules maintain for it:
 * {@code versions}, {@code branch_heads} and {@code tags} (pacticipant),
 * {@code latest_pact_publications} (publication), {@code latest_verifications} and the
 * interaction results (verification), and the {@code versions_in_environments} view
 * (deployment). The dashboard and the metrics, which summarise every module, call their
 * services.
 */
@ApplicationModule(
		allowedDependencies = { "verification", "deployment", "publication", "pacticipant", "webhook", "web" })
@NullMarked
package io.concordat.matrix;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
