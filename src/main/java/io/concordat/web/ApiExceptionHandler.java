package io.concordat.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Renders every error in the shape the asking client parses: the Pact Broker's legacy
 * bodies ({@code {"errors": {…}}}, {@code {"error": "…"}}) by default, RFC 9457
 * problem+json when the client's Accept header names {@code application/problem+json}.
 * Bad input never becomes a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

	/**
	 * A qualified Java class name ({@code tools.jackson.databind.JsonNode}): never shown
	 * to a client, whose words are JSON and HTTP.
	 */
	private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");

	private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(start marker at )?\\[Source:.*$");

	/**
	 * PostgreSQL's SQLSTATE class 22 (data exception: NUL, invalid encoding, a value too
	 * long) and 54000 (program limit: an index row too big) are about the value sent, not
	 * about a race; retrying would fail again.
	 */
	private static final Pattern UNSTORABLE_VALUE = Pattern.compile("22\\w{3}|54000");

	private final Links links;

	ApiExceptionHandler(Links links) {
		this.links = links;
	}

	@ExceptionHandler
	ResponseEntity<Object> invalid(InvalidRequestException ex, HttpServletRequest request) {
		if (wantsProblem(request)) {
			Map<String, Object> problem = problem("Validation errors", "validation-error", ex.getStatusCode(), null);
			problem.put("instance", "/");
			List<Map<String, Object>> errors = new ArrayList<>();
			for (FieldErrors.FieldError error : ex.fieldErrors().all()) {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("type", this.links.baseUrl() + "/problems/invalid-body-property-value");
				item.put("title", "Invalid body parameter");
				item.put("detail", error.message());
				item.put("pointer", error.pointer());
				errors.add(item);
			}
			for (String message : ex.messages()) {
				errors.add(Map.of("type", this.links.baseUrl() + "/problems/invalid-request", "title",
						"Invalid request", "detail", message));
			}
			problem.put("errors", errors);
			return body(ex.getStatusCode(), MediaTypes.PROBLEM_JSON, problem);
		}
		Object errors = ex.messages().isEmpty() ? ex.fieldErrors().byField() : ex.messages();
		return body(ex.getStatusCode(), MediaTypes.HAL_JSON, Map.of("errors", errors));
	}

	@ExceptionHandler
	ResponseEntity<Object> notFound(NotFoundException ex, HttpServletRequest request) {
		if (wantsProblem(request)) {
			return body(HttpStatus.NOT_FOUND, MediaTypes.PROBLEM_JSON,
					problem("Not found", "not-found", HttpStatus.NOT_FOUND, ex.getMessage()));
		}
		return body(HttpStatus.NOT_FOUND, MediaTypes.HAL_JSON, Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> conflict(ConflictException ex, HttpServletRequest request) {
		Map<String, Object> facts = new LinkedHashMap<>();
		if (!ex.notices().isEmpty()) {
			List<Map<String, String>> notices = new ArrayList<>();
			for (ConflictException.Notice notice : ex.notices()) {
				Map<String, String> item = new LinkedHashMap<>();
				item.put("type", notice.type());
				item.put("text", notice.text());
				notices.add(item);
			}
			facts.put("notices", notices);
		}
		if (ex.field() != null) {
			facts.put("errors", Map.of(ex.field(), ex.fieldMessages()));
		}
		if (wantsProblem(request)) {
			Map<String, Object> problem = problem("Conflict", "conflict", HttpStatus.CONFLICT, ex.getMessage());
			problem.putAll(facts);
			return body(HttpStatus.CONFLICT, MediaTypes.PROBLEM_JSON, problem);
		}
		if (facts.isEmpty()) {
			return body(HttpStatus.CONFLICT, MediaTypes.HAL_JSON, Map.of("error", ex.getMessage()));
		}
		// The Pact Broker answers a refused POST /contracts/publish, the one conflict
		// with
		// notices, as plain JSON; its other 409s are HAL.
		return body(HttpStatus.CONFLICT, ex.notices().isEmpty() ? MediaTypes.HAL_JSON : MediaTypes.JSON, facts);
	}

	/**
	 * Tomcat's own refusal of a query string that the guard let through (too many
	 * parameters, for one).
	 */
	@ExceptionHandler
	ResponseEntity<Object> unreadableQuery(InvalidParameterException ex, HttpServletRequest request) {
		log.info("Unreadable query string: " + ex.getMessage());
		return invalid(InvalidRequestException.field("query", "could not be read as query parameters"), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> tooLarge(RequestTooLargeException ex, HttpServletRequest request) {
		return message(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> mediaType(MediaTypeException ex, HttpServletRequest request) {
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		return message(status, (status == HttpStatus.NOT_ACCEPTABLE) ? "not-acceptable" : "unsupported-media-type",
				ex.getMessage(), request);
	}

	/**
	 * The last line of defence for values the edge should have refused: the database
	 * could not store or compare them. The client hears which kind of value, never SQL.
	 */
	@ExceptionHandler
	ResponseEntity<Object> unstorable(DataAccessException ex, HttpServletRequest request) {
		String state = sqlState(ex);
		if (state == null || !UNSTORABLE_VALUE.matcher(state).matches()) {
			return unexpected(ex, request);
		}
		log.warn("A value reached the database that the edge should have refused (SQLSTATE " + state + "): "
				+ ex.getMostSpecificCause().getMessage());
		return invalid(
				InvalidRequestException.messages(List.of("A value in the request is too long or contains characters "
						+ "that cannot be stored (names are at most " + Names.MAX_LENGTH
						+ " characters of one-line text)")),
				request);
	}

	@ExceptionHandler
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
		String state = sqlState(ex);
		if (state != null && UNSTORABLE_VALUE.matcher(state).matches()) {
			return unstorable(ex, request);
		}
		// Two requests raced to create the same thing; the loser is told to retry rather
		// than shown SQL.
		log.info("Conflicting concurrent write: " + ex.getMostSpecificCause().getMessage());
		String message = "The request conflicted with a concurrent change; please retry";
		if (wantsProblem(request)) {
			return body(HttpStatus.CONFLICT, MediaTypes.PROBLEM_JSON,
					problem("Conflict", "conflict", HttpStatus.CONFLICT, message));
		}
		return body(HttpStatus.CONFLICT, MediaTypes.HAL_JSON, Map.of("error", message));
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		String reference = UUID.randomUUID().toString().substring(0, 10);
		log.error("Unexpected error (reference " + reference + ") for " + request.getMethod() + " "
				+ request.getRequestURI(), ex);
		String message = "An error has occurred. The details have been logged with the reference " + reference;
		if (wantsProblem(request)) {
			return body(HttpStatus.INTERNAL_SERVER_ERROR, MediaTypes.PROBLEM_JSON,
					problem("Server error", "server-error", HttpStatus.INTERNAL_SERVER_ERROR, message));
		}
		return body(HttpStatus.INTERNAL_SERVER_ERROR, MediaTypes.HAL_JSON,
				Map.of("error", Map.of("message", message, "reference", reference)));
	}

	private ResponseEntity<Object> message(HttpStatus status, String type, String message, HttpServletRequest request) {
		if (wantsProblem(request)) {
			return body(status, MediaTypes.PROBLEM_JSON, problem(titleFor(status), type, status, message));
		}
		return body(status, MediaTypes.HAL_JSON, Map.of("error", message));
	}

	private static @Nullable String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	/**
	 * A request parameter of the wrong type
	 * ({@code verification-results/99999999999999999999} is no {@code long}): a 400
	 * naming the parameter, in the Pact Broker's validation shape.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		Class<?> required = ex.getRequiredType();
		String expected = (required != null && (Number.class.isAssignableFrom(required) || required.isPrimitive()))
				? "must be a whole number within range" : "is not valid";
		return invalid(InvalidRequestException.field(name, expected), ((ServletWebRequest) request).getRequest());
	}

	/**
	 * Spring MVC's own failures (unknown route, wrong method, unsupported media type,
	 * unreadable JSON) in the same two shapes.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode status, WebRequest webRequest) {
		HttpServletRequest request = ((ServletWebRequest) webRequest).getRequest();
		RequestTooLargeException tooLarge = causeOfType(ex, RequestTooLargeException.class);
		if (tooLarge != null) {
			return tooLarge(tooLarge, request);
		}
		String message = messageFor(ex, status);
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return ResponseEntity.status(status).build();
		}
		HttpHeaders responseHeaders = new HttpHeaders();
		responseHeaders.putAll(headers);
		if (wantsProblem(request)) {
			responseHeaders.setContentType(MediaTypes.PROBLEM_JSON);
			return new ResponseEntity<>(problem(titleFor(status), typeFor(status), status, message), responseHeaders,
					status);
		}
		responseHeaders.setContentType(MediaTypes.HAL_JSON);
		Object legacy = (status.value() == HttpStatus.BAD_REQUEST.value())
				? Map.of("errors", Map.of("body", List.of(message))) : Map.of("error", message);
		return new ResponseEntity<>(legacy, responseHeaders, status);
	}

	private static String messageFor(Exception ex, HttpStatusCode status) {
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			return "Error parsing JSON - " + jsonProblem(unreadable);
		}
		if (ex instanceof NoResourceFoundException) {
			return "Not found";
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return "The query parameter '" + missing.getParameterName() + "' is missing";
		}
		String message = (ex instanceof ErrorResponse response && response.getBody().getDetail() != null)
				? response.getBody().getDetail() : ex.getMessage();
		if (message == null || CLASS_NAME.matcher(message).find()) {
			return titleFor(status);
		}
		return message;
	}

	/**
	 * What is wrong with the JSON, in the words of JSON: the parser's own message without
	 * its location suffix ({@code [Source: …; line: 1, column: 9]}) and never the Java
	 * type it was reading into.
	 */
	private static String jsonProblem(HttpMessageNotReadableException ex) {
		StreamReadException syntax = causeOfType(ex, StreamReadException.class);
		if (syntax != null) {
			String original = syntax.getOriginalMessage();
			String first = (original != null) ? original.lines().findFirst().orElse("") : "";
			// "expected close marker for Object (start marker at [Source: REDACTED …])"
			first = SOURCE.matcher(first).replaceAll("").trim();
			String where = (syntax.getLocation() != null && syntax.getLocation().getLineNr() > 0)
					? " at line " + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr()
					: "";
			if (!first.isEmpty() && !CLASS_NAME.matcher(first).find() && !first.contains("Feature")) {
				return first + where;
			}
			return "the body is not valid JSON" + where;
		}
		JacksonException jackson = causeOfType(ex, JacksonException.class);
		if (jackson != null && jackson.getOriginalMessage() != null
				&& jackson.getOriginalMessage().startsWith("Trailing token")) {
			return "the body holds more than one JSON value";
		}
		if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			return "the body is missing";
		}
		return "the body is not valid JSON";
	}

	private static <T extends Throwable> @Nullable T causeOfType(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private static String titleFor(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	private static String typeFor(HttpStatusCode status) {
		return titleFor(status).toLowerCase().replace(' ', '-');
	}

	private Map<String, Object> problem(String title, String type, HttpStatusCode status, @Nullable String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("title", title);
		problem.put("type", this.links.baseUrl() + "/problems/" + type);
		problem.put("status", status.value());
		if (detail != null) {
			problem.put("detail", detail);
		}
		return problem;
	}

	private static boolean wantsProblem(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("application/problem+json");
	}

	private static ResponseEntity<Object> body(HttpStatusCode status, MediaType type, Object body) {
		return ResponseEntity.status(status).contentType(type).body(body);
	}

}
