package io.concordat.database;

import org.jspecify.annotations.Nullable;

/**
 * The database in use, as start-up reports it.
 *
 * @param jdbcUrl where it is
 * @param username who connects
 * @param password the password, if any
 * @param embedded whether Concordat started it itself
 * @param description one line for people, never containing the password
 */
public record DatabaseInfo(String jdbcUrl, @Nullable String username, @Nullable String password, boolean embedded,
		String description) {

	@Override
	public String toString() {
		return this.description;
	}

}
