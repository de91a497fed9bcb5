package nl.proeftuin.store.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import nl.proeftuin.store.StoreException;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;

/**
 * Finishes the commits an embedded H2 database was making when its process was killed, which H2
 * 2.5.252 (the newest release) starts but never completes.
 *
 * <p>H2 marks a transaction's undo log as committed and then applies its changes row by row; for
 * an import of a million rows that takes over a second, and the file is written meanwhile. After
 * a kill in that second, H2 recovers the transaction as committed, but its
 * {@code Transaction.commit()} does nothing for a transaction that is no longer active: the rows
 * already applied are visible, the rest are not (a half import), and every statement that locks
 * one of the rest spins for ever, ignoring {@code LOCK_TIMEOUT}. This finishes such transactions
 * the way H2's own recovery is meant to: it applies the rest of the undo log and frees the
 * transaction, then writes the result with a checkpoint. The transaction was committed, so
 * applying it, not undoing it, is right.
 *
 * <p>H2 offers no API for this, so the two package-private methods are called by reflection; the
 * H2 version is pinned by the build, and {@code H2RecoveryTest} reproduces the crash so an H2
 * upgrade that changes them fails the build.
 *
 * <p>Not thread-safe: call once, when the database has just been opened and before anything
 * else uses it (a transaction being committed by another session would look the same).
 */
public final class H2Recovery {

    private H2Recovery() {
    }

    /**
     * Finishes the transactions H2 recovered as committed but left unapplied.
     *
     * @param dataSource an embedded H2 database ({@code jdbc:h2:file:} or {@code jdbc:h2:mem:}),
     *     just opened; for other databases (including H2 over TCP) nothing happens
     * @return the number of transactions finished, usually zero
     * @throws StoreException if there are such transactions and this H2 version does not let them
     *     be finished; their rows would stay locked
     * @throws SQLException if the database cannot be reached
     */
    public static int finishInterruptedCommits(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return 0;
            }
            TransactionStore transactions = transactionStore(connection.unwrap(JdbcConnection.class));
            if (transactions == null) {
                return 0;
            }
            List<Transaction> committed = transactions.getOpenTransactions().stream()
                    .filter(t -> t.getStatus() == Transaction.STATUS_COMMITTED)
                    .toList();
            if (committed.isEmpty()) {
                return 0;
            }
            try {
                Method commit = TransactionStore.class.getDeclaredMethod("commit",
                        Transaction.class, boolean.class);
                Method close = Transaction.class.getDeclaredMethod("close", boolean.class,
                        Throwable.class);
                commit.setAccessible(true);
                close.setAccessible(true);
                for (Transaction t : committed) {
                    commit.invoke(transactions, t, true); // true: recovery, the log is marked already
                    close.invoke(t, true, null);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                throw new StoreException("The H2 database holds " + committed.size()
                        + " transaction(s) that were being committed when the platform stopped,"
                        + " and H2 " + connection.getMetaData().getDatabaseProductVersion()
                        + " does not let the store finish them (" + cause + "); their rows would"
                        + " stay locked. Start once with the H2 bundle the distribution ships in"
                        + " system/, which the store is tested with.", cause);
            }
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT");
            }
            return committed.size();
        }
    }

    /**
     * The transaction store under an embedded H2 session, reached through public methods of
     * classes H2 does not export to other bundles.
     *
     * @return the store, or {@code null} for a remote (TCP) session, which has none here
     */
    private static TransactionStore transactionStore(JdbcConnection connection) {
        Object session = connection.getSession();
        try {
            Method getDatabase = session.getClass().getMethod("getDatabase");
            Object database = getDatabase.invoke(session);
            Object store = database.getClass().getMethod("getStore").invoke(database);
            return store == null ? null
                    : (TransactionStore) store.getClass().getMethod("getTransactionStore").invoke(store);
        } catch (NoSuchMethodException e) {
            return null; // a remote session: the server process recovers its own database
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new StoreException("Cannot check the H2 database for transactions interrupted"
                    + " while committing: " + cause, cause);
        }
    }
}
