package io.concordat.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The Pact Broker's pagination: {@code pageNumber}/{@code pageSize} or
 * {@code page}/{@code size}, 1-based, default size 100. The {@code page} object and
 * next/previous links appear only when the client asked for a page.
 *
 * @param number the 1-based page number
 * @param size the page size
 * @param requested whether the client sent paging parameters
 */
public record Paging(int number, int size, boolean requested) {

	public static final int DEFAULT_SIZE = 100;

	public static Paging of(@Nullable String pageNumber, @Nullable String pageSize, @Nullable String page,
			@Nullable String size) {
		String number = (pageNumber != null) ? pageNumber : page;
		String perPage = (pageSize != null) ? pageSize : size;
		boolean requested = number != null || perPage != null;
		FieldErrors errors = new FieldErrors();
		int n = parse(number, 1, "pageNumber", errors);
		int s = parse(perPage, DEFAULT_SIZE, "pageSize", errors);
		errors.throwIfAny();
		return new Paging(n, s, requested);
	}

	public int offset() {
		return (this.number - 1) * this.size;
	}

	/**
	 * Adds {@code page} and the {@code next}/{@code previous} links, if paging was
	 * requested.
	 */
	public void describe(long totalElements, String selfHref, Map<String, Object> body, Map<String, Object> links) {
		if (!this.requested) {
			return;
		}
		long totalPages = (totalElements + this.size - 1) / this.size;
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("number", this.number);
		page.put("size", this.size);
		page.put("totalElements", totalElements);
		page.put("totalPages", totalPages);
		body.put("page", page);
		if (this.number < totalPages) {
			links.put("next", Link.to(selfHref + "?size=" + this.size + "&page=" + (this.number + 1), "Next page"));
		}
		if (this.number > 1) {
			links.put("previous",
					Link.to(selfHref + "?size=" + this.size + "&page=" + (this.number - 1), "Previous page"));
		}
	}

	private static int parse(@Nullable String value, int fallback, String field, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed >= 1) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(field, "must be a whole number of at least 1");
		return fallback;
	}

}
