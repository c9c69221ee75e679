package io.concordat.verification.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.concordat.verification.ProviderStates;
import io.concordat.web.Hal;
import io.concordat.web.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /pacts/provider/{p}/provider-states}: the states a provider's verification must
 * set up, as {@code {"providerStates": [{name, params, consumers}]}}.
 */
@RestController
class ProviderStatesController {

	private static final String STATES = "/pacts/provider/{provider}/provider-states";

	private final ProviderStates states;

	ProviderStatesController(ProviderStates states) {
		this.states = states;
	}

	@GetMapping(STATES)
	ResponseEntity<Map<String, Object>> ofMainBranches(@PathVariable String provider) {
		return represent(this.states.forBranch(provider, null));
	}

	@GetMapping(STATES + "/branch/{branch}")
	ResponseEntity<Map<String, Object>> ofBranch(@PathVariable String provider, @PathVariable String branch) {
		return represent(this.states.forBranch(provider, branch));
	}

	@GetMapping(STATES + "/environment/{environment}")
	ResponseEntity<Map<String, Object>> ofEnvironment(@PathVariable String provider, @PathVariable String environment) {
		return represent(this.states.forEnvironment(provider, uuid(environment)));
	}

	/** Parameters only where the state has some, as the Pact Broker omits absent ones. */
	private static ResponseEntity<Map<String, Object>> represent(List<ProviderStates.Needed> needed) {
		List<Map<String, Object>> states = new ArrayList<>();
		for (ProviderStates.Needed state : needed) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", state.name());
			if (!state.params().isEmpty()) {
				entry.put("params", state.params());
			}
			entry.put("consumers", state.consumers());
			states.add(entry);
		}
		return Hal.ok(Map.of("providerStates", states));
	}

	/** A path that is not a UUID names no environment. */
	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("No environment with uuid '" + value + "' found");
		}
	}

}
