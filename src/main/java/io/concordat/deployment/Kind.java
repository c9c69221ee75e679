package io.concordat.deployment;

/**
 * How a version is present in an environment, and which presences a query asks for.
 */
public enum Kind {

	/**
	 * Currently deployed (recorded with record-deployment, not replaced or undeployed).
	 */
	DEPLOYED,

	/** Released and still supported (recorded with record-release, support not ended). */
	RELEASED,

	/** Either; only ever a query, each row is {@link #DEPLOYED} or {@link #RELEASED}. */
	DEPLOYED_OR_RELEASED;

	boolean includesDeployed() {
		return this != RELEASED;
	}

	boolean includesReleased() {
		return this != DEPLOYED;
	}

}
