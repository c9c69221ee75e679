package io.concordat.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person who types {@code /openapi} or {@code /diagnostic/health} into a browser asks
 * for {@code text/html}, which neither produces, and got an empty 406. The OpenAPI
 * document redirects to its UI instead; the diagnostic endpoints answer JSON anyway,
 * which browsers display. Clients that ask for JSON are untouched.
 */
@Component
class BrowserRequests extends OncePerRequestFilter {

	private static final String OPENAPI = "/openapi";

	private static final String OPENAPI_UI = "/openapi-ui";

	private static final String DIAGNOSTIC = "/diagnostic/";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"GET".equals(request.getMethod()) || !(path.equals(OPENAPI) || path.startsWith(DIAGNOSTIC))
				|| !wantsHtml(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals(OPENAPI)) {
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + OPENAPI_UI);
			return;
		}
		chain.doFilter(new AcceptingJson(request), response);
	}

	/**
	 * Whether the client would rather have HTML than JSON: a browser's address bar names
	 * {@code text/html} and reaches JSON at best through {@code *}{@code /*}.
	 */
	private static boolean wantsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			double html = 0;
			double json = 0;
			for (MediaType type : MediaType.parseMediaTypes(accept)) {
				if (type.isWildcardType() || type.isWildcardSubtype()) {
					continue;
				}
				if (type.equalsTypeAndSubtype(MediaType.TEXT_HTML)
						|| type.equalsTypeAndSubtype(MediaType.APPLICATION_XHTML_XML)) {
					html = Math.max(html, type.getQualityValue());
				}
				else if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
					json = Math.max(json, type.getQualityValue());
				}
			}
			return html > json;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static final class AcceptingJson extends HttpServletRequestWrapper {

		AcceptingJson(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
					? Collections.enumeration(List.of(MediaType.APPLICATION_JSON_VALUE)) : super.getHeaders(name);
		}

	}

}
