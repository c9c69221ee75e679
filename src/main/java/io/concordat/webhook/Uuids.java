package io.concordat.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Ids for webhooks and their deliveries shaped like the Pact Broker's: 22 URL-safe
 * characters (128 random bits), not RFC 4122 UUIDs.
 */
final class Uuids {

	private static final SecureRandom random = new SecureRandom();

	private Uuids() {
	}

	static String random() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
