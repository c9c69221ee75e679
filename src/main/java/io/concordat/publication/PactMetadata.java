package io.concordat.publication;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * The opaque {@code /metadata/{m}} segment of pact URLs: Base64url (no padding) of a
 * query string with short keys ({@code cvn} consumer version number, {@code w} WIP,
 * {@code p} pending, …). Clients only echo it back; a segment that does not decode is
 * treated as empty rather than refused, since it only refines which version is meant.
 *
 * @param values each key's values, in order
 */
public record PactMetadata(Map<String, List<String>> values) {

	public static PactMetadata empty() {
		return new PactMetadata(Map.of());
	}

	public static PactMetadata consumerVersion(String number) {
		return new PactMetadata(Map.of("cvn", List.of(number)));
	}

	public static PactMetadata decode(@Nullable String segment) {
		if (segment == null || segment.isBlank()) {
			return empty();
		}
		String query;
		try {
			query = new String(Base64.getUrlDecoder().decode(segment.replace("=", "")), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return empty();
		}
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			values.computeIfAbsent(key.replace("[]", ""), (k) -> new ArrayList<>()).add(value);
		}
		return new PactMetadata(values);
	}

	public String encode() {
		StringJoiner query = new StringJoiner("&");
		this.values.forEach((key, list) -> {
			String name = (list.size() > 1) ? key + "[]" : key;
			for (String value : list) {
				query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		});
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(query.toString().getBytes(StandardCharsets.UTF_8));
	}

	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	public @Nullable String first(String key) {
		List<String> list = this.values.get(key);
		return (list == null || list.isEmpty()) ? null : list.get(0);
	}

	public @Nullable String consumerVersionNumber() {
		return first("cvn");
	}

}
