package io.concordat.publication;

import java.util.List;

import io.concordat.web.ConflictException;

/**
 * A publication that would change what a consumer version already published (or merge
 * interactions that contradict it), or that names a probable typo of an existing
 * pacticipant: refused as a whole, with every reason.
 */
public final class PactContentConflict extends ConflictException {

	private PactContentConflict(String detail, List<Notice> notices) {
		super(detail, notices.isEmpty() ? null : "contracts",
				notices.stream().filter(Notice::isError).map(Notice::text).toList(), notices);
	}

	/**
	 * {@code POST /contracts/publish}: every reason, errors and the diffs that explain
	 * them.
	 */
	static PactContentConflict of(List<io.concordat.publication.Notice> reasons) {
		List<Notice> notices = reasons.stream().map((reason) -> new Notice(reason.type(), reason.text())).toList();
		String first = notices.stream().filter(Notice::isError).map(Notice::text).findFirst().orElseThrow();
		return new PactContentConflict(first, notices);
	}

	/** The legacy pact endpoints, which answer one sentence. */
	static PactContentConflict because(String reason) {
		return new PactContentConflict(reason, List.of());
	}

}
