package io.concordat.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * A HAL link. Absent attributes are omitted from the JSON, as the Pact Broker does.
 *
 * @param href absolute URL, or an RFC 6570 level-1 template
 * @param title human title
 * @param name machine name (clients pick environment links by it, for example)
 * @param templated {@code true} for templates, otherwise absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String href, @Nullable String title, @Nullable String name, @Nullable Boolean templated) {

	public static Link to(String href) {
		return new Link(href, null, null, null);
	}

	public static Link to(String href, @Nullable String title) {
		return new Link(href, title, null, null);
	}

	public static Link to(String href, @Nullable String title, @Nullable String name) {
		return new Link(href, title, name, null);
	}

	public static Link template(String href, @Nullable String title) {
		return new Link(href, title, null, true);
	}

}
