package nl.proeftuin.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The databases the store runs on. The SQL is written to run unchanged on both; only locking
 * differs.
 */
public enum Dialect {
    /** H2 2.x, embedded (one process owns the database file). */
    H2,
    /** PostgreSQL 15 or later, shared by all platform nodes. */
    POSTGRESQL;

    /**
     * Recognises the database behind a connection.
     *
     * @param connection an open connection
     * @return the dialect
     * @throws SQLException if the metadata cannot be read
     * @throws IllegalStateException for any other database
     */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("The store supports H2 and PostgreSQL, not " + product);
    }
}
