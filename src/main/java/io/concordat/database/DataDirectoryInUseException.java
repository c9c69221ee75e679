package io.concordat.database;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL's data folder belongs to a PostgreSQL that is still running,
 * nearly always another Concordat started on the same folder.
 */
public class DataDirectoryInUseException extends IllegalStateException {

	private final Path dataDirectory;

	private final long pid;

	DataDirectoryInUseException(Path dataDirectory, long pid) {
		super("Another Concordat (its PostgreSQL is process " + pid + ") is already using the data folder "
				+ dataDirectory);
		this.dataDirectory = dataDirectory;
		this.pid = pid;
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	public long pid() {
		return this.pid;
	}

}
