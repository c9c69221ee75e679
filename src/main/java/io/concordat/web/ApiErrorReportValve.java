package io.concordat.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * Tomcat refuses some requests before Spring sees them: a path whose percent-encoding is
 * malformed ({@code …/metadata/%%%}), a header block too large. Tomcat's own error page
 * is HTML, which no Pact client can parse; this valve answers those in the API's error
 * shapes instead (problem+json when asked for, the Pact Broker's legacy body otherwise).
 */
class ApiErrorReportValve extends ErrorReportValve {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final @Nullable String baseUrl;

	ApiErrorReportValve(@Nullable String baseUrl) {
		this.baseUrl = (baseUrl == null || baseUrl.isBlank()) ? null : baseUrl.replaceAll("/$", "");
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get() || !response.setErrorReported()) {
			return;
		}
		String tomcatMessage = response.getMessage();
		boolean badPath = status == 400 && tomcatMessage != null && tomcatMessage.startsWith("Invalid URI");
		HttpStatus known = HttpStatus.resolve(status);
		String reason = (known != null) ? known.getReasonPhrase() : "Error";
		String message = badPath
				? "The request path is not a valid URL path; check that every % starts a two-digit hex escape" : reason;
		String accept = request.getHeader("Accept");
		boolean problem = accept != null && accept.contains("application/problem+json");
		Object body;
		if (problem) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("title", reason);
			details.put("type", base(request) + "/problems/" + reason.toLowerCase().replace(' ', '-'));
			details.put("status", status);
			details.put("detail", message);
			body = details;
		}
		else {
			body = badPath ? Map.of("errors", Map.of("path", List.of(message))) : Map.of("error", message);
		}
		try {
			response.resetBuffer();
			response.setContentType(problem ? MediaTypes.PROBLEM_JSON.toString() : MediaTypes.HAL_JSON.toString());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(json.writeValueAsString(body));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response cannot be written; nothing is left to
			// say.
		}
	}

	private String base(Request request) {
		if (this.baseUrl != null) {
			return this.baseUrl;
		}
		int port = request.getServerPort();
		boolean defaultPort = (port == 80 && "http".equals(request.getScheme()))
				|| (port == 443 && "https".equals(request.getScheme()));
		return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

}
