package nl.proeftuin.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a write of measurements all or nothing on H2 also when the process is killed during it.
 *
 * <p>H2 should roll back a transaction that was not committed when the process died, and mostly does; but after
 * kill -9 during a 1,000,000-row import it once kept 674,493 of the rows (and once 350,052 in another run), so the
 * store keeps its own record: {@link #begin} commits an entry before the write's transaction, the transaction
 * deletes it as its last statement ({@link #end}), and an entry still there at the next start belongs to a write that
 * did not complete. {@link #undoUnfinished} then removes what of it survived, by the write's stamp: the rows it
 * inserted or updated carry that exact {@code recorded_at} and {@code recorded_by}, and the values it replaced were
 * copied to the history with that {@code replaced_at}. Undoing is idempotent, so a crash during it is undone again.
 *
 * <p>Only for the embedded H2 database, which one process owns: on PostgreSQL the transaction is atomic, and an
 * entry may belong to a write still running on another node.
 *
 * <p>Thread-safety: stateless; every method runs in the connection or data source it is given.
 */
final class WriteJournal {

    private static final Logger LOG = LoggerFactory.getLogger(WriteJournal.class);
    private static final String COLUMNS = "kpi_id, period, \"value\", source, recorded_by, recorded_at";

    /** An entry: one write of measurements that began. */
    record Entry(String id, OffsetDateTime stamp, String recordedBy, List<String> kpiIds, int rowCount,
            String importKey) {
        Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(stamp, "stamp");
            Objects.requireNonNull(recordedBy, "recordedBy");
            kpiIds = List.copyOf(kpiIds);
        }
    }

    private WriteJournal() {
    }

    /**
     * Notes, in a transaction of its own, that a write begins.
     *
     * @param dataSource the database
     * @param stamp the {@code recorded_at} of every row of the write and the {@code replaced_at} of what it replaces
     * @param recordedBy the {@code recorded_by} of every row of the write
     * @param kpiIds the KPIs written
     * @param rowCount how many measurements (for the log)
     * @param importKey the initial import the write belongs to, or null
     * @return the entry, to end in the write's transaction
     * @throws SQLException if the entry cannot be written (the write must not start then)
     */
    static Entry begin(DataSource dataSource, OffsetDateTime stamp, String recordedBy, List<String> kpiIds,
            int rowCount, String importKey) throws SQLException {
        Entry entry = new Entry(UUID.randomUUID().toString(), stamp, recordedBy, kpiIds, rowCount, importKey);
        Sql.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO write_journal"
                    + " (id, stamp, recorded_by, kpi_ids, row_count, import_key) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, entry.id());
                ps.setObject(2, entry.stamp());
                ps.setString(3, entry.recordedBy());
                ps.setString(4, String.join(",", entry.kpiIds()));
                ps.setInt(5, entry.rowCount());
                ps.setString(6, entry.importKey());
                ps.executeUpdate();
            }
            return null;
        });
        return entry;
    }

    /**
     * Ends an entry inside the write's own transaction: it goes when the write commits.
     *
     * @param c the write's connection, in its transaction
     * @param entry the entry
     * @throws SQLException on a database error (the write rolls back)
     */
    static void end(Connection c, Entry entry) throws SQLException {
        delete(c, entry.id());
    }

    /**
     * Removes what survived of every write that did not complete: at the start, before anyone writes; and after a
     * write failed, for its own entry.
     *
     * @param dataSource the database
     * @return the writes undone
     * @throws SQLException on a database error (entries not undone stay for the next try)
     */
    static List<Entry> undoUnfinished(DataSource dataSource) throws SQLException {
        List<Entry> entries = Sql.transaction(dataSource, WriteJournal::entries);
        if (!entries.isEmpty()) {
            // the store is not up until this is done, which can take a while after a large import
            LOG.info("Checking {} write(s) of measurements that a crash cut off", entries.size());
        }
        for (Entry entry : entries) {
            undo(dataSource, entry);
        }
        return entries;
    }

    /**
     * Undoes one write, whatever of it survived, and removes its entry; nothing when the entry is gone, which means
     * the write committed.
     *
     * @param dataSource the database
     * @param entry the write
     * @throws SQLException on a database error (the entry stays)
     */
    static void undo(DataSource dataSource, Entry entry) throws SQLException {
        long started = System.nanoTime();
        int[] counts = Sql.transaction(dataSource, c -> {
            if (!exists(c, entry.id())) {
                return null;
            }
            int removed = 0;
            int restored = 0;
            for (List<String> chunk : chunks(entry.kpiIds())) {
                String in = " kpi_id IN (" + SqlMeasurementStore.placeholders(chunk.size()) + ")";
                // the write's own rows, new or updated
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM measurement WHERE" + in
                        + " AND recorded_at = ? AND recorded_by = ?")) {
                    int i = bind(ps, chunk);
                    ps.setObject(i++, entry.stamp());
                    ps.setString(i, entry.recordedBy());
                    removed += ps.executeUpdate();
                }
                // the values it replaced, unless the write's own earlier values of a pair given twice
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO measurement (" + COLUMNS + ") SELECT "
                        + COLUMNS + " FROM measurement_history h WHERE h." + in.strip() + " AND h.replaced_at = ?"
                        + " AND NOT (h.recorded_at = ? AND h.recorded_by = ?) AND NOT EXISTS (SELECT 1 FROM"
                        + " measurement m WHERE m.kpi_id = h.kpi_id AND m.period = h.period)")) {
                    int i = bind(ps, chunk);
                    ps.setObject(i++, entry.stamp());
                    ps.setObject(i++, entry.stamp());
                    ps.setString(i, entry.recordedBy());
                    restored += ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM measurement_history WHERE" + in
                        + " AND replaced_at = ?")) {
                    int i = bind(ps, chunk);
                    ps.setObject(i, entry.stamp());
                    ps.executeUpdate();
                }
            }
            if (entry.importKey() != null) {
                // only this write's claim of the key, not an earlier import's
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM initial_import WHERE import_key = ?"
                        + " AND imported_at = ?")) {
                    ps.setString(1, entry.importKey());
                    ps.setObject(2, entry.stamp());
                    ps.executeUpdate();
                }
            }
            delete(c, entry.id());
            return new int[] {removed, restored};
        });
        if (counts == null) {
            return;
        }
        if (counts[0] > 0 || counts[1] > 0) {
            LOG.warn("A write of {} measurements of KPI(s) {} by {} at {} did not complete (the process stopped"
                    + " during it): removed the {} of its rows that were kept anyway and restored {} values it had"
                    + " replaced, in {} ms", entry.rowCount(), Sql.some(entry.kpiIds()), entry.recordedBy(),
                    entry.stamp(), counts[0], counts[1], (System.nanoTime() - started) / 1_000_000);
        } else {
            LOG.info("A write of {} measurements of KPI(s) {} by {} at {} did not complete; nothing of it was kept",
                    entry.rowCount(), Sql.some(entry.kpiIds()), entry.recordedBy(), entry.stamp());
        }
    }

    private static List<Entry> entries(Connection c) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, stamp, recorded_by, kpi_ids, row_count, import_key"
                + " FROM write_journal ORDER BY stamp");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new Entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        Arrays.asList(rs.getString(4).split(",")), rs.getInt(5), rs.getString(6)));
            }
        }
        return entries;
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM write_journal WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM write_journal WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static int bind(PreparedStatement ps, List<String> ids) throws SQLException {
        int i = 1;
        for (String id : ids) {
            ps.setString(i++, id);
        }
        return i;
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += SqlMeasurementStore.BATCH) {
            chunks.add(ids.subList(start, Math.min(ids.size(), start + SqlMeasurementStore.BATCH)));
        }
        return chunks;
    }
}
