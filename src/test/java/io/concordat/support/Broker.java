package io.concordat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests: sends paths exactly as written (so {@code %2F} and
 * {@code q[]} reach the server as a Pact client sends them) and hands back status,
 * headers and body.
 */
public final class Broker {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private Broker(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public static Broker at(int port) {
		return new Broker("http://localhost:" + port);
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public Response get(String path) {
		return send("GET", path, null, Map.of("Accept", "application/hal+json"));
	}

	public Response get(String path, Map<String, String> headers) {
		return send("GET", path, null, headers);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body, jsonHeaders("application/json"));
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body, jsonHeaders("application/json"));
	}

	public Response patch(String path, Object body) {
		return send("PATCH", path, body, jsonHeaders("application/merge-patch+json"));
	}

	public Response delete(String path) {
		return send("DELETE", path, null, Map.of("Accept", "application/hal+json"));
	}

	/**
	 * @param body a String is sent verbatim, anything else as JSON
	 */
	public Response send(String method, String path, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		String text = (body == null) ? null : (body instanceof String s) ? s : json.writeValueAsString(body);
		request.method(method,
				(text != null) ? HttpRequest.BodyPublishers.ofString(text) : HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.headers().firstValue("Location").orElse(null), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> jsonHeaders(String contentType) {
		return Map.of("Accept", "application/hal+json", "Content-Type", contentType);
	}

	public record Response(int status, String contentType, String location, String body, HttpHeaders headers) {

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public JsonNode json() {
			return json.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " " + this.body;
		}

	}

}
