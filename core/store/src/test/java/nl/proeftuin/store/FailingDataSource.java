package nl.proeftuin.store;

import static nl.proeftuin.store.JdbcProxies.proxy;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a data source so that the n-th batch of writes ({@code executeBatch}, or {@code executeUpdate} of a
 * multi-row statement) on any of its statements fails, to prove that a failure after earlier batches
 * already reached the database leaves nothing behind.
 * Everything else, commit and rollback included, goes to the real connection.
 */
final class FailingDataSource {

    private FailingDataSource() {
    }

    /**
     * Wraps a data source.
     *
     * @param delegate the real data source
     * @param failingBatch which {@code executeBatch} or {@code executeUpdate} call fails, counting
     *     from 1 across all connections
     * @param executed counts those calls that reached the database
     * @return the wrapper
     */
    static DataSource failOnBatch(DataSource delegate, int failingBatch, AtomicInteger executed) {
        AtomicInteger calls = new AtomicInteger();
        return proxy(DataSource.class, delegate, (method, result) -> {
            if (result instanceof Connection connection) {
                return proxy(Connection.class, connection, (m, r) -> {
                    if (r instanceof PreparedStatement ps) {
                        return proxy(PreparedStatement.class, ps, (sm, sr) -> sr,
                                (sm) -> check(sm, calls, failingBatch, executed));
                    }
                    return r;
                }, m -> { });
            }
            return result;
        }, m -> { });
    }

    private static void check(Method method, AtomicInteger calls, int failingBatch,
            AtomicInteger executed) throws SQLException {
        if (method.getName().equals("executeBatch") || method.getName().equals("executeUpdate")) {
            if (calls.incrementAndGet() == failingBatch) {
                throw new SQLException("Simulated failure of batch " + failingBatch, "08006");
            }
            executed.incrementAndGet();
        }
    }
}
