package io.concordat.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every error in the shape the asking client parses: the Pact Broker's legacy
 * bodies ({@code {"errors": {…}}}, {@code {"error": "…"}}) by default, RFC 9457
 * problem+json when the client's Accept header names {@code application/problem+json}.
 * Bad input never becomes a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

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
		if (wantsProblem(request)) {
			Map<String, Object> problem = problem("Conflict", "conflict", HttpStatus.CONFLICT, ex.getMessage());
			problem.putAll(withoutKey(ex.legacyBody(), "error"));
			return body(HttpStatus.CONFLICT, MediaTypes.PROBLEM_JSON, problem);
		}
		return body(HttpStatus.CONFLICT, ex.legacyContentType(), ex.legacyBody());
	}

	@ExceptionHandler
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
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

	/**
	 * Spring MVC's own failures (unknown route, wrong method, unsupported media type,
	 * unreadable JSON) in the same two shapes.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode status, WebRequest webRequest) {
		HttpServletRequest request = ((ServletWebRequest) webRequest).getRequest();
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
			Throwable cause = unreadable.getMostSpecificCause();
			String detail = (cause.getMessage() != null) ? cause.getMessage().lines().findFirst().orElse("") : "";
			return "Error parsing JSON - " + detail;
		}
		if (ex instanceof NoResourceFoundException) {
			return "Not found";
		}
		if (ex instanceof ErrorResponse response && response.getBody().getDetail() != null) {
			return response.getBody().getDetail();
		}
		return (ex.getMessage() != null) ? ex.getMessage() : String.valueOf(status.value());
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

	private static Map<String, Object> withoutKey(Map<String, Object> map, String key) {
		Map<String, Object> copy = new LinkedHashMap<>(map);
		copy.remove(key);
		return copy;
	}

}
