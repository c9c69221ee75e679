package io.concordat.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How Concordat's HTTP edge behaves. A value that cannot work stops start-up with a
 * message naming the setting, rather than surfacing as odd links or refusals later.
 *
 * @param baseUrl absolute URL the links are built from ({@code CONCORDAT_BASE_URL}); by
 * default each request's own base, {@code X-Forwarded-*} honoured
 * @param maxRequestSize larger request bodies are refused with 413 before they are read
 * ({@code CONCORDAT_MAX_REQUEST_SIZE})
 * @param maxTestResults a verification result with more {@code testResults} is refused
 * with 413 ({@code CONCORDAT_MAX_TEST_RESULTS})
 */
@ConfigurationProperties("concordat.web")
public record WebProperties(@Nullable String baseUrl, @DefaultValue("5MB") DataSize maxRequestSize,
		@DefaultValue("10000") int maxTestResults) {

	public WebProperties {
		if (baseUrl != null && baseUrl.isBlank()) {
			baseUrl = null;
		}
		if (baseUrl != null) {
			URI uri;
			try {
				uri = URI.create(baseUrl);
			}
			catch (IllegalArgumentException ex) {
				uri = null;
			}
			if (uri == null || uri.getHost() == null
					|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
				throw new IllegalArgumentException("concordat.web.base-url (CONCORDAT_BASE_URL) must be an absolute "
						+ "http or https URL such as https://pact.example.com, not '" + baseUrl + "'");
			}
		}
		if (maxRequestSize.toBytes() < 1) {
			throw new IllegalArgumentException(
					"concordat.web.max-request-size (CONCORDAT_MAX_REQUEST_SIZE) must be positive, not "
							+ maxRequestSize);
		}
		if (maxTestResults < 1) {
			throw new IllegalArgumentException(
					"concordat.web.max-test-results (CONCORDAT_MAX_TEST_RESULTS) must be at least 1, not "
							+ maxTestResults);
		}
	}

}
