package nl.proeftuin.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import nl.proeftuin.api.model.Measurement;
import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write of measurements cut off by a crash is undone at the next start, also where H2 kept part of it. The part
 * H2 kept is made here with plain SQL, as it was found after kill -9 during a large import: some of the write's new
 * rows, some of its updates with their history copies, and its journal entry.
 */
class WriteJournalTest {

    static final Instant BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    static final OffsetDateTime CUT_OFF = OffsetDateTime.parse("2026-02-01T12:00:00.123456Z");

    @TempDir
    Path temp;

    DataSource db;
    SqlMeasurementStore store;

    @BeforeEach
    void setUp() throws SQLException {
        String url = Databases.embeddedH2Url(temp.resolve("store"));
        db = Databases.dataSource(new OsgiDataSourceFactory(Driver.load()), url, "", "");
        Migrator.standard(db).migrate();
        store = new SqlMeasurementStore(db, Clock.fixed(BEFORE, ZoneOffset.UTC), true);
    }

    @Test
    void whatACrashLeftOfAWriteIsRemovedAndWhatItReplacedIsBack() throws SQLException {
        List<Measurement> before = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            before.add(new Measurement("aaa", day(i), i, "first"));
        }
        store.record(before, "anna");
        Map<LocalDate, Double> original = values("aaa");

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO write_journal (id, stamp, recorded_by, kpi_ids, row_count) VALUES"
                    + " ('cut-off', TIMESTAMP WITH TIME ZONE '" + CUT_OFF + "', 'bob', 'aaa,bulk', 2510)");
            // five of its ten updates of aaa, with their history copies, and 300 of its 2,500 new rows
            s.executeUpdate("INSERT INTO measurement_history SELECT kpi_id, period, \"value\", source, recorded_by,"
                    + " recorded_at, TIMESTAMP WITH TIME ZONE '" + CUT_OFF + "' FROM measurement WHERE kpi_id = 'aaa'"
                    + " AND period <= DATE '" + day(4) + "'");
            s.executeUpdate("UPDATE measurement SET \"value\" = \"value\" + 100, recorded_by = 'bob', recorded_at ="
                    + " TIMESTAMP WITH TIME ZONE '" + CUT_OFF + "' WHERE kpi_id = 'aaa' AND period <= DATE '" + day(4) + "'");
            for (int i = 0; i < 300; i++) {
                s.executeUpdate("INSERT INTO measurement VALUES ('bulk', DATE '" + day(i) + "', " + i
                        + ", 'csv', 'bob', TIMESTAMP WITH TIME ZONE '" + CUT_OFF + "')");
            }
        }
        assertThat(values("bulk")).hasSize(300);

        List<WriteJournal.Entry> undone = WriteJournal.undoUnfinished(db);

        assertThat(undone).extracting(WriteJournal.Entry::id).containsExactly("cut-off");
        assertThat(values("aaa")).isEqualTo(original);
        assertThat(values("bulk")).isEmpty();
        assertThat(count("measurement_history")).isZero();
        assertThat(count("write_journal")).isZero();
        assertThat(WriteJournal.undoUnfinished(db)).as("a second start").isEmpty();
        assertThat(values("aaa")).isEqualTo(original);
    }

    @Test
    void aCompletedWriteLeavesNoEntryAndIsNotTouched() throws SQLException {
        store.record(List.of(new Measurement("aaa", day(0), 1, "first")), "anna");
        store.record(List.of(new Measurement("aaa", day(0), 2, "second"), new Measurement("aaa", day(1), 3, "")), "anna");

        assertThat(count("write_journal")).isZero();
        assertThat(WriteJournal.undoUnfinished(db)).isEmpty();
        assertThat(values("aaa")).containsExactly(Map.entry(day(0), 2.0), Map.entry(day(1), 3.0));
    }

    @Test
    void anInitialImportCutOffCanRunAgain() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO write_journal (id, stamp, recorded_by, kpi_ids, row_count, import_key)"
                    + " VALUES ('cut-off', TIMESTAMP WITH TIME ZONE '" + CUT_OFF + "', 'pilot', 'aaa', 3, 'pilot-x/1')");
            s.executeUpdate("INSERT INTO initial_import VALUES ('pilot-x/1', TIMESTAMP WITH TIME ZONE '" + CUT_OFF + "', 3)");
            s.executeUpdate("INSERT INTO measurement VALUES ('aaa', DATE '" + day(0) + "', 1, '', 'pilot',"
                    + " TIMESTAMP WITH TIME ZONE '" + CUT_OFF + "')");
        }

        WriteJournal.undoUnfinished(db);

        assertThat(values("aaa")).isEmpty();
        List<Measurement> initial = List.of(new Measurement("aaa", day(0), 1, ""), new Measurement("aaa", day(1), 2, ""),
                new Measurement("aaa", day(2), 3, ""));
        assertThat(store.importOnce("pilot-x/1", initial, "pilot")).as("imported again").isTrue();
        assertThat(store.importOnce("pilot-x/1", initial, "pilot")).as("but once").isFalse();
        assertThat(values("aaa")).hasSize(3);
        assertThat(count("write_journal")).isZero();
    }

    private static LocalDate day(int i) {
        return LocalDate.of(2000, 1, 1).plusDays(i);
    }

    private Map<LocalDate, Double> values(String kpi) {
        Map<LocalDate, Double> values = new TreeMap<>();
        store.measurements(kpi, null, null).forEach(m -> values.put(m.period(), m.value()));
        return values;
    }

    private long count(String table) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
