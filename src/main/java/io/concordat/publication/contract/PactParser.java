package io.concordat.publication.contract;

/**
 * Parses Pact documents (specification v1 to v4) into {@link Contract}s.
 */
public final class PactParser {

	/**
	 * @param json the pact document
	 * @return the parsed contract
	 * @throws InvalidPactException when the text is not JSON, not an object, or not a
	 * pact
	 */
	public Contract parse(String json) {
		throw new UnsupportedOperationException("not written yet");
	}

}
