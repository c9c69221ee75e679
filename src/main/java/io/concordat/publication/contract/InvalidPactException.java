package io.concordat.publication.contract;

import java.util.List;

/**
 * The document is not a pact Concordat can read; each problem names the part at fault
 * (e.g. {@code interactions[2].request.method is missing}).
 */
public class InvalidPactException extends RuntimeException {

	private final List<String> problems;

	public InvalidPactException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public InvalidPactException(String problem) {
		this(List.of(problem));
	}

	public List<String> problems() {
		return this.problems;
	}

}
