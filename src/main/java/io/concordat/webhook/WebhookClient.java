package io.concordat.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Makes a webhook's request: renders the template with the event's variables, checks the
 * target against the {@link OutboundPolicy} on the address it resolves to, and calls it
 * with connect and read timeouts. Redirects are not followed, since a redirect could lead
 * past the policy to an address it refuses. Whatever happens comes back as an
 * {@link Attempt}; nothing is thrown.
 */
@Component
class WebhookClient {

	/** Headers the JDK's client sets itself and refuses to take from a caller. */
	private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

	private static final java.util.concurrent.ScheduledExecutorService CUTOFF = java.util.concurrent.Executors
		.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "webhook-body-cutoff");
			thread.setDaemon(true);
			return thread;
		});

	private final HttpClient http;

	private final OutboundPolicy policy;

	private final JsonMapper json;

	private final Duration readTimeout;

	private final int bodyLimit;

	WebhookClient(OutboundPolicy policy, JsonMapper json, WebhookProperties properties) {
		this.policy = policy;
		this.json = json;
		this.readTimeout = properties.readTimeout();
		this.bodyLimit = properties.responseBodyLimit();
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	Attempt send(WebhookRequest template, Map<String, String> variables) {
		Instant started = Instant.now();
		Log log = new Log();
		String url = Templates.renderUrl(template.url(), variables);
		Map<String, String> headers = new LinkedHashMap<>();
		template.headers().forEach((name, value) -> headers.put(name, Templates.render(value, variables)));
		String body = body(template.body(), variables);
		String username = (template.username() != null) ? Templates.render(template.username(), variables) : null;
		String password = (template.password() != null) ? Templates.render(template.password(), variables) : null;
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("method", template.method());
		shown.put("url", url);
		shown.put("headers", Redaction.headers(headers));
		if (body != null) {
			shown.put("body", body);
		}
		if (username != null) {
			shown.put("username", username);
			shown.put("password", Redaction.MASK);
		}
		log.line("Making webhook request to " + template.method() + " " + url);
		headers.forEach((name, value) -> log.line(name + ": " + Redaction.header(name, value)));
		if (username != null) {
			log.line("authorization: " + Redaction.MASK + " (basic auth as " + username + ")");
		}
		if (body != null) {
			log.line(body);
		}
		try {
			URI uri = URI.create(url);
			this.policy.resolve(uri);
			HttpRequest.Builder request = HttpRequest.newBuilder(uri)
				.timeout(this.readTimeout)
				.method(template.method(), (body != null) ? HttpRequest.BodyPublishers.ofString(body)
						: HttpRequest.BodyPublishers.noBody());
			request.header("User-Agent", "Concordat webhook");
			headers.forEach((name, value) -> {
				if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
					log.line("(header " + name + " is set by the HTTP client and was not sent as given)");
				}
				else {
					request.header(name, value);
				}
			});
			if (username != null) {
				String credentials = username + ":" + ((password != null) ? password : "");
				request.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
			}
			HttpResponse<InputStream> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			String responseBody = boundedInTime(response.body());
			Map<String, List<String>> responseHeaders = response.headers().map();
			boolean success = response.statusCode() >= 200 && response.statusCode() < 300;
			log.line("Received response for webhook with status " + response.statusCode());
			responseHeaders.forEach((name, values) -> log.line(name + ": " + String.join(", ", values)));
			log.line(responseBody);
			log.line(success ? "Webhook succeeded" : "Webhook failed: the response status is not 2xx");
			return new Attempt(success, true, shown, response.statusCode(), responseHeaders, responseBody, null,
					Duration.between(started, Instant.now()), log.text());
		}
		catch (OutboundPolicy.RefusedTargetException ex) {
			log.line("Webhook refused: " + ex.getMessage());
			return failure(false, shown, ex.getMessage(), started, log);
		}
		catch (IllegalArgumentException ex) {
			log.line("Webhook request could not be built: " + ex.getMessage());
			return failure(false, shown, ex.getMessage(), started, log);
		}
		catch (IOException ex) {
			String error = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
			log.line("Error executing webhook: " + error);
			return failure(true, shown, error, started, log);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.line("Webhook attempt interrupted (shutting down); it will be retried");
			return failure(true, shown, "interrupted", started, log);
		}
	}

	private Attempt failure(boolean retryable, Map<String, Object> shown, @Nullable String error, Instant started,
			Log log) {
		return new Attempt(false, retryable, shown, null, null, null, error, Duration.between(started, Instant.now()),
				log.text());
	}

	private @Nullable String body(@Nullable JsonNode body, Map<String, String> variables) {
		if (body == null) {
			return null;
		}
		// The Pact Broker replaces variables in the JSON text itself, so a value is not
		// JSON-escaped: templates work inside string values and as whole values alike.
		String text = body.isString() ? body.asString() : this.json.writeValueAsString(body);
		return Templates.render(text, variables);
	}

	/**
	 * The request timeout only covers waiting for the response headers; a body that
	 * trickles in is cut off after the read timeout as well, so that an attempt never
	 * outlives its lease and is sent a second time by another dispatcher.
	 */
	private String boundedInTime(InputStream stream) throws IOException {
		java.util.concurrent.ScheduledFuture<?> cutoff = CUTOFF.schedule(() -> {
			try {
				stream.close();
			}
			catch (IOException ex) {
				// closing is all that is wanted
			}
		}, this.readTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		try {
			return bounded(stream);
		}
		finally {
			cutoff.cancel(false);
		}
	}

	private String bounded(InputStream stream) throws IOException {
		try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
			char[] buffer = new char[this.bodyLimit];
			int read = 0;
			while (read < buffer.length) {
				int n = reader.read(buffer, read, buffer.length - read);
				if (n < 0) {
					return new String(buffer, 0, read);
				}
				read += n;
			}
			return new String(buffer, 0, read) + (reader.read() >= 0 ? "… (truncated)" : "");
		}
	}

	private static final class Log {

		private final StringBuilder text = new StringBuilder();

		void line(String line) {
			this.text.append('[')
				.append(Instant.now().truncatedTo(ChronoUnit.MILLIS))
				.append("] ")
				.append(line)
				.append('\n');
		}

		String text() {
			return this.text.toString();
		}

	}

}
