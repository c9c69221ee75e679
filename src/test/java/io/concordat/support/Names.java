package io.concordat.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unique names, so tests sharing one database never see each other's data.
 */
public final class Names {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

	private static final AtomicInteger counter = new AtomicInteger();

	private Names() {
	}

	public static String unique(String prefix) {
		return prefix + "-" + RUN + counter.incrementAndGet();
	}

}
