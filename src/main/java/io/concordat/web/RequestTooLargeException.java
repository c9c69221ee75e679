package io.concordat.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The request body is larger than the broker accepts
 * ({@code concordat.web.max-request-size}). Thrown before the body is read when its
 * Content-Length says so, or while reading a chunked body once it grows past the limit.
 */
public class RequestTooLargeException extends ErrorResponseException {

	public RequestTooLargeException(long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the " + limit + " bytes this broker accepts"), null);
	}

	@Override
	public String getMessage() {
		String detail = getBody().getDetail();
		return (detail != null) ? detail : "Request too large";
	}

}
