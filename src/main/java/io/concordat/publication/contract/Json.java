package io.concordat.publication.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON plumbing shared by the parser and {@link PactContent}.
 */
final class Json {

	/**
	 * Floats are read as {@code BigDecimal} with their trailing zeros so that a pact
	 * written back out, and every hash computed from it, keeps the numbers exactly as
	 * published.
	 */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)");

	private static final JsonMapper SORTED = MAPPER.rebuild().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

	private Json() {
	}

	/**
	 * @throws InvalidPactException when the text is not a single JSON value
	 */
	static JsonNode read(@Nullable String json) {
		if (json == null || json.isBlank()) {
			throw new InvalidPactException("content is not valid JSON: the document is empty");
		}
		try {
			JsonNode node = MAPPER.readTree(json);
			if (node == null || node.isMissingNode()) {
				throw new InvalidPactException("content is not valid JSON: the document is empty");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new InvalidPactException("content is not valid JSON: " + describe(ex));
		}
	}

	/**
	 * @throws InvalidPactException when the text is not JSON or not a JSON object
	 */
	static ObjectNode readObject(@Nullable String json) {
		JsonNode node = read(json);
		if (!node.isObject()) {
			throw new InvalidPactException("the pact must be a JSON object");
		}
		return (ObjectNode) node;
	}

	/** The parsed value, or {@code null} when the text is not JSON. */
	static @Nullable JsonNode tryRead(String json) {
		try {
			JsonNode node = MAPPER.readTree(json);
			return (node == null || node.isMissingNode()) ? null : node;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage();
		if (message == null) {
			message = ex.getClass().getSimpleName();
		}
		int newline = message.indexOf('\n');
		if (newline >= 0) {
			message = message.substring(0, newline);
		}
		// Jackson's wording names its own configuration and the redacted source
		if (message.startsWith("Trailing token")) {
			message = "unexpected content after the end of the document";
		}
		message = SOURCE_REFERENCE.matcher(message).replaceAll("");
		TokenStreamLocation location = ex.getLocation();
		if (location != null && location.getLineNr() > 0) {
			message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
		}
		return message;
	}

	static String compact(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	/** Compact JSON with the keys of every object sorted. */
	static String canonical(JsonNode node) {
		return SORTED.writeValueAsString(node);
	}

	static ObjectNode newObject() {
		return MAPPER.createObjectNode();
	}

	static JsonNode string(String value) {
		return MAPPER.getNodeFactory().stringNode(value);
	}

	/** A text property, or {@code null} when it is absent or not a string. */
	static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	/** The value as a plain Java value (maps and lists for containers). */
	static @Nullable Object plain(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNumber()) {
			return number(node);
		}
		if (node.isObject()) {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				map.put(property.getKey(), plain(property.getValue()));
			}
			return Collections.unmodifiableMap(map);
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				list.add(plain(element));
			}
			return Collections.unmodifiableList(list);
		}
		return node.asString();
	}

	private static Number number(JsonNode node) {
		Number number = node.numberValue();
		// Integers too large for a long are rare; one decimal type keeps the model small
		return (number instanceof BigInteger big) ? new BigDecimal(big) : number;
	}

	/** {@code string}, {@code integer}, {@code number}, {@code boolean}, ... */
	static String valueType(JsonNode node) {
		if (node.isString()) {
			return "string";
		}
		if (node.isIntegralNumber()) {
			return "integer";
		}
		if (node.isNumber()) {
			return "number";
		}
		if (node.isBoolean()) {
			return "boolean";
		}
		if (node.isObject()) {
			return "object";
		}
		if (node.isArray()) {
			return "array";
		}
		if (node.isNull()) {
			return "null";
		}
		return "string";
	}

	static String sha1Hex(String text) {
		return hex("SHA-1", text);
	}

	static String sha256Hex(String text) {
		return hex("SHA-256", text);
	}

	private static String hex(String algorithm, String text) {
		try {
			byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform is required to provide SHA-1 and SHA-256
			throw new IllegalStateException(ex);
		}
	}

}
