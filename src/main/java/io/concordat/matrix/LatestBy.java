package io.concordat.matrix;

import org.jspecify.annotations.Nullable;

/**
 * Which rows the matrix keeps when several share a key: one per consumer version ×
 * provider version ({@code cvpv}, what environments need, since several provider versions
 * may be live there), per consumer version × provider (the newest provider version,
 * {@code cvp}), or per consumer × provider ({@code cp}).
 */
public enum LatestBy {

	CVPV, CVP, CP;

	public static @Nullable LatestBy parse(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		return switch (value) {
			case "cvpv" -> CVPV;
			case "cvp" -> CVP;
			case "cp" -> CP;
			default -> null;
		};
	}

}
