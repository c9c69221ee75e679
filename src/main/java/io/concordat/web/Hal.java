package io.concordat.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Responses in {@code application/hal+json;charset=utf-8}, whatever JSON flavour the
 * client accepted, as the Pact Broker answers.
 */
public final class Hal {

	private Hal() {
	}

	public static <T> ResponseEntity<T> ok(T body) {
		return ResponseEntity.ok().contentType(MediaTypes.HAL_JSON).body(body);
	}

	public static <T> ResponseEntity<T> status(HttpStatus status, T body) {
		return ResponseEntity.status(status).contentType(MediaTypes.HAL_JSON).body(body);
	}

	public static <T> ResponseEntity<T> created(String location, T body) {
		return ResponseEntity.created(URI.create(location)).contentType(MediaTypes.HAL_JSON).body(body);
	}

	/** 201 with a Location when something was created, 200 when it already existed. */
	public static <T> ResponseEntity<T> createdOrOk(boolean created, String location, T body) {
		return created ? created(location, body) : ok(body);
	}

}
