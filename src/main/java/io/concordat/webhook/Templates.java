package io.concordat.webhook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${pactbroker.name}} variables. As in the Pact Broker, values are
 * URL-encoded in a URL and inserted verbatim elsewhere (a JSON body is treated as text,
 * so a value is not JSON-escaped), and a variable it does not know is left as written.
 */
final class Templates {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{pactbroker\\.([A-Za-z]+)\\}");

	private Templates() {
	}

	static String render(String template, Map<String, String> variables) {
		return replace(template, variables, false);
	}

	static String renderUrl(String template, Map<String, String> variables) {
		return replace(template, variables, true);
	}

	/** The URL with every variable replaced by a harmless placeholder, to validate it. */
	static String placeholders(String url) {
		return VARIABLE.matcher(url).replaceAll("placeholder");
	}

	static boolean uses(String template, String variable) {
		return template.contains("${pactbroker." + variable + "}");
	}

	private static String replace(String template, Map<String, String> variables, boolean url) {
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder rendered = new StringBuilder();
		while (matcher.find()) {
			String value = variables.get(matcher.group(1));
			String replacement = (value == null) ? matcher.group()
					: url ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : value;
			matcher.appendReplacement(rendered, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(rendered);
		return rendered.toString();
	}

}
