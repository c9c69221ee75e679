package io.concordat.publication.contract;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A parsed pact.
 *
 * @param specificationVersion the Pact specification version the document declares (e.g.
 * {@code 3.0.0}), {@code 2.0.0} when it declares none
 * @param consumerName {@code consumer.name}, if the document names one
 * @param providerName {@code provider.name}, if the document names one
 * @param interactions every interaction and message, in document order
 * @param sha content identity: SHA-256 (hex) of the content that affects verification,
 * normalised
 */
public record Contract(String specificationVersion, @Nullable String consumerName, @Nullable String providerName,
		List<ContractInteraction> interactions, String sha) {

	/** HTTP interactions, as the Pact Broker counts them. */
	public int interactionsCount() {
		return (int) this.interactions.stream().filter((i) -> i.kind() == InteractionKind.HTTP).count();
	}

	/** Asynchronous and synchronous messages. */
	public int messagesCount() {
		return this.interactions.size() - interactionsCount();
	}

}
