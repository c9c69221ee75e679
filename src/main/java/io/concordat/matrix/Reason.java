package io.concordat.matrix;

/**
 * A line of a decision's reason, and the notice the CLI prints for it.
 *
 * @param type {@code success}, {@code info}, {@code warning} or {@code error}
 * @param text the text
 */
public record Reason(String type, String text) {

	static Reason error(String text) {
		return new Reason("error", text);
	}

	static Reason warning(String text) {
		return new Reason("warning", text);
	}

	static Reason info(String text) {
		return new Reason("info", text);
	}

	static Reason success(String text) {
		return new Reason("success", text);
	}

}
