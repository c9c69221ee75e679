package io.concordat.publication;

/**
 * What publishing one pact for a consumer version did.
 */
public enum PublicationOutcome {

	/** First pact for this consumer version and provider. */
	CREATED,

	/** The same content was published again; nothing changed. */
	UNCHANGED,

	/** Different content replaced the earlier one (allowed only when configured). */
	REVISED,

	/** Interactions were merged into the existing pact. */
	MERGED

}
