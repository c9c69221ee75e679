package io.concordat.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Credentials are never shown back in full: a password, and the value of any header whose
 * name mentions authorization or a token, become {@code **********}, as the Pact Broker
 * shows them. A value that is itself a {@code ${…}} template is shown, since it holds no
 * secret, only the name of one.
 */
public final class Redaction {

	public static final String MASK = "**********";

	private static final Pattern SECRET_HEADER = Pattern.compile("authorization|token", Pattern.CASE_INSENSITIVE);

	private static final Pattern TEMPLATE = Pattern.compile("^\\$\\{[^}]+\\}$");

	private Redaction() {
	}

	public static @Nullable String password(@Nullable String password) {
		return (password == null || TEMPLATE.matcher(password).matches()) ? password : MASK;
	}

	public static String header(String name, String value) {
		return (SECRET_HEADER.matcher(name).find() && !TEMPLATE.matcher(value).matches()) ? MASK : value;
	}

	public static boolean isSecretHeader(String name) {
		return SECRET_HEADER.matcher(name).find();
	}

	public static Map<String, String> headers(Map<String, String> headers) {
		Map<String, String> redacted = new LinkedHashMap<>();
		headers.forEach((name, value) -> redacted.put(name, header(name, value)));
		return redacted;
	}

	/** The request with its password and secret header values masked. */
	public static WebhookRequest of(WebhookRequest request) {
		return new WebhookRequest(request.method(), request.url(), headers(request.headers()), request.body(),
				request.username(), password(request.password()));
	}

}
