package io.concordat.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Something named in the request does not exist. Rendered as the Pact Broker's
 * {@code {"error": "…"}}.
 */
public class NotFoundException extends ErrorResponseException {

	public NotFoundException(String message) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message), null);
	}

	public static NotFoundException pacticipant(String name) {
		return new NotFoundException("No pacticipant with name '" + name + "' found");
	}

	@Override
	public String getMessage() {
		String detail = getBody().getDetail();
		return (detail != null) ? detail : "Not found";
	}

}
