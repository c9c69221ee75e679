/**
 * Where Concordat keeps its state: an embedded real PostgreSQL by default, or the server
 * named by {@code CONCORDAT_DATABASE_URL}.
 */
@NullMarked
package io.concordat.database;

import org.jspecify.annotations.NullMarked;
