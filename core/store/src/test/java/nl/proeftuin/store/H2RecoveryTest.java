package nl.proeftuin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.store.internal.Databases;
import nl.proeftuin.store.internal.H2Recovery;
import nl.proeftuin.store.internal.Migrator;
import nl.proeftuin.store.internal.SqlMeasurementStore;
import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed while H2 commits it: H2 2.5.252 alone shows part of it (none, in the state the
 * child leaves) and keeps the rest locked for ever; {@link H2Recovery} at start makes it whole.
 */
class H2RecoveryTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path temp;

    @Test
    void finishesAnImportKilledWhileH2CommittedIt() throws Exception {
        Path crashed = temp.resolve("crashed");
        String output = runChild(crashed);
        assertThat(output).as("child output").contains("HALTING");
        Path untreated = copy(crashed, temp.resolve("untreated"));

        try (HikariDataSource db = pool(untreated)) {
            assertThat(new SqlMeasurementStore(db, CLOCK).count())
                    .as("H2 alone shows only the values from before the import; if this fails, H2"
                            + " now finishes interrupted commits itself and H2Recovery can go")
                    .isEqualTo(InterruptedCommitChild.BEFORE);
        }

        try (HikariDataSource db = pool(crashed)) {
            assertThat(H2Recovery.finishInterruptedCommits(db)).isEqualTo(1);
            SqlMeasurementStore store = new SqlMeasurementStore(db, CLOCK);
            assertThat(store.count()).isEqualTo(InterruptedCommitChild.IMPORTED);
            List<Measurement> imported = InterruptedCommitChild.imported();
            List<String> kpis = imported.stream().map(Measurement::kpiId).distinct().toList();
            assertThat(store.measurements(kpis).values().stream().flatMap(List::stream)
                    .map(m -> m.kpiId() + "@" + m.period() + "=" + m.value()))
                    .containsExactlyInAnyOrderElementsOf(imported.stream()
                            .map(m -> m.kpiId() + "@" + m.period() + "=" + m.value()).toList());
            assertThat(historyRows(db)).as("the replaced values are kept")
                    .isEqualTo(InterruptedCommitChild.BEFORE);
            assertThat(store.importOnce(InterruptedCommitChild.KEY, imported, "again"))
                    .as("the import key was committed with the rows").isFalse();

            // H2 alone spins here for ever: the row is locked by the dead transaction
            Measurement later = new Measurement("crash-kpi-0", LocalDate.of(2020, 1, 1), 0.5, "later");
            RecordResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> store.record(List.of(later), "test"));
            assertThat(result.replaced()).isEqualTo(1);
        }

        try (HikariDataSource db = pool(crashed)) {
            assertThat(H2Recovery.finishInterruptedCommits(db)).as("the repair was written")
                    .isZero();
            assertThat(new SqlMeasurementStore(db, CLOCK).count())
                    .isEqualTo(InterruptedCommitChild.IMPORTED);
        }
    }

    @Test
    void leavesOpenTransactionsOfLiveSessionsAlone() throws Exception {
        try (HikariDataSource db = pool(temp.resolve("live"))) {
            Migrator.standard(db).migrate();
            try (Connection open = db.getConnection()) {
                open.setAutoCommit(false);
                try (Statement insert = open.createStatement()) {
                    insert.executeUpdate("INSERT INTO measurement (kpi_id, period, \"value\", source,"
                            + " recorded_by, recorded_at) VALUES ('live', DATE '2024-01-01', 1, 's',"
                            + " 'test', CURRENT_TIMESTAMP)");
                }
                assertThat(H2Recovery.finishInterruptedCommits(db)).isZero();
                open.rollback();
            }
            assertThat(new SqlMeasurementStore(db, CLOCK).count()).isZero();
        }
    }

    private String runChild(Path folder) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = temp.resolve("child.out");
        Process child = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("java.class.path"), InterruptedCommitChild.class.getName(),
                Databases.embeddedH2Url(folder))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        } finally {
            child.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("halted in the commit; output:%n%s", output).isEqualTo(3);
        return output;
    }

    private static HikariDataSource pool(Path folder) {
        String url = Databases.embeddedH2Url(folder);
        return Databases.pool(Databases.dataSource(new OsgiDataSourceFactory(Driver.load()), url,
                "", ""), url, 2);
    }

    private static long historyRows(HikariDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM measurement_history")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }
}
