package io.concordat.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds the absolute hrefs of HAL links. The base is the configured
 * {@code concordat.web.base-url}, or the current request's own base (X-Forwarded-*
 * honoured), so links work behind a proxy.
 *
 * <p>
 * Each path segment is encoded like the Pact Broker's {@code ERB::Util.url_encode}:
 * everything but {@code A-Za-z0-9_.-~} is percent-encoded, so a branch {@code feat/x}
 * stays one segment ({@code feat%2Fx}).
 */
@Component
public class Links {

	private final @Nullable String configuredBaseUrl;

	public Links(WebProperties properties) {
		this.configuredBaseUrl = (properties.baseUrl() != null) ? stripTrailingSlash(properties.baseUrl()) : null;
	}

	/** The base URL without a trailing slash. */
	public String baseUrl() {
		if (this.configuredBaseUrl != null) {
			return this.configuredBaseUrl;
		}
		return stripTrailingSlash(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
	}

	/** An absolute href made of the given raw (unencoded) path segments. */
	public String href(String... segments) {
		StringJoiner path = new StringJoiner("/", baseUrl() + "/", "");
		for (String segment : segments) {
			path.add(encode(segment));
		}
		return path.toString();
	}

	/**
	 * An absolute href for a path that is already encoded or templated, e.g.
	 * {@code /pacticipants/{pacticipant}}.
	 */
	public String raw(String encodedPath) {
		return baseUrl() + encodedPath;
	}

	/** Appends a query string of raw names and values to an href. */
	public static String withQuery(String href, Map<String, String> query) {
		if (query.isEmpty()) {
			return href;
		}
		StringJoiner joiner = new StringJoiner("&", href + "?", "");
		query.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
		return joiner.toString();
	}

	public static String encode(String segment) {
		StringBuilder encoded = new StringBuilder(segment.length() + 8);
		for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
					|| c == '-' || c == '~') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	private static String stripTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
