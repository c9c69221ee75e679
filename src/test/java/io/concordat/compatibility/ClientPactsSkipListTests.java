package io.concordat.compatibility;

import java.util.List;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.RequestResponseInteraction;
import au.com.dius.pact.provider.junitsupport.loader.PactFolderLoader;
import io.concordat.compatibility.ClientPactsVerificationTests.LeftToLater;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@link ClientPactsVerificationTests#LEFT_TO_LATER_ISSUES} honest: an entry that
 * no longer matches an interaction (the pact changed, or the entry was mistyped) must go.
 */
class ClientPactsSkipListTests {

	private final List<Interaction> interactions = new PactFolderLoader("client-pacts").load("Pact Broker")
		.stream()
		.map(Pact::getInteractions)
		.flatMap(List::stream)
		.map((interaction) -> (Interaction) interaction)
		.toList();

	@Test
	void bothClientPactsAreVerified() {
		assertThat(this.interactions).hasSize(64 + 67);
	}

	@Test
	void everyEntryOfTheSkipListStillMatchesAnInteraction() {
		for (LeftToLater entry : ClientPactsVerificationTests.LEFT_TO_LATER_ISSUES) {
			assertThat(this.interactions).as("interactions %s", entry.reason()).anyMatch(entry::matches);
		}
	}

	@Test
	void everyPlaceholderHasARealPath() {
		for (Interaction interaction : this.interactions) {
			String path = ((RequestResponseInteraction) interaction).getRequest().getPath();
			assertThat(HalRelationPlaceholders.resolve(path)).as(interaction.getDescription())
				.doesNotContain("PLACEHOLDER");
		}
	}

}
