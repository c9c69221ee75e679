package io.concordat.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The request conflicts with what is stored (a changed pact for an existing version, a
 * name already taken). It carries facts, not a body: {@code ApiExceptionHandler} renders
 * them in the shape the endpoint's Pact clients parse. Features throw their own
 * subclasses, named for what conflicted.
 */
public class ConflictException extends ErrorResponseException {

	private final @Nullable String field;

	private final List<String> fieldMessages;

	private final List<Notice> notices;

	/**
	 * @param detail one sentence for people
	 * @param field the request field the conflict is about, if any
	 * @param fieldMessages what is wrong with it
	 * @param notices notices to list with it, as the publish endpoint lists them
	 */
	protected ConflictException(String detail, @Nullable String field, List<String> fieldMessages,
			List<Notice> notices) {
		super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
		this.field = field;
		this.fieldMessages = List.copyOf(fieldMessages);
		this.notices = List.copyOf(notices);
	}

	/** A conflict described by one sentence. */
	public ConflictException(String detail) {
		this(detail, null, List.of(), List.of());
	}

	public @Nullable String field() {
		return this.field;
	}

	public List<String> fieldMessages() {
		return this.fieldMessages;
	}

	public List<Notice> notices() {
		return this.notices;
	}

	@Override
	public String getMessage() {
		String detail = getBody().getDetail();
		return (detail != null) ? detail : "Conflict";
	}

	/**
	 * A line of explanation, as the Pact clients print notices.
	 *
	 * @param type {@code error}, {@code info}, {@code warning}…
	 * @param text the text
	 */
	public record Notice(String type, String text) {

		public boolean isError() {
			return "error".equals(this.type);
		}

	}

}
