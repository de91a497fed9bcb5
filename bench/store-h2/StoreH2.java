import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.proeftuin.bench.Folders;
import nl.proeftuin.bench.Machine;
import nl.proeftuin.bench.Report;
import nl.proeftuin.bench.Series;
import nl.proeftuin.bench.Table;

/**
 * What H2 itself does with the store's work, without the platform around it, on a database of the store's shape
 * (the measurement table as in the store's V1 migration; the H2 JAR and settings of the distribution):
 *
 * <ul>
 *   <li>reading every active KPI's measurements, the query behind a recomputed overview, the way the store reads
 *       them (one indexed query per KPI) and in four other ways, among them the IN lists it used before;</li>
 *   <li>inserting a million rows for one KPI in one transaction, the core of a large CSV import, as the store does
 *       (one INSERT of 1,000 rows per batch), as it did before (JDBC batches of single-row INSERTs), and in
 *       between.</li>
 * </ul>
 *
 * <p>Run through bench/store-h2.sh: {@code java -cp bench/target/classes:h2.jar bench/store-h2/StoreH2.java
 * <result.md> <kpis> <months> <rounds> <insert rows>}.
 */
public class StoreH2 {

    private static final String COLUMNS = "kpi_id, period, \"value\", source, recorded_by, recorded_at";
    /** The store's H2 settings (nl.proeftuin.store.internal.Databases.H2_SETTINGS). */
    private static final String URL = "jdbc:h2:file:%s;WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: StoreH2 <result.md> <kpis> <months> <rounds> <insert rows>");
            System.exit(2);
        }
        Machine machine = Machine.now();
        Path result = Path.of(args[0]);
        int kpis = Integer.parseInt(args[1]);
        int months = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int insertRows = Integer.parseInt(args[4]);
        Path work = Folders.scratch("store-h2");
        Series inList = new Series("the store before: `kpi_id IN (?, ?, …)`, 1,000 bound ids per query, "
                + "`ORDER BY kpi_id, period`");
        Series inUnordered = new Series("`kpi_id IN (?, ?, …)`, 1,000 bound ids per query, no `ORDER BY` (sorted in Java)");
        Series any = new Series("one query, `kpi_id = ANY(?)` with the ids as one array parameter");
        Series all = new Series("one query over the whole table, `ORDER BY kpi_id, period`; ids filtered in Java");
        Series perKpi = new Series("the store now: one query per KPI, `kpi_id = ? ORDER BY period`, one prepared statement"
                + " in one transaction");
        Table inserts = new Table("inserting " + String.format("%,d", insertRows) + " rows of one KPI in one transaction",
                "INSERTs (s)", "commit (s)", "total (s)", "rows/s");
        try (Connection c = DriverManager.getConnection(URL.formatted(work.resolve("store")))) {
            List<String> ids = fill(c, kpis, months);
            long expected = (long) kpis * months;
            for (int round = 1; round <= rounds; round++) {
                inList.add(time(expected, () -> inLists(c, ids)));
                inUnordered.add(time(expected, () -> inListsUnordered(c, ids)));
                any.add(time(expected, () -> anyArray(c, ids)));
                all.add(time(expected, () -> wholeTable(c, ids)));
                perKpi.add(time(expected, () -> perKpi(c, ids)));
                System.out.printf("round %d: IN %.0f ms, IN unordered %.0f ms, ANY %.0f ms, whole table %.0f ms, per KPI %.0f ms%n", round,
                        inList.last(), inUnordered.last(), any.last(), all.last(), perKpi.last());
            }
        }
        try {
            for (int perStatement : List.of(1, 100, 1000)) {
                try (Connection fresh = DriverManager.getConnection(URL.formatted(work.resolve("insert-" + perStatement)))) {
                    insert(fresh, insertRows, perStatement, inserts);
                }
            }
        } finally {
            Folders.delete(work);
        }
        List<Series> series = List.of(inList, inUnordered, any, all, perKpi);
        new Report("The store's work on H2 alone: the overview's query and a large insert", machine,
                System.getenv().getOrDefault("BENCH_COMMAND", "bench/store-h2.sh"))
                .section("Reading " + String.format("%,d", (long) kpis * months) + " measurements of " + kpis
                        + " KPIs (ms)", Series.table("query shape", "ms", series).markdown() + String.format(
                        "%nRatio in this run (medians): IN lists (the store before) / one query per KPI (the store now)"
                        + " = %.1f.", inList.stats().median() / perKpi.stats().median()))
                .section("Inserting a large import", inserts.markdown())
                .section("Method", String.format("""
                        H2 file databases (the H2 JAR of the distribution, with the store's settings \
                        `WRITE_DELAY=0;LOCK_TIMEOUT=10000`) with the store's `measurement` table (primary key \
                        `(kpi_id, period)`), in this JVM, without the platform. Reading: the table filled with %d KPIs \
                        × %d monthly values; each round reads all rows with all six columns, as the store's \
                        `SqlMeasurementStore.measurements(Collection)` does for a recomputed overview, in five ways, in \
                        the same connection one after another; every shape returns every row (checked); %d rounds, the \
                        first with the JIT's warm-up. Inserting: %,d daily rows of one KPI into an empty table in one \
                        transaction, bound as the store binds them (LocalDate, double, OffsetDateTime), 1,000 rows per \
                        JDBC batch: as statements of one row each (as `SqlMeasurementStore.write` did before), of 100 \
                        rows, and of 1,000 rows (one statement per batch, as it does now); then one commit.""", kpis, months, rounds, insertRows))
                .section("Raw values (ms)", Series.raw(series))
                .write(result);
    }

    interface Read {
        long rows() throws SQLException;
    }

    private static double time(long expected, Read read) throws SQLException {
        long start = System.nanoTime();
        long rows = read.rows();
        double ms = (System.nanoTime() - start) / 1e6;
        if (rows != expected) {
            throw new IllegalStateException("read " + rows + " rows, expected " + expected);
        }
        return ms;
    }

    private static void createTable(Connection c) throws SQLException {
        c.createStatement().execute("CREATE TABLE measurement (kpi_id VARCHAR(64) NOT NULL, period DATE NOT NULL,"
                + " \"value\" DOUBLE PRECISION NOT NULL, source VARCHAR NOT NULL, recorded_by VARCHAR(200) NOT NULL,"
                + " recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT measurement_pk PRIMARY KEY (kpi_id, period))");
    }

    /** Inserts rows of one KPI in one transaction, {@code perStatement} rows per INSERT, 1,000 rows per batch. */
    private static void insert(Connection c, int rows, int perStatement, Table table) throws SQLException {
        createTable(c);
        c.setAutoCommit(false);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        StringBuilder sql = new StringBuilder("INSERT INTO measurement (" + COLUMNS + ") VALUES ");
        sql.append(String.join(", ", Collections.nCopies(perStatement, "(?, ?, ?, ?, ?, ?)")));
        LocalDate day = LocalDate.of(1900, 1, 1);
        long start = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int pending = 0;
            for (int i = 0; i < rows; i += perStatement) {
                for (int j = 0; j < perStatement; j++) {
                    int at = j * 6;
                    ps.setString(at + 1, "bench-101-kpi-0");
                    ps.setObject(at + 2, day);
                    ps.setDouble(at + 3, i + j);
                    ps.setString(at + 4, "bench");
                    ps.setString(at + 5, "api");
                    ps.setObject(at + 6, now);
                    day = day.plusDays(1);
                }
                ps.addBatch();
                pending += perStatement;
                if (pending >= 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        long inserted = System.nanoTime();
        c.commit();
        long committed = System.nanoTime();
        double total = (committed - start) / 1e9;
        table.row(perStatement == 1 ? "JDBC batches of 1,000 single-row INSERTs (the store before)"
                : perStatement >= 1000 ? "one INSERT of " + perStatement + " rows per batch (the store now)"
                : "JDBC batches of " + 1000 / perStatement + " INSERTs of " + perStatement + " rows each", (inserted - start) / 1e9,
                (committed - inserted) / 1e9, total, rows / total);
        System.out.printf("insert %d rows, %d per statement: %.1f s%n", rows, perStatement, total);
    }

    private static List<String> fill(Connection c, int kpis, int months) throws SQLException {
        createTable(c);
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < kpis; k++) {
            ids.add(String.format("bench-%03d-kpi-%d", 1 + k / 10, k % 10));
        }
        c.setAutoCommit(false);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO measurement (" + COLUMNS + ") VALUES (?,?,?,?,?,?)")) {
            for (String id : ids) {
                LocalDate month = LocalDate.of(2016, 1, 31);
                for (int m = 0; m < months; m++) {
                    ps.setString(1, id);
                    ps.setObject(2, month);
                    ps.setDouble(3, m * 4.5);
                    ps.setString(4, "bench");
                    ps.setString(5, "api");
                    ps.setObject(6, now);
                    ps.addBatch();
                    month = month.plusMonths(1).withDayOfMonth(month.plusMonths(1).lengthOfMonth());
                }
                ps.executeBatch();
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return ids;
    }

    private static long inLists(Connection c, List<String> ids) throws SQLException {
        long rows = 0;
        for (int start = 0; start < ids.size(); start += 1000) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + 1000));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM measurement WHERE kpi_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY kpi_id, period")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                rows += read(ps, null);
            }
        }
        return rows;
    }

    private static long inListsUnordered(Connection c, List<String> ids) throws SQLException {
        long rows = 0;
        for (int start = 0; start < ids.size(); start += 1000) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + 1000));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM measurement WHERE kpi_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                rows += read(ps, null);
            }
        }
        return rows;
    }

    private static long anyArray(Connection c, List<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM measurement WHERE kpi_id = ANY(?) ORDER BY kpi_id, period")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", ids.toArray()));
            return read(ps, null);
        }
    }

    private static long wholeTable(Connection c, List<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM measurement ORDER BY kpi_id, period")) {
            return read(ps, new HashSet<>(ids));
        }
    }

    private static long perKpi(Connection c, List<String> ids) throws SQLException {
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM measurement WHERE kpi_id = ? ORDER BY period")) {
            for (String id : ids) {
                ps.setString(1, id);
                rows += read(ps, null);
            }
        }
        return rows;
    }

    /** Reads every column of every row, as the store does; counts the rows of wanted KPIs (all when null). */
    private static long read(PreparedStatement ps, Set<String> wanted) throws SQLException {
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String kpi = rs.getString(1);
                if (wanted != null && !wanted.contains(kpi)) {
                    continue;
                }
                rs.getObject(2, LocalDate.class);
                rs.getDouble(3);
                rs.getString(4);
                rs.getString(5);
                rs.getObject(6, OffsetDateTime.class);
                rows++;
            }
        }
        return rows;
    }
}
