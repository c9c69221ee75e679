package io.concordat.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events a webhook can be triggered by, named as in the Pact Broker. */
public enum EventName {

	CONTRACT_PUBLISHED("contract_published"), CONTRACT_CONTENT_CHANGED("contract_content_changed"),
	CONTRACT_REQUIRING_VERIFICATION_PUBLISHED("contract_requiring_verification_published"),
	PROVIDER_VERIFICATION_PUBLISHED("provider_verification_published"),
	PROVIDER_VERIFICATION_SUCCEEDED("provider_verification_succeeded"),
	PROVIDER_VERIFICATION_FAILED("provider_verification_failed");

	private final String value;

	EventName(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static Optional<EventName> of(String value) {
		return Arrays.stream(values()).filter((name) -> name.value.equals(value)).findFirst();
	}

}
