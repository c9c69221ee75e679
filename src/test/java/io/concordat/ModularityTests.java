package io.concordat;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Fails the build when a module reaches into another's internals, depends on a module it
 * does not declare, or the modules form a cycle.
 */
class ModularityTests {

	@Test
	void modulesDependOnlyOnWhatTheyDeclare() {
		ApplicationModules.of(ConcordatApplication.class).verify();
	}

}
