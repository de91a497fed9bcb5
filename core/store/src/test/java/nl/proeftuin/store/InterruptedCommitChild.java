package nl.proeftuin.store;

import static nl.proeftuin.store.JdbcProxies.proxy;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.store.internal.Databases;
import nl.proeftuin.store.internal.Migrator;
import nl.proeftuin.store.internal.SqlMeasurementStore;
import org.h2.Driver;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.util.OsgiDataSourceFactory;

/**
 * The child process of {@link H2RecoveryTest}: stores a few values, then imports more through the
 * real {@link SqlMeasurementStore#importOnce} and dies in its commit at the moment that matters:
 * H2 has marked the transaction committed and written that to the file, but has not applied its
 * rows. A kill -9 of a large import hits this moment by chance; here the commit call does what
 * H2's commit does first, writes the file and halts the JVM, so the test gets it every time.
 */
public final class InterruptedCommitChild {

    /** The key of the interrupted import. */
    static final String KEY = "test/interrupted-commit";
    /** Values stored before the import; the import replaces all of them. */
    static final int BEFORE = 10;
    /** Rows of the import. */
    static final int IMPORTED = 5_000;

    private InterruptedCommitChild() {
    }

    static List<Measurement> before() {
        List<Measurement> rows = new ArrayList<>();
        for (int i = 0; i < BEFORE; i++) {
            rows.add(new Measurement("crash-kpi-0", LocalDate.of(2020, 1, 1).plusMonths(i), i,
                    "before"));
        }
        return rows;
    }

    /** Replaces the values of {@link #before()} and adds new ones, for five KPIs. */
    static List<Measurement> imported() {
        List<Measurement> rows = new ArrayList<>();
        for (int i = 0; i < IMPORTED; i++) {
            String kpi = "crash-kpi-" + (i % 5);
            LocalDate period = LocalDate.of(2020, 1, 1).plusMonths(i / 5);
            rows.add(new Measurement(kpi, period, 1000 + i, "import"));
        }
        return rows;
    }

    /**
     * Runs the child; prints {@code HALTING} just before it halts with exit code 3.
     *
     * @param args the H2 JDBC URL
     * @throws Exception if anything fails before the commit
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        HikariDataSource pool = Databases.pool(Databases.dataSource(
                new OsgiDataSourceFactory(Driver.load()), url, "", ""), url, 2);
        Migrator.standard(pool).migrate();
        new SqlMeasurementStore(pool, Clock.systemUTC()).record(before(), "crash-test");
        new SqlMeasurementStore(haltingInCommit(pool), Clock.systemUTC())
                .importOnce(KEY, imported(), "crash-test");
        System.out.println("NOT HALTED: the import committed");
        System.exit(1);
    }

    /** A data source whose connections, asked to commit, do H2's first step of it and halt. */
    private static DataSource haltingInCommit(DataSource pool) {
        return proxy(DataSource.class, pool, (method, result) -> result instanceof Connection c
                ? proxy(Connection.class, c, (m, r) -> r, m -> {
                    if (m.getName().equals("commit")) {
                        markCommittedAndHalt(c);
                    }
                })
                : result, m -> { });
    }

    private static void markCommittedAndHalt(Connection connection) throws Exception {
        Object session = connection.unwrap(JdbcConnection.class).getSession();
        Transaction transaction = (Transaction) call(session, "getTransaction");
        Object store = call(call(session, "getDatabase"), "getStore");
        TransactionStore transactions = (TransactionStore) call(store, "getTransactionStore");
        // what TransactionStore.commit does before it applies the rows
        Method mark = TransactionStore.class.getDeclaredMethod("markUndoLogAsCommitted",
                int.class, long.class);
        mark.setAccessible(true);
        mark.invoke(transactions, transaction.getId(), 1L);
        ((MVStore) call(store, "getMvStore")).commit();
        System.out.println("HALTING");
        System.out.flush();
        Runtime.getRuntime().halt(3);
    }

    private static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }
}
