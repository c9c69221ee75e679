package io.concordat.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page the servlet container forwards to when something fails outside Spring
 * MVC's exception handling, answered in the API's error shapes rather than Spring Boot's
 * own. Asked for directly, {@code /error} names nothing: 404, not the 500 Spring Boot's
 * controller answers for a request that carries no error.
 */
@Controller
class ApiErrorController implements ErrorController {

	private final Links links;

	ApiErrorController(Links links) {
		this.links = links;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer number && HttpStatus.resolve(number) != null)
				? HttpStatus.valueOf(number) : HttpStatus.NOT_FOUND;
		String message = (status == HttpStatus.NOT_FOUND) ? "Not found" : status.getReasonPhrase();
		String accept = request.getHeader("Accept");
		if (accept != null && accept.contains("application/problem+json")) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("title", status.getReasonPhrase());
			String type = (status == HttpStatus.NOT_FOUND) ? "not-found" : status.is5xxServerError() ? "server-error"
					: status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
			problem.put("type", this.links.baseUrl() + "/problems/" + type);
			problem.put("status", status.value());
			problem.put("detail", message);
			return ResponseEntity.status(status).contentType(MediaTypes.PROBLEM_JSON).body(problem);
		}
		return ResponseEntity.status(status).contentType(MediaTypes.HAL_JSON).body(Map.of("error", message));
	}

}
