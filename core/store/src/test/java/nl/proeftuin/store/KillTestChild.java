package nl.proeftuin.store;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.store.internal.Databases;
import nl.proeftuin.store.internal.Migrator;
import nl.proeftuin.store.internal.SqlMeasurementStore;
import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;

/**
 * The child process of {@link H2StoreTest#committedMeasurementsSurviveKillMinus9()}: records one
 * large batch and then many one-row transactions (the kind a delayed write loses first), prints
 * {@code COMMITTED} once the last commit returned, and waits to be killed.
 */
public final class KillTestChild {

    /** Rows in the large batch. */
    static final int BULK = 20_000;
    /** Number of one-row transactions after it. */
    static final int SINGLES = 25;

    private KillTestChild() {
    }

    static List<Measurement> bulk() {
        List<Measurement> rows = new ArrayList<>(BULK);
        for (int i = 0; i < BULK; i++) {
            rows.add(new Measurement("durable-" + (i % 10), LocalDate.of(2000, 1, 1)
                    .plusDays(i / 10), i, "kill test"));
        }
        return rows;
    }

    static Measurement single(int i) {
        return new Measurement("durable-single", LocalDate.of(2024, 1, 1).plusDays(i), 0.5 + i,
                "kill test");
    }

    /**
     * Runs the child.
     *
     * @param args the H2 JDBC URL
     * @throws Exception if anything fails; the test then sees no {@code COMMITTED}
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        HikariDataSource pool = Databases.pool(Databases.dataSource(
                new OsgiDataSourceFactory(Driver.load()), url, "", ""), url, 2);
        Migrator.standard(pool).migrate();
        SqlMeasurementStore store = new SqlMeasurementStore(pool, Clock.systemUTC());
        store.record(bulk(), "kill-test");
        for (int i = 0; i < SINGLES; i++) {
            store.record(List.of(single(i)), "kill-test");
        }
        System.out.println("COMMITTED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
