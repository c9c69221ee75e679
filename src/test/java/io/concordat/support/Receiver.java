package io.concordat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1: records every request and answers with the status set
 * for its path (200 unless told otherwise).
 */
public final class Receiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

	private final Map<String, Duration> delays = new ConcurrentHashMap<>();

	private Receiver(HttpServer server) {
		this.server = server;
	}

	public static Receiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
			Receiver receiver = new Receiver(server);
			server.setExecutor(Executors.newFixedThreadPool(8));
			server.createContext("/", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String path = exchange.getRequestURI().getRawPath();
				receiver.requests.add(new Request(exchange.getRequestMethod(), path,
						exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body, Instant.now()));
				Duration delay = receiver.delays.get(path);
				if (delay != null) {
					try {
						Thread.sleep(delay.toMillis());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				int status = receiver.statuses.getOrDefault(path, 200);
				byte[] answer = ("{\"received\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code http://127.0.0.1:port} followed by the path. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public void answer(String path, int status) {
		this.statuses.put(path, status);
	}

	/** Answers requests to the path only after the delay: a slow receiver. */
	public void delay(String path, Duration delay) {
		this.delays.put(path, delay);
	}

	public List<Request> requests(Predicate<Request> filter) {
		return this.requests.stream().filter(filter).toList();
	}

	public List<Request> requestsTo(String path) {
		return requests((request) -> request.path().equals(path));
	}

	/** Waits until {@code count} requests matched, failing after the timeout. */
	public List<Request> await(Predicate<Request> filter, int count, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			List<Request> found = requests(filter);
			if (found.size() >= count) {
				return found;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("Expected " + count + " requests within " + timeout + ", got " + requests(filter));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	public record Request(String method, String path, String query, Headers headers, String body, Instant at) {

		public String header(String name) {
			return this.headers.getFirst(name);
		}

	}

}
