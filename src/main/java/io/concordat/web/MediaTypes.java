package io.concordat.web;

import org.springframework.http.MediaType;

/**
 * The media types of the Pact Broker API. Responses carry {@code ;charset=utf-8} exactly
 * as the Pact Broker writes it.
 */
public final class MediaTypes {

	public static final MediaType HAL_JSON = MediaType.parseMediaType("application/hal+json;charset=utf-8");

	public static final MediaType JSON = MediaType.parseMediaType("application/json;charset=utf-8");

	public static final MediaType PROBLEM_JSON = MediaType.parseMediaType("application/problem+json;charset=utf-8");

	public static final MediaType TEXT_PLAIN = MediaType.parseMediaType("text/plain;charset=utf-8");

	public static final String MERGE_PATCH_JSON_VALUE = "application/merge-patch+json";

	private MediaTypes() {
	}

}
