/**
 * Where versions run: environments, the versions deployed to them (a new deployment of an
 * application instance replaces the previous one) and the versions released to them
 * (several supported at once). Other features ask which versions are currently in an
 * environment through {@link io.concordat.deployment.DeploymentService}, or in SQL
 * through the {@code versions_in_environments} view this module publishes, never through
 * its tables.
 */
@ApplicationModule(allowedDependencies = { "pacticipant", "web" })
@NullMarked
package io.concordat.deployment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
