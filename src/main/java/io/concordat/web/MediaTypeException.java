package io.concordat.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An Accept header that is not a list of media types (406), or a Content-Type that names
 * no concrete media type (415). Spring MVC would otherwise fail on them deep inside
 * content negotiation, where the failure surfaces as a 500.
 */
public class MediaTypeException extends ErrorResponseException {

	private MediaTypeException(HttpStatus status, String message) {
		super(status, ProblemDetail.forStatusAndDetail(status, message), null);
	}

	public static MediaTypeException notAcceptable(String message) {
		return new MediaTypeException(HttpStatus.NOT_ACCEPTABLE, message);
	}

	public static MediaTypeException unsupported(String message) {
		return new MediaTypeException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message);
	}

	@Override
	public String getMessage() {
		String detail = getBody().getDetail();
		return (detail != null) ? detail : "Unsupported media type";
	}

}
