package io.concordat.publication.contract;

import java.util.Map;

/**
 * A provider state an interaction needs ({@code providerState} in v2,
 * {@code providerStates} from v3).
 *
 * @param name the state's description
 * @param params its parameters (empty when none)
 */
public record ProviderState(String name, Map<String, Object> params) {

}
