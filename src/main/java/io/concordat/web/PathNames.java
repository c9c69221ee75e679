package io.concordat.web;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Applies {@link Names} to the names a path carries, before any controller sees them. The
 * Pact Broker creates versions, branches, tags and labels from the path alone
 * ({@code PUT /pacticipants/p/versions/v/tags/t} with body {@code {}}), so the path must
 * obey the same rule as a body. The other variables (ids, hashes, the opaque metadata
 * segment) are looked up, never stored, but still may not carry control characters, which
 * PostgreSQL cannot compare (NUL) and logs cannot show.
 */
class PathNames implements HandlerInterceptor {

	private static final Set<String> NAMES = Set.of("pacticipant", "provider", "consumer", "version", "otherVersion",
			"branch", "tag", "label", "environment");

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Object attribute = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (!(attribute instanceof Map<?, ?> variables)) {
			return true;
		}
		FieldErrors errors = new FieldErrors();
		variables.forEach((name, value) -> {
			String field = String.valueOf(name);
			String text = String.valueOf(value);
			if (NAMES.contains(field)) {
				Names.check(field, text, errors);
			}
			else {
				String problem = Names.textProblem(text);
				if (problem != null) {
					errors.add(field, problem);
				}
			}
		});
		errors.throwIfAny();
		return true;
	}

}
