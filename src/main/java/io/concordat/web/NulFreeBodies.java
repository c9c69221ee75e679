package io.concordat.web;

import java.lang.reflect.Type;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a JSON body with a NUL character ({@code \u0000}) in any key or string, naming
 * where it is. PostgreSQL stores neither text nor jsonb with NUL in it; left alone, the
 * failure would surface from the database as a conflict and invite the client to retry
 * for ever.
 */
@ControllerAdvice
class NulFreeBodies extends RequestBodyAdviceAdapter {

	/**
	 * {@code \u0000} in JSON text (a pact sent as a string body), not preceded by an
	 * escaping backslash.
	 */
	private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)(\\\\\\\\)*\\\\u0000");

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return JsonNode.class.isAssignableFrom(parameter.getParameterType())
				|| String.class == parameter.getParameterType();
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		if (body instanceof JsonNode node) {
			String pointer = JsonBodies.nulAt(node);
			if (pointer != null) {
				String field = pointer.isEmpty() ? "body" : pointer.substring(1).replace('/', '.');
				throw InvalidRequestException.field(field, "cannot contain NUL characters");
			}
		}
		if (body instanceof String text && (text.indexOf('\0') >= 0 || NUL_ESCAPE.matcher(text).find())) {
			throw InvalidRequestException.field("body", "cannot contain NUL characters");
		}
		return body;
	}

}
