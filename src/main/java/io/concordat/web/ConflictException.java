package io.concordat.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The request conflicts with what is stored (a changed pact for an existing version, for
 * instance). Each endpoint of the Pact Broker has its own 409 body, so the exception
 * carries the body it must render.
 */
public class ConflictException extends ErrorResponseException {

	private final Map<String, Object> legacyBody;

	private final MediaType legacyContentType;

	public ConflictException(String detail, Map<String, Object> legacyBody, MediaType legacyContentType) {
		super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
		this.legacyBody = legacyBody;
		this.legacyContentType = legacyContentType;
	}

	public ConflictException(String detail) {
		this(detail, Map.of("error", detail), MediaTypes.HAL_JSON);
	}

	public Map<String, Object> legacyBody() {
		return this.legacyBody;
	}

	public MediaType legacyContentType() {
		return this.legacyContentType;
	}

	@Override
	public String getMessage() {
		String detail = getBody().getDetail();
		return (detail != null) ? detail : "Conflict";
	}

}
