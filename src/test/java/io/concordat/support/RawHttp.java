package io.concordat.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that well-behaved clients refuse to send: a
 * lone {@code %} in the query, {@code %%%} in the path, a header no parser accepts, a
 * body without a length. The target is sent exactly as given.
 */
public final class RawHttp {

	private final int port;

	private RawHttp(int port) {
		this.port = port;
	}

	public static RawHttp at(int port) {
		return new RawHttp(port);
	}

	public Response send(String method, String target, Map<String, String> headers, byte[] body) {
		return send(method, target, headers, body, false);
	}

	public Response sendChunked(String method, String target, Map<String, String> headers, byte[] body) {
		return send(method, target, headers, body, true);
	}

	private Response send(String method, String target, Map<String, String> headers, byte[] body, boolean chunked) {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder();
			head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
			head.append("Host: localhost:").append(this.port).append("\r\n");
			head.append("Connection: close\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (chunked) {
				head.append("Transfer-Encoding: chunked\r\n");
			}
			else if (body.length > 0 || !method.equals("GET")) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			try {
				if (chunked) {
					int chunk = 64 * 1024;
					for (int offset = 0; offset < body.length; offset += chunk) {
						int length = Math.min(chunk, body.length - offset);
						out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
						out.write(body, offset, length);
						out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
					}
					out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
				}
				else {
					out.write(body);
				}
				out.flush();
			}
			catch (SocketException ex) {
				// The server answered and closed before taking the whole body (a 413):
				// read
				// what it said.
			}
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Response read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		try {
			in.transferTo(all);
		}
		catch (SocketException ex) {
			// A reset after the response was sent: keep what arrived.
		}
		byte[] bytes = all.toByteArray();
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IOException("No HTTP response: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim());
		}
		byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			rest = dechunk(rest);
		}
		return new Response(status, headers, new String(rest, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int position = 0;
		while (position < chunked.length) {
			int lineEnd = position;
			while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
				lineEnd++;
			}
			String size = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1).trim();
			int semicolon = size.indexOf(';');
			int length = Integer.parseInt((semicolon >= 0) ? size.substring(0, semicolon) : size, 16);
			if (length == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
			position = lineEnd + 2 + length + 2;
		}
		return body.toByteArray();
	}

	public record Response(int status, Map<String, String> headers, String body) {

		public String contentType() {
			return this.headers.get("content-type");
		}

		@Override
		public String toString() {
			return this.status + " " + contentType() + " " + this.body;
		}

	}

}
