package io.concordat.publication.contract;

/**
 * Whether the consumer sends a field (an HTTP request, a synchronous message request) or
 * reads it (an HTTP response, a message's contents, a synchronous message response).
 */
public enum FieldDirection {

	SENDS("sends"), READS("reads");

	private final String value;

	FieldDirection(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

}
