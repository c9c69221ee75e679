package io.concordat.verification.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Parses a query string into nested maps and lists the way Rack's
 * {@code parse_nested_query} does, which is what Pact clients expect of the Pact Broker:
 * {@code a[]=1&a[]=2} is a list, {@code a[b]=1} a map, and
 * {@code s[][tag]=prod&s[][latest]=true&s[][tag]=main} a list of two maps (a new map
 * starts whenever the key is already in the last one). {@code s[]tag=prod} is read as
 * {@code s[][tag]=prod}.
 */
final class RackQuery {

	private static final Pattern NAME = Pattern.compile("\\A[\\[\\]]*([^\\[\\]]+)\\]*");

	private static final Pattern LIST_OF_MAPS = Pattern.compile("\\A\\[\\]\\[([^\\[\\]]+)\\]\\z");

	private static final Pattern LIST_OF_MAPS_SHORT = Pattern.compile("\\A\\[\\](.+)\\z", Pattern.DOTALL);

	private static final int MAX_DEPTH = 32;

	private RackQuery() {
	}

	static Map<String, Object> parse(@Nullable String query) {
		Map<String, Object> params = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return params;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? null : decode(pair.substring(equals + 1));
			normalise(params, name, value, MAX_DEPTH);
		}
		return params;
	}

	@SuppressWarnings("unchecked")
	private static void normalise(Map<String, Object> params, String name, @Nullable Object value, int depth) {
		if (depth <= 0) {
			throw new IllegalArgumentException("query parameters nested too deeply");
		}
		Matcher matcher = NAME.matcher(name);
		if (!matcher.find()) {
			return;
		}
		String key = matcher.group(1);
		String after = name.substring(matcher.end());
		if (after.isEmpty()) {
			params.put(key, value);
		}
		else if (after.equals("[")) {
			params.put(name, value);
		}
		else if (after.equals("[]")) {
			Object existing = params.computeIfAbsent(key, (k) -> new ArrayList<>());
			if (existing instanceof List<?> list) {
				((List<Object>) list).add(value);
			}
			else {
				throw new IllegalArgumentException("expected a list for parameter " + key);
			}
		}
		else if (childKey(after) != null) {
			String child = childKey(after);
			Object existing = params.computeIfAbsent(key, (k) -> new ArrayList<>());
			if (!(existing instanceof List<?>)) {
				throw new IllegalArgumentException("expected a list for parameter " + key);
			}
			List<Object> list = (List<Object>) existing;
			Object last = list.isEmpty() ? null : list.get(list.size() - 1);
			if (last instanceof Map<?, ?> map && !hasKey((Map<String, Object>) map, child)) {
				normalise((Map<String, Object>) map, child, value, depth - 1);
			}
			else {
				Map<String, Object> fresh = new LinkedHashMap<>();
				normalise(fresh, child, value, depth - 1);
				list.add(fresh);
			}
		}
		else {
			Object existing = params.computeIfAbsent(key, (k) -> new LinkedHashMap<String, Object>());
			if (!(existing instanceof Map<?, ?>)) {
				throw new IllegalArgumentException("expected a map for parameter " + key);
			}
			normalise((Map<String, Object>) existing, after, value, depth - 1);
		}
	}

	private static @Nullable String childKey(String after) {
		Matcher exact = LIST_OF_MAPS.matcher(after);
		if (exact.matches()) {
			return exact.group(1);
		}
		Matcher loose = LIST_OF_MAPS_SHORT.matcher(after);
		return loose.matches() ? loose.group(1) : null;
	}

	/** Whether the nested key ({@code a} or {@code a][b}) is already in the map. */
	@SuppressWarnings("unchecked")
	private static boolean hasKey(Map<String, Object> map, String key) {
		String[] parts = key.split("[\\[\\]]+");
		Object current = map;
		for (String part : parts) {
			if (part.isEmpty()) {
				continue;
			}
			if (!(current instanceof Map<?, ?> level) || !level.containsKey(part)) {
				return false;
			}
			current = ((Map<String, Object>) level).get(part);
		}
		return true;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
