package io.concordat.publication;

/**
 * A message for the person running the client; the CLIs print these.
 *
 * @param type {@code debug}, {@code info}, {@code success}, {@code warning},
 * {@code prompt} or {@code error}
 * @param text the message
 */
public record Notice(String type, String text) {

	static Notice debug(String text) {
		return new Notice("debug", text);
	}

	static Notice info(String text) {
		return new Notice("info", text);
	}

	static Notice success(String text) {
		return new Notice("success", text);
	}

	static Notice warning(String text) {
		return new Notice("warning", text);
	}

	static Notice prompt(String text) {
		return new Notice("prompt", text);
	}

	static Notice error(String text) {
		return new Notice("error", text);
	}

}
