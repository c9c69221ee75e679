/**
 * Who publishes and verifies contracts: pacticipants, their versions (ordered by
 * creation), branches with their heads, tags, and main-branch detection.
 */
@ApplicationModule(allowedDependencies = "web")
@NullMarked
package io.concordat.pacticipant;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
