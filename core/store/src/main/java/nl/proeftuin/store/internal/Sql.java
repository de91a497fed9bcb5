package nl.proeftuin.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions and error handling shared by the store classes; no OSGi, only JDBC.
 *
 * <p>Stateless; all methods may be called from any thread.
 */
public final class Sql {

    /** SQLSTATE of a unique or primary key violation, the same in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    /**
     * SQLSTATEs worth a second attempt of the whole transaction: serialization failure or
     * deadlock (40001, both databases), deadlock (40P01, PostgreSQL), lock timeout (HYT00, H2).
     */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00");

    /** How often a transaction is tried when it fails for a transient reason. */
    private static final int ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Sql.class);

    private Sql() {
    }

    /**
     * Work done on one connection inside a transaction.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection a connection with auto-commit off; do not commit or close it
         * @return the result
         * @throws SQLException if the database fails; the transaction is rolled back
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs work in one transaction: commits if it returns, rolls back if it throws anything.
     *
     * @param <T> the result type
     * @param dataSource where to get the connection
     * @param work the work
     * @return what the work returned
     * @throws SQLException if the work or the commit fails
     */
    public static <T> T transaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return transaction(connection, work);
        }
    }

    /**
     * Runs work in one transaction on a connection the caller owns, restoring its auto-commit
     * mode afterwards.
     *
     * @param <T> the result type
     * @param connection the connection
     * @param work the work
     * @return what the work returned
     * @throws SQLException if the work or the commit fails
     */
    public static <T> T transaction(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (Throwable failure) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                // the pool discards a broken connection on close; the outcome above stands
                LOG.debug("Could not restore auto-commit", e);
            }
        }
    }

    /**
     * Like {@link #transaction(DataSource, Work)}, but tries again (up to three times in all)
     * when the transaction fails because of a concurrent one: a deadlock, a lock timeout, or a
     * unique key another transaction inserted first. Only for work that is safe to repeat.
     *
     * @param <T> the result type
     * @param dataSource where to get connections
     * @param work the work, run again from the start on each attempt
     * @return what the work returned
     * @throws SQLException if the last attempt fails, or an attempt fails for another reason
     */
    public static <T> T retrying(DataSource dataSource, Work<T> work) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction(dataSource, work);
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !(isTransient(e) || hasState(e, UNIQUE_VIOLATION))) {
                    throw e;
                }
                LOG.debug("Transaction failed on attempt {} ({}), trying again", attempt,
                        e.getSQLState());
                pause(attempt);
            }
        }
    }

    /**
     * Whether an error, or one chained to it, has a given SQLSTATE.
     *
     * @param e the error
     * @param state the SQLSTATE
     * @return true if {@code e}, a next exception or a cause has {@code state}
     */
    public static boolean hasState(SQLException e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (state.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether an error is a unique or primary key violation.
     *
     * @param e the error
     * @return true for SQLSTATE 23505 anywhere in the chain
     */
    public static boolean isUniqueViolation(SQLException e) {
        return hasState(e, UNIQUE_VIOLATION);
    }

    private static boolean isTransient(SQLException e) {
        return TRANSIENT.stream().anyMatch(state -> hasState(e, state));
    }

    /**
     * The most telling message of a database error, for a person: the innermost chained
     * exception (PostgreSQL puts the real reason of a failed batch there), without the SQL text
     * H2 appends.
     *
     * @param e the error
     * @return a one-line reason, never {@code null}
     */
    public static String reason(SQLException e) {
        SQLException deepest = e;
        for (SQLException next = e.getNextException(); next != null;
                next = next.getNextException()) {
            deepest = next;
        }
        String message = deepest.getMessage() == null ? deepest.toString() : deepest.getMessage();
        int sql = message.indexOf("; SQL statement:");
        if (sql > 0) {
            message = message.substring(0, sql);
        }
        return message.strip().replaceAll("\\s+", " ");
    }

    /**
     * Names some ids for a message: all of them if there are few, else the first five and how
     * many more.
     *
     * @param ids the ids, in the order to show
     * @return e.g. {@code "a, b, c"} or {@code "a, b, c, d, e and 12 more"}
     */
    public static String some(Collection<String> ids) {
        int shown = 5;
        String first = ids.stream().limit(shown).collect(Collectors.joining(", "));
        return ids.size() <= shown ? first : first + " and " + (ids.size() - shown) + " more";
    }

    private static void pause(int attempt) {
        try {
            // a short, growing pause lets the competing transaction finish
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
