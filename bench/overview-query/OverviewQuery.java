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

/**
 * The query behind a recomputed overview, on its own: reading every active KPI's measurements from an H2 database
 * of the store's shape (the measurement table as in the store's V1 migration, the same H2 version and settings as
 * the platform), in the way the store reads them now and in two other ways. It shows how much of the overview's
 * recomputation is this one query, and what another query shape would save.
 *
 * <p>Run through bench/overview-query.sh: {@code java -cp bench/target/classes:h2.jar
 * bench/overview-query/OverviewQuery.java <result.md> <kpis> <months> <rounds>}.
 */
public class OverviewQuery {

    private static final String COLUMNS = "kpi_id, period, \"value\", source, recorded_by, recorded_at";

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: OverviewQuery <result.md> <kpis> <months> <rounds>");
            System.exit(2);
        }
        Machine machine = Machine.now();
        Path result = Path.of(args[0]);
        int kpis = Integer.parseInt(args[1]);
        int months = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path work = Folders.scratch("overview-query");
        Series inList = new Series("store's query now: `kpi_id IN (?, ?, …)`, 1,000 bound ids per query, "
                + "`ORDER BY kpi_id, period`");
        Series any = new Series("one query, `kpi_id = ANY(?)` with the ids as one array parameter");
        Series all = new Series("one query over the whole table, `ORDER BY kpi_id, period`; ids filtered in Java");
        Series perKpi = new Series("one query per KPI, `kpi_id = ?` (as `GET /api/v1/kpis/{id}/measurements` reads)");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("store") + ";WRITE_DELAY=0")) {
            List<String> ids = fill(c, kpis, months);
            long expected = (long) kpis * months;
            for (int round = 1; round <= rounds; round++) {
                inList.add(time(expected, () -> inLists(c, ids)));
                any.add(time(expected, () -> anyArray(c, ids)));
                all.add(time(expected, () -> wholeTable(c, ids)));
                perKpi.add(time(expected, () -> perKpi(c, ids)));
                System.out.printf("round %d: IN %.0f ms, ANY %.0f ms, whole table %.0f ms, per KPI %.0f ms%n", round,
                        inList.last(), any.last(), all.last(), perKpi.last());
            }
        } finally {
            Folders.delete(work);
        }
        List<Series> series = List.of(inList, any, all, perKpi);
        new Report("The overview's measurement query on H2", machine,
                System.getenv().getOrDefault("BENCH_COMMAND", "bench/overview-query.sh"))
                .section("Reading " + String.format("%,d", (long) kpis * months) + " measurements of " + kpis
                        + " KPIs (ms)", Series.table("query shape", "ms", series).markdown() + String.format(
                        "%nRatio in this run (medians): the store's query now / whole table = %.1f.",
                        inList.stats().median() / all.stats().median()))
                .section("Method", String.format("""
                        An H2 file database (the H2 JAR of the distribution, `WRITE_DELAY=0` as the store uses) with the \
                        store's `measurement` table (primary key `(kpi_id, period)`), filled with %d KPIs × %d monthly \
                        values. Each round reads all rows with all six columns, as the store's \
                        `SqlMeasurementStore.measurements(Collection)` does for a recomputed overview, in four ways, \
                        in the same JDBC connection, one after another; every shape returns every row (checked). \
                        %d rounds; the first includes the JIT's warm-up.""", kpis, months, rounds))
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

    private static List<String> fill(Connection c, int kpis, int months) throws SQLException {
        c.createStatement().execute("CREATE TABLE measurement (kpi_id VARCHAR(64) NOT NULL, period DATE NOT NULL,"
                + " \"value\" DOUBLE PRECISION NOT NULL, source VARCHAR NOT NULL, recorded_by VARCHAR(200) NOT NULL,"
                + " recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT measurement_pk PRIMARY KEY (kpi_id, period))");
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
