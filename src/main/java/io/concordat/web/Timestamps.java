package io.concordat.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * Timestamps as the Pact Broker writes them: UTC, whole seconds, {@code +00:00} rather
 * than {@code Z}.
 */
public final class Timestamps {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

	private Timestamps() {
	}

	public static @Nullable String format(@Nullable Instant instant) {
		if (instant == null) {
			return null;
		}
		return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
	}

	public static @Nullable String format(@Nullable OffsetDateTime dateTime) {
		return (dateTime != null) ? format(dateTime.toInstant()) : null;
	}

}
