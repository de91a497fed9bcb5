package nl.proeftuin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.store.internal.Databases;
import nl.proeftuin.store.internal.Migrator;
import nl.proeftuin.store.internal.SqlLessonStore;
import nl.proeftuin.store.internal.SqlMeasurementStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The behaviour every database under the store must show. Subclasses supply empty databases
 * (H2 always, PostgreSQL when configured); each test starts on a new, migrated one.
 */
abstract class StoreContract {

    /** A time with nanoseconds, to check that stamps are cut to what databases keep. */
    static final Instant T1 = Instant.parse("2025-03-04T05:06:07.123456789Z");
    static final Instant T1_STORED = Instant.parse("2025-03-04T05:06:07.123456Z");
    static final Instant T2 = Instant.parse("2025-04-01T10:00:00Z");

    /** The store's newest schema version: the last line of db/migration/index.txt. */
    static final int SCHEMA_VERSION = 3;

    private static final Logger LOG = LoggerFactory.getLogger(StoreContract.class);

    @TempDir
    Path temp;

    private final List<HikariDataSource> pools = new ArrayList<>();
    final SettableClock clock = new SettableClock(T1);
    HikariDataSource pool;
    SqlMeasurementStore store;
    SqlLessonStore lessons;

    /**
     * A new, empty database (no tables), different on every call.
     *
     * @return an unpooled data source
     * @throws Exception if it cannot be created
     */
    abstract DataSource newDatabase() throws Exception;

    /**
     * Removes what {@link #newDatabase()} created, after all pools are closed.
     *
     * @throws Exception if that fails
     */
    abstract void dropDatabases() throws Exception;

    HikariDataSource pooled(DataSource raw) {
        HikariDataSource p = Databases.pool(raw, "test database", 8);
        pools.add(p);
        return p;
    }

    @BeforeEach
    void openStore() throws Exception {
        pool = pooled(newDatabase());
        Migrator.standard(pool).migrate();
        store = new SqlMeasurementStore(pool, clock);
        lessons = new SqlLessonStore(pool, clock);
    }

    @AfterEach
    void closeStore() throws Exception {
        pools.forEach(HikariDataSource::close);
        dropDatabases();
    }

    // ---------------------------------------------------------------- record and query

    @Test
    void recordsAndQueriesWithInclusiveBounds() {
        RecordResult result = store.record(List.of(m("homes-insulated", "2024-01-31", 10),
                m("homes-insulated", "2024-02-29", 20), m("homes-insulated", "2024-03-31", 30),
                m("homes-insulated", "2024-04-30", 40), m("co2-reduction", "2024-02-29", 7)),
                "anna");

        assertThat(result).isEqualTo(new RecordResult(5, 0));
        assertThat(values(store.measurements("homes-insulated", date("2024-02-29"),
                date("2024-03-31")))).containsExactly(20.0, 30.0);
        assertThat(values(store.measurements("homes-insulated", date("2024-02-01"),
                date("2024-03-30")))).containsExactly(20.0);
        assertThat(store.measurements("homes-insulated", date("2024-05-01"), null)).isEmpty();
        assertThat(store.measurements("unknown-kpi", null, null)).isEmpty();
    }

    @Test
    void openBoundsReturnEverythingOrderedByPeriod() {
        store.record(List.of(m("k", "2024-03-31", 3), m("k", "2023-12-31", 0),
                m("k", "2024-01-31", 1), m("k", "2024-02-29", 2)), "anna");

        assertThat(values(store.measurements("k", null, null))).containsExactly(0.0, 1.0, 2.0,
                3.0);
        assertThat(values(store.measurements("k", date("2024-01-31"), null)))
                .containsExactly(1.0, 2.0, 3.0);
        assertThat(values(store.measurements("k", null, date("2024-01-31"))))
                .containsExactly(0.0, 1.0);
    }

    @Test
    void keepsValuesSourcesAndTimesExactly() {
        Instant given = Instant.parse("2020-06-15T12:34:56.789012Z");
        List<Measurement> input = List.of(
                m("k", "2024-01-31", 0.1 + 0.2),
                new Measurement("k", date("2024-02-29"), -1234567.891, "CBS StatLine – ‘wonen’"),
                new Measurement("k", date("2024-03-31"), 1e-300, null),
                new Measurement("k", date("2024-04-30"), 42, "", "feed:nl.pilot.zeeland", given));
        store.record(input, "anna");

        List<Measurement> read = store.measurements("k", null, null);
        assertThat(read).extracting(Measurement::value).containsExactly(0.1 + 0.2, -1234567.891,
                1e-300, 42.0);
        assertThat(read).extracting(Measurement::source).containsExactly("test",
                "CBS StatLine – ‘wonen’", "", "");
        assertThat(read.get(3)).isEqualTo(input.get(3));
    }

    @Test
    void emptyRecordChangesNothing() {
        assertThat(store.record(List.of(), "anna")).isEqualTo(new RecordResult(0, 0));
        assertThat(store.count()).isZero();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> store.record(null, "anna"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.record(List.of(m("k", "2024-01-31", 1)), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordedBy");
        List<Measurement> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> store.record(withNull, "anna"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.measurements("k", date("2024-02-01"), date("2024-01-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from 2024-02-01 is after to 2024-01-01");
        assertThatThrownBy(() -> store.importOnce(" ", List.of(), "anna"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("importKey");
    }

    @Test
    void stampsMeasurementsRecordedWithoutRecorderWithOneInstantPerCall() {
        Instant own = Instant.parse("2024-12-01T08:00:00Z");
        store.record(List.of(m("k", "2024-01-31", 1), m("k", "2024-02-29", 2),
                new Measurement("k", date("2024-03-31"), 3, "import", "bert", own)), "anna");

        List<Measurement> read = store.measurements("k", null, null);
        assertThat(read).extracting(Measurement::recordedBy).containsExactly("anna", "anna",
                "bert");
        assertThat(read).extracting(Measurement::recordedAt).containsExactly(T1_STORED,
                T1_STORED, own);
    }

    // ---------------------------------------------------------------- replacement and history

    @Test
    void replacingAValueKeepsTheOldOneInTheHistory() throws SQLException {
        store.record(List.of(m("k", "2024-01-31", 1), m("k", "2024-02-29", 2)), "anna");
        clock.set(T2);

        RecordResult result = store.record(List.of(new Measurement("k", date("2024-01-31"), 1.5,
                "correction")), "bert");

        assertThat(result).isEqualTo(new RecordResult(0, 1));
        assertThat(store.measurements("k", null, null)).containsExactly(
                new Measurement("k", date("2024-01-31"), 1.5, "correction", "bert", T2),
                new Measurement("k", date("2024-02-29"), 2, "test", "anna", T1_STORED));
        assertThat(history()).containsExactly(new HistoryRow(
                new Measurement("k", date("2024-01-31"), 1, "test", "anna", T1_STORED), T2));
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void aPairGivenTwiceInOneCallKeepsTheLastAndMovesTheEarlierToTheHistory()
            throws SQLException {
        RecordResult result = store.record(List.of(m("k", "2024-01-31", 1),
                m("other", "2024-01-31", 5), m("k", "2024-01-31", 2), m("k", "2024-01-31", 3)),
                "anna");

        assertThat(result).isEqualTo(new RecordResult(2, 2));
        assertThat(values(store.measurements("k", null, null))).containsExactly(3.0);
        // both were replaced by the same call, at the same instant: their order is not kept
        assertThat(history()).extracting(h -> h.measurement().value())
                .containsExactlyInAnyOrder(1.0, 2.0);
        assertThat(history()).extracting(HistoryRow::replacedAt).containsOnly(T1_STORED);
    }

    @Test
    void countsInsertedAndReplacedAcrossBatches() throws SQLException {
        List<Measurement> first = new ArrayList<>();
        for (int i = 0; i < 1200; i += 2) {
            first.add(m("kpi-" + (i % 3), day(i), i));
        }
        store.record(first, "anna");
        List<Measurement> second = new ArrayList<>();
        for (int i = 0; i < 2400; i++) {
            second.add(m("kpi-" + (i % 3), day(i), -i - 1));
        }

        RecordResult result = store.record(second, "bert");

        assertThat(result).isEqualTo(new RecordResult(1800, 600));
        assertThat(store.count()).isEqualTo(2400);
        assertThat(history()).hasSize(600);
        assertThat(values(store.measurements("kpi-0", day(0), day(0)))).containsExactly(-1.0);
    }

    @Test
    void concurrentWritersOfTheSamePairsLoseNothing() throws Exception {
        int writers = 3;
        int calls = 10;
        int pairs = 300;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(threads.submit(() -> {
                    start.await();
                    int stored = 0;
                    for (int call = 0; call < calls; call++) {
                        List<Measurement> batch = new ArrayList<>();
                        for (int i = 0; i < pairs; i++) {
                            batch.add(m("shared-" + (i % 3), day(i), writer * 1000 + call));
                        }
                        stored += store.record(batch, "writer-" + writer).total();
                    }
                    return stored;
                }));
            }
            start.countDown();
            int stored = 0;
            for (Future<Integer> result : results) {
                stored += result.get(120, TimeUnit.SECONDS);
            }
            assertThat(stored).isEqualTo(writers * calls * pairs);
        } finally {
            threads.shutdownNow();
        }
        // every value ever stored is either current or in the history
        assertThat(store.count()).isEqualTo(pairs);
        assertThat(queryLong("SELECT COUNT(*) FROM measurement_history"))
                .isEqualTo((long) writers * calls * pairs - pairs);
    }

    // ---------------------------------------------------------------- all or nothing

    @Test
    void aRowTheDatabaseRejectsLeavesNothingBehind() throws SQLException {
        store.record(List.of(m("existing", "2024-01-31", 1)), "anna");
        List<Measurement> batch = new ArrayList<>();
        batch.add(m("existing", "2024-01-31", 99));
        for (int i = 0; i < 1500; i++) {
            batch.add(m("bulk", day(i), i));
        }
        // recorded_by holds 200 characters; this row sorts into the second JDBC batch
        batch.add(new Measurement("bulk", day(1200), 1, "x", "r".repeat(300), T2));

        assertThatThrownBy(() -> store.record(batch, "anna"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not record 1502 measurements of KPIs bulk,"
                        + " existing; nothing was stored: ")
                .hasCauseInstanceOf(SQLException.class);

        assertThat(store.count()).isEqualTo(1);
        assertThat(values(store.measurements("existing", null, null))).containsExactly(1.0);
        assertThat(history()).isEmpty();
    }

    @Test
    void aFailureAfterEarlierBatchesReachedTheDatabaseLeavesNothingBehind() throws SQLException {
        List<Measurement> before = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            before.add(m("aaa", day(i), i));
        }
        store.record(before, "anna");
        List<Measurement> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(m("aaa", day(i), 100 + i));
        }
        for (int i = 0; i < 2500; i++) {
            batch.add(m("bulk", day(i), i));
        }
        // first 1,000 rows: copy to history, update, insert (three batches); the next 1,000's insert fails
        AtomicInteger executed = new AtomicInteger();
        SqlMeasurementStore failing = new SqlMeasurementStore(
                FailingDataSource.failOnBatch(pool, 4, executed), clock);

        assertThatThrownBy(() -> failing.record(batch, "anna"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Simulated failure of batch 4");

        assertThat(executed).hasValue(3);
        assertThat(store.count()).isEqualTo(10);
        assertThat(values(store.measurements("aaa", null, null)))
                .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        assertThat(store.measurements("bulk", null, null)).isEmpty();
        assertThat(history()).isEmpty();
    }

    // ---------------------------------------------------------------- many KPIs at once

    @Test
    void readsManyKpisAtOnce() {
        store.record(List.of(m("b", "2024-02-29", 2), m("a", "2024-01-31", 1),
                m("b", "2024-01-31", 1), m("c", "2024-01-31", 9)), "anna");

        Map<String, List<Measurement>> all = store.measurements(List.of("b", "missing", "a",
                "b"));

        assertThat(all).containsOnlyKeys("b", "missing", "a");
        assertThat(all.keySet()).containsExactly("b", "missing", "a");
        assertThat(values(all.get("b"))).containsExactly(1.0, 2.0);
        assertThat(values(all.get("a"))).containsExactly(1.0);
        assertThat(all.get("missing")).isEmpty();
        assertThat(store.measurements(List.of())).isEmpty();
    }

    @Test
    void readsMoreKpisThanFitInOneQuery() {
        List<Measurement> values = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            ids.add("kpi-" + i);
            if (i < 1200) {
                values.add(m("kpi-" + i, "2024-01-31", i));
                values.add(m("kpi-" + i, "2023-12-31", -i));
            }
        }
        store.record(values, "anna");

        Map<String, List<Measurement>> all = store.measurements(ids);

        assertThat(all).hasSize(1500);
        assertThat(all.values().stream().filter(List::isEmpty)).hasSize(300);
        assertThat(values(all.get("kpi-1199"))).containsExactly(-1199.0, 1199.0);
        assertThat(all.get("kpi-1200")).isEmpty();
    }

    // ---------------------------------------------------------------- importOnce

    @Test
    void importOnceImportsOnlyTheFirstTime() throws SQLException {
        String key = "nl.pilot.zeeland/initial/0a1b2c";
        List<Measurement> data = List.of(m("k", "2024-01-31", 1), m("k", "2024-02-29", 2));

        assertThat(store.importOnce(key, data, "nl.pilot.zeeland")).isTrue();
        clock.set(T2);
        assertThat(store.importOnce(key, List.of(m("k", "2024-01-31", 100)), "someone-else"))
                .isFalse();

        assertThat(store.measurements("k", null, null)).containsExactly(
                new Measurement("k", date("2024-01-31"), 1, "test", "nl.pilot.zeeland",
                        T1_STORED),
                new Measurement("k", date("2024-02-29"), 2, "test", "nl.pilot.zeeland",
                        T1_STORED));
        assertThat(history()).isEmpty();
        assertThat(queryLong("SELECT row_count FROM initial_import")).isEqualTo(2);
        assertThat(store.importOnce("nl.pilot.zeeland/initial/ffff", List.of(), "x")).isTrue();
    }

    @Test
    void aFailedImportCanBeRepeated() {
        String key = "nl.pilot.groningen/initial/77";
        List<Measurement> bad = List.of(m("k", "2024-01-31", 1),
                new Measurement("k", date("2024-02-29"), 2, "", "r".repeat(300), T2));

        assertThatThrownBy(() -> store.importOnce(key, bad, "pilot"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not import " + key + " with 2 measurements");

        assertThat(store.count()).isZero();
        assertThat(store.importOnce(key, List.of(m("k", "2024-01-31", 1)), "pilot")).isTrue();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void concurrentImportsOfOneKeyImportOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String kpi = "round-" + round;
                String key = "nl.pilot.test/initial/" + round;
                List<Measurement> data = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    data.add(m(kpi, day(i), i));
                }
                CountDownLatch start = new CountDownLatch(1);
                Callable<Boolean> importer = () -> {
                    start.await();
                    return store.importOnce(key, data, "node");
                };
                Future<Boolean> a = threads.submit(importer);
                Future<Boolean> b = threads.submit(importer);
                start.countDown();

                assertThat(List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS)))
                        .as("round %d", round).containsExactlyInAnyOrder(true, false);
                assertThat(store.measurements(kpi, null, null)).hasSize(2000);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.count()).isEqualTo(10_000);
        assertThat(history()).isEmpty();
        assertThat(queryLong("SELECT COUNT(*) FROM initial_import")).isEqualTo(5);
    }

    // ---------------------------------------------------------------- lessons

    @Test
    void lessonsAreListedNewestFirst() {
        Lesson old = lesson("samen-optrekken", LocalDate.parse("2023-05-01"));
        Lesson first = lesson("isolatie-per-straat", LocalDate.parse("2024-06-01"));
        Lesson second = new Lesson("warmtenet-eerst", "zeeland", null, Theme.ENERGIETRANSITIE,
                "Warmtenet eerst", "Eerste alinea.\n\nTweede alinea.", null,
                LocalDate.parse("2024-06-01"));
        assertThat(lessons.add(old)).isEqualTo(old);
        lessons.add(first);
        clock.set(T2);
        lessons.add(second);

        assertThat(lessons.lessons()).containsExactly(second, first, old);
        assertThat(lessons.lesson("warmtenet-eerst")).contains(second);
        assertThat(lessons.lesson("warmtenet-eerst").orElseThrow().author()).isEmpty();
        assertThat(lessons.lesson("warmtenet-eerst").orElseThrow().opgaveId()).isNull();
        assertThat(lessons.lesson("does-not-exist")).isEmpty();
    }

    @Test
    void aDuplicateLessonIdIsRefusedWithAMessageNamingIt() {
        Lesson original = lesson("samen-optrekken", LocalDate.parse("2023-05-01"));
        lessons.add(original);
        Lesson other = new Lesson("samen-optrekken", "groningen", "versterking-1",
                Theme.VERSTERKING, "Iets anders", "Tekst", "Piet", LocalDate.parse("2024-01-01"));

        assertThatThrownBy(() -> lessons.add(other))
                .isInstanceOf(StoreException.class)
                .hasMessage("A lesson with id \"samen-optrekken\" already exists; lesson ids must"
                        + " be unique across all regions, so choose another id")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(lessons.lessons()).containsExactly(original);
    }

    // ---------------------------------------------------------------- migrations

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        store.record(List.of(m("k", "2024-01-31", 1)), "anna");

        Migrator.Result again = Migrator.standard(pool).migrate();

        assertThat(again).isEqualTo(new Migrator.Result(SCHEMA_VERSION, List.of()));
        assertThat(queryLong("SELECT COUNT(*) FROM schema_version")).isEqualTo(SCHEMA_VERSION);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void aNewerIndexEntryIsAppliedOnTheNextStart() throws Exception {
        store.record(List.of(m("k", "2024-01-31", 1)), "anna");
        Path scripts = temp.resolve("scripts");
        Path folder = Files.createDirectories(scripts.resolve("db/migration"));
        for (String name : List.of("V1__init.sql", "V2__lessons.sql", "V3__security.sql")) {
            copy("db/migration/" + name, folder.resolve(name));
        }
        Files.writeString(folder.resolve("V4__probe.sql"),
                "CREATE TABLE probe (id INT NOT NULL PRIMARY KEY, note VARCHAR(20));\n"
                        + "INSERT INTO probe (id, note) VALUES (1, 'a;b -- c');\n");
        Files.writeString(folder.resolve("index.txt"), "V1__init.sql\nV2__lessons.sql\n"
                + "V3__security.sql\n# added by a newer bundle\nV4__probe.sql\n");

        try (URLClassLoader newer = new URLClassLoader(new URL[] {scripts.toUri().toURL()},
                null)) {
            Migrator migrator = new Migrator(pool, newer, "db/migration/");
            assertThat(migrator.migrate()).isEqualTo(new Migrator.Result(4, List.of(4)));
            assertThat(migrator.migrate()).isEqualTo(new Migrator.Result(4, List.of()));
        }
        assertThat(queryString("SELECT note FROM probe WHERE id = 1")).isEqualTo("a;b -- c");
        assertThat(queryString("SELECT description FROM schema_version WHERE version = 4"))
                .isEqualTo("probe");
        assertThat(store.count()).isEqualTo(1);
        // the older bundle still starts on the newer schema
        assertThat(Migrator.standard(pool).migrate()).isEqualTo(new Migrator.Result(4,
                List.of()));
    }

    @Test
    void nodesStartingAtOnceMigrateEachVersionOnce() throws Exception {
        DataSource fresh = newDatabase();
        HikariDataSource nodeA = pooled(fresh);
        HikariDataSource nodeB = pooled(fresh);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Migrator.Result> a = threads.submit(() -> {
                start.await();
                return Migrator.standard(nodeA).migrate();
            });
            Future<Migrator.Result> b = threads.submit(() -> {
                start.await();
                return Migrator.standard(nodeB).migrate();
            });
            start.countDown();
            Migrator.Result resultA = a.get(60, TimeUnit.SECONDS);
            Migrator.Result resultB = b.get(60, TimeUnit.SECONDS);

            assertThat(resultA.version()).isEqualTo(SCHEMA_VERSION);
            assertThat(resultB.version()).isEqualTo(SCHEMA_VERSION);
            List<Integer> applied = new ArrayList<>(resultA.applied());
            applied.addAll(resultB.applied());
            assertThat(applied).containsExactlyInAnyOrder(1, 2, 3);
        } finally {
            threads.shutdownNow();
        }
        assertThat(query(nodeA, "SELECT COUNT(*) FROM schema_version")).isEqualTo(SCHEMA_VERSION);
        new SqlMeasurementStore(nodeB, clock).record(List.of(m("k", "2024-01-31", 1)), "b");
        assertThat(new SqlMeasurementStore(nodeA, clock).count()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- bulk

    @Test
    void recordsALargeBatchInOneCall() throws SQLException {
        List<Measurement> rows = new ArrayList<>(100_000);
        for (int kpi = 0; kpi < 100; kpi++) {
            for (int i = 0; i < 1000; i++) {
                rows.add(m("bulk-" + kpi, day(i), kpi * 1000 + i));
            }
        }
        long started = System.nanoTime();
        RecordResult first = store.record(rows, "bulk");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // informal figure for the report; no assertion on time
        LOG.info("{}: recorded 100,000 new rows in {} ms ({} rows/s)", getClass().getSimpleName(),
                took.toMillis(), Math.round(100_000 / (took.toNanos() / 1e9)));

        List<Measurement> overlap = new ArrayList<>(rows.subList(50_000, 100_000));
        for (int i = 1000; i < 51_000; i++) {
            overlap.add(m("bulk-x", day(i), i));
        }
        started = System.nanoTime();
        RecordResult second = store.record(overlap, "bulk");
        took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("{}: recorded 50,000 replacing + 50,000 new rows in {} ms ({} rows/s)",
                getClass().getSimpleName(), took.toMillis(),
                Math.round(100_000 / (took.toNanos() / 1e9)));

        assertThat(first).isEqualTo(new RecordResult(100_000, 0));
        assertThat(second).isEqualTo(new RecordResult(50_000, 50_000));
        assertThat(store.count()).isEqualTo(150_000);
        assertThat(queryLong("SELECT COUNT(*) FROM measurement_history")).isEqualTo(50_000);
        assertThat(values(store.measurements("bulk-99", day(998), null))).containsExactly(
                99_998.0, 99_999.0);
    }

    // ---------------------------------------------------------------- helpers

    /** A replaced value and when it was replaced. */
    record HistoryRow(Measurement measurement, Instant replacedAt) {
    }

    List<HistoryRow> history() throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT kpi_id, period, \"value\", source,"
                        + " recorded_by, recorded_at, replaced_at FROM measurement_history"
                        + " ORDER BY kpi_id, period, replaced_at")) {
            while (rs.next()) {
                rows.add(new HistoryRow(new Measurement(rs.getString(1),
                        rs.getObject(2, LocalDate.class), rs.getDouble(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()),
                        rs.getObject(7, OffsetDateTime.class).toInstant()));
            }
        }
        return rows;
    }

    long queryLong(String sql) throws SQLException {
        return query(pool, sql);
    }

    static long query(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String queryString(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Measurement m(String kpi, String period, double value) {
        return new Measurement(kpi, date(period), value, "test");
    }

    static Measurement m(String kpi, LocalDate period, double value) {
        return new Measurement(kpi, period, value, "test");
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /** The i-th day from 2000-01-01: many distinct periods. */
    static LocalDate day(int i) {
        return LocalDate.of(2000, 1, 1).plusDays(i);
    }

    static List<Double> values(List<Measurement> measurements) {
        return measurements.stream().map(Measurement::value).toList();
    }

    static Lesson lesson(String id, LocalDate date) {
        return new Lesson(id, "zeeland", "energie-1", Theme.ENERGIETRANSITIE, "Titel van " + id,
                "Wat we leerden.", "Anna de Vries", date);
    }

    /** A clock the tests move by hand. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Copies a classpath resource, for tests that assemble their own migrations. */
    static void copy(String resource, Path target) throws IOException {
        try (InputStream in = StoreContract.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }
}
