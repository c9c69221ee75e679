package io.concordat.verification;

/**
 * A message a verifier prints about one pact, before or after verifying it.
 *
 * @param when {@code before_verification}, or
 * {@code after_verification:success_<true|false>_published_<true|false>} for the outcome
 * it describes
 * @param text the message
 */
public record VerificationNotice(String when, String text) {

}
