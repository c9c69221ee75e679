package io.concordat.web;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses, before any controller or Spring MVC's content negotiation sees it, a request
 * that would otherwise fail somewhere deep inside: a body over the size limit, a query
 * string that is not strictly percent-encoded UTF-8 (Tomcat gives up on a lone {@code %}
 * with an exception), NUL in a query parameter (PostgreSQL cannot compare it), an Accept
 * header that is not a media type list, a Content-Type that names no concrete type. The
 * refusal is rendered by the same exception handler as every other error, so the client
 * gets the body shape it parses.
 */
class RequestGuard extends OncePerRequestFilter {

	private final long maxRequestSize;

	private final HandlerExceptionResolver errors;

	RequestGuard(long maxRequestSize, HandlerExceptionResolver errors) {
		this.maxRequestSize = maxRequestSize;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			check(request);
		}
		catch (RuntimeException ex) {
			if (this.errors.resolveException(request, response, null, ex) == null) {
				throw ex;
			}
			return;
		}
		chain.doFilter(new BoundedRequest(request, this.maxRequestSize), response);
	}

	private void check(HttpServletRequest request) {
		if (request.getContentLengthLong() > this.maxRequestSize) {
			throw new RequestTooLargeException(this.maxRequestSize);
		}
		checkQuery(request.getQueryString());
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null) {
			try {
				MediaType.parseMediaTypes(accept);
			}
			catch (InvalidMediaTypeException ex) {
				throw MediaTypeException
					.notAcceptable("The Accept header is not a list of media types such as application/hal+json");
			}
		}
		String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (contentType != null) {
			MediaType type;
			try {
				type = MediaType.parseMediaType(contentType);
			}
			catch (InvalidMediaTypeException ex) {
				throw MediaTypeException
					.unsupported("The Content-Type header is not a media type such as application/json");
			}
			if (type.isWildcardType() || type.isWildcardSubtype()) {
				throw MediaTypeException
					.unsupported("The Content-Type header must name the body's media type, such as application/json");
			}
		}
	}

	/**
	 * Decodes every name and value strictly, naming the parameter at fault. The decoded
	 * values are not kept: Tomcat and the Rack-style parser decode again, now safely.
	 */
	static void checkQuery(@Nullable String query) {
		if (query == null || query.isEmpty()) {
			return;
		}
		FieldErrors errors = new FieldErrors();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String rawName = (equals < 0) ? pair : pair.substring(0, equals);
			String name = decode(rawName);
			String field = (name != null && Names.textProblem(name) == null && name.length() <= Names.MAX_LENGTH) ? name
					: "query";
			if (name == null) {
				errors.add(field, "is not correctly percent-encoded UTF-8 in the query string");
				continue;
			}
			if (name.isEmpty() && equals >= 0) {
				// Tomcat gives up on "=value" with an exception rather than skipping it.
				errors.add("query", "a query parameter has a value but no name");
				continue;
			}
			if (name.indexOf('\0') >= 0) {
				errors.add(field, "query parameter names cannot contain NUL characters");
				continue;
			}
			if (equals >= 0) {
				String value = decode(pair.substring(equals + 1));
				if (value == null) {
					errors.add(field, "is not correctly percent-encoded UTF-8 in the query string");
				}
				else if (value.indexOf('\0') >= 0) {
					errors.add(field, "cannot contain NUL characters");
				}
			}
		}
		errors.throwIfAny();
	}

	/** The decoded text, or null when it is not valid percent-encoded UTF-8. */
	private static @Nullable String decode(String text) {
		if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
			return text;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length()) {
					return null;
				}
				int high = Character.digit(text.charAt(i + 1), 16);
				int low = Character.digit(text.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else {
				byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(raw, 0, raw.length);
			}
		}
		try {
			CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return decoded.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * Counts what a body without a Content-Length (chunked) delivers, and stops it at the
	 * limit instead of buffering it all.
	 */
	private static final class BoundedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private @Nullable ServletInputStream stream;

		BoundedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new BoundedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			Charset charset = StandardCharsets.UTF_8;
			String encoding = getCharacterEncoding();
			try {
				if (encoding != null && Charset.isSupported(encoding)) {
					charset = Charset.forName(encoding);
				}
			}
			catch (IllegalArgumentException ex) {
				// An illegal charset name: read as UTF-8, the only charset JSON has.
			}
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class BoundedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long count;

		BoundedStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		private void counted(int read) {
			this.count += read;
			if (this.count > this.limit) {
				throw new RequestTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
