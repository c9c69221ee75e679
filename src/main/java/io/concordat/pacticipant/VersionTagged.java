package io.concordat.pacticipant;

/**
 * A version was tagged through the tag resource ({@code PUT …/versions/{v}/tags/{t}}),
 * whether the tag is new or not. Published synchronously inside the tagging transaction,
 * so that features reacting to tags (a tag named after an environment records a
 * deployment there) write in the same transaction; tags added by publication or by a
 * verification result are not announced, as the Pact Broker does not react to them.
 *
 * @param versionId the version's id
 * @param pacticipantId its pacticipant's id
 * @param pacticipant the pacticipant's name
 * @param version the version number
 * @param tag the tag
 */
public record VersionTagged(long versionId, long pacticipantId, String pacticipant, String version, String tag) {

}
