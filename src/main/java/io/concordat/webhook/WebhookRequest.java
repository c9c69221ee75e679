package io.concordat.webhook;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The request a webhook makes, as a template: {@code ${pactbroker.*}} variables in the
 * URL, header values, body, username and password are replaced when it is sent.
 *
 * @param method the HTTP method
 * @param url the URL
 * @param headers header names (lower-cased, as the Pact Broker echoes them) and values
 * @param body a JSON value, or a string node for a body that is text (XML, form data)
 * @param username basic-auth user name, if any
 * @param password basic-auth password, if any
 */
public record WebhookRequest(String method, String url, Map<String, String> headers, @Nullable JsonNode body,
		@Nullable String username, @Nullable String password) {

}
