package io.concordat.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a second Concordat on the same data folder into one line saying so, instead of a
 * long stack trace whose cause is buried six levels down. Registered in
 * {@code META-INF/spring.factories}.
 */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Stop that Concordat, or give this one a folder of its own with CONCORDAT_DATA_DIRECTORY"
						+ " (or use a PostgreSQL server with CONCORDAT_DATABASE_URL).",
				cause);
	}

}
