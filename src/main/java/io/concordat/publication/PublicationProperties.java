package io.concordat.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How publication treats what consumers send, as the Pact Broker's settings of the same
 * names.
 *
 * @param allowDangerousContractModification let a consumer version publish changed
 * content (a new revision) instead of answering 409
 * @param checkForPotentialDuplicatePacticipantNames refuse (409) publishing under a new
 * name very similar to an existing one ("Orders API" beside "orders")
 */
@ConfigurationProperties("concordat.publication")
public record PublicationProperties(@DefaultValue("false") boolean allowDangerousContractModification,
		@DefaultValue("true") boolean checkForPotentialDuplicatePacticipantNames) {

}
