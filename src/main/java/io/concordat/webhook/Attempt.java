package io.concordat.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One call of a webhook and what came of it.
 *
 * @param success whether the receiver answered 2xx
 * @param retryable whether another attempt could succeed (a refused target cannot)
 * @param request the request as sent, credentials redacted
 * @param status the response status, if there was a response
 * @param responseHeaders the response headers, if there was a response
 * @param responseBody the start of the response body, if there was a response
 * @param error why there was no response, if there was none
 * @param duration how long the attempt took
 * @param logs the attempt as text, credentials redacted
 */
public record Attempt(boolean success, boolean retryable, Map<String, Object> request, @Nullable Integer status,
		@Nullable Map<String, List<String>> responseHeaders, @Nullable String responseBody, @Nullable String error,
		Duration duration, String logs) {

}
