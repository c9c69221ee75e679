package io.concordat.publication.contract;

/**
 * What an interaction is. V4 names: {@code Synchronous/HTTP},
 * {@code Asynchronous/Messages}, {@code Synchronous/Messages}; v1-v3 {@code interactions}
 * are HTTP and v3 {@code messages} asynchronous.
 */
public enum InteractionKind {

	HTTP("http"), ASYNCHRONOUS_MESSAGE("asynchronous_message"), SYNCHRONOUS_MESSAGE("synchronous_message");

	private final String value;

	InteractionKind(String value) {
		this.value = value;
	}

	/** The stored value. */
	public String value() {
		return this.value;
	}

	public static InteractionKind fromValue(String value) {
		for (InteractionKind kind : values()) {
			if (kind.value.equals(value)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown interaction kind " + value);
	}

}
