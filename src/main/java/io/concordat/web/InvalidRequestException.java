package io.concordat.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The request is not acceptable as it stands: 400 (or 422 for a state change the resource
 * refuses), naming the fields at fault. Either field errors or plain messages (the matrix
 * answers {@code {"errors": ["…"]}}).
 */
public class InvalidRequestException extends ErrorResponseException {

	private final FieldErrors fieldErrors;

	private final List<String> messages;

	public InvalidRequestException(FieldErrors fieldErrors) {
		this(HttpStatus.BAD_REQUEST, fieldErrors);
	}

	public InvalidRequestException(HttpStatusCode status, FieldErrors fieldErrors) {
		super(status, ProblemDetail.forStatusAndDetail(status, fieldErrors.toString()), null);
		this.fieldErrors = fieldErrors;
		this.messages = List.of();
	}

	private InvalidRequestException(List<String> messages) {
		super(HttpStatus.BAD_REQUEST,
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", messages)), null);
		this.fieldErrors = new FieldErrors();
		this.messages = List.copyOf(messages);
	}

	public static InvalidRequestException field(String field, String message) {
		return new InvalidRequestException(new FieldErrors().add(field, message));
	}

	/** Errors that belong to no single field, rendered as {@code {"errors": ["…"]}}. */
	public static InvalidRequestException messages(List<String> messages) {
		return new InvalidRequestException(messages);
	}

	public FieldErrors fieldErrors() {
		return this.fieldErrors;
	}

	public List<String> messages() {
		return this.messages;
	}

	@Override
	public String getMessage() {
		return this.messages.isEmpty() ? this.fieldErrors.toString() : String.join("; ", this.messages);
	}

}
