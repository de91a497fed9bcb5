import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.proeftuin.bench.Catalogue;
import nl.proeftuin.bench.Folders;
import nl.proeftuin.bench.Http;
import nl.proeftuin.bench.Machine;
import nl.proeftuin.bench.Pilots;
import nl.proeftuin.bench.Platform;
import nl.proeftuin.bench.Profiler;
import nl.proeftuin.bench.Report;
import nl.proeftuin.bench.Table;

/**
 * Ingest: measurements imported as CSV through the API ({@code POST /api/v1/kpis/{id}/measurements}, text/csv), rows
 * per second, on the embedded H2 and on PostgreSQL. Two shapes of the same number of rows: one file of all rows for
 * one KPI (daily values), and a thousand files of a thousand rows each for a thousand KPIs, sent one after another.
 * Then a JFR profile of one more single-file import on H2.
 *
 * <p>Run through bench/ingest.sh: {@code java -cp bench/target/classes bench/ingest/Ingest.java <distribution>
 * <result.md> <rows> [<jdbc url> <user> <password>]}.
 */
public class Ingest {

    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    /** Pilots 1-100 take the 1,000 files (10 KPIs each); pilot 101 takes the single file. */
    private static final int PILOTS = 101;
    private static final int KPIS_PER_PILOT = 10;

    record Outcome(String database, String shape, long rows, double seconds, long requestBytes) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 6) {
            System.err.println("usage: Ingest <distribution> <result.md> <rows> [<jdbc url> <user> <password>]");
            System.exit(2);
        }
        Machine machine = Machine.now();
        Path dist = Path.of(args[0]).toAbsolutePath();
        Path result = Path.of(args[1]);
        int rows = Integer.parseInt(args[2]);
        Path work = Folders.scratch("ingest");
        List<Outcome> outcomes = new ArrayList<>();
        String profile;
        String h2Size;
        try {
            byte[] oneFile = dailyCsv(rows, FIRST_DAY);
            h2Size = run("H2 (embedded, default)", dist, work, null, rows, oneFile, outcomes);
            if (args.length == 6) {
                run("PostgreSQL", dist, work, new String[] {args[3], args[4], args[5]}, rows, oneFile, outcomes);
            }
            profile = profiledImport(dist, work, oneFile);
        } finally {
            Folders.delete(work);
        }
        Table table = new Table("database", "<import", "rows", "seconds", "rows/s", "request (MiB)");
        for (Outcome o : outcomes) {
            table.row(o.database(), o.shape(), o.rows(), o.seconds(), o.rows() / o.seconds(), o.requestBytes() / 1048576.0);
        }
        Outcome h2 = outcomes.get(0);
        String aim = String.format("Aim: a 1,000,000-row CSV import in under 10 s on H2. Here: %,d rows in one file in"
                + " %.1f s — %s.", h2.rows(), h2.seconds(), h2.rows() < 1_000_000 ? "a smaller run (quick mode), not"
                + " comparable with the aim" : h2.seconds() < 10 ? "met" : "missed");
        if (args.length != 6) {
            aim += " PostgreSQL was not measured (no database given).";
        }
        new Report("Ingest: CSV import through the API", machine,
                System.getenv().getOrDefault("BENCH_COMMAND", "bench/ingest.sh " + rows))
                .section("Rows per second", table.markdown() + "\n" + aim + "\n\nH2 database file after both imports: "
                        + h2Size + ".")
                .section("Where a single-file import's time goes on H2 (JFR, one more import)", profile)
                .section("Method", String.format("""
                        Each database gets a fresh copy of the distribution without the example pilots, with %d \
                        generated pilots of %d KPIs each in `deploy/`, started with default settings (H2: the embedded \
                        file database; PostgreSQL: `jdbc.url`, `jdbc.user` and `jdbc.password` in \
                        `conf/nl.proeftuin.store.cfg`, a throw-away server from `.ci/postgres.sh` on this machine, \
                        fsync on). "One file": one `POST /api/v1/kpis/{id}/measurements` with `Content-Type: text/csv` \
                        and all rows (header `period,value,source`, one row per day from %s) for one KPI. "1,000 \
                        files": the same number of rows as 1,000 requests of %d rows each for 1,000 different KPIs, one \
                        after another from one client. The clock runs from sending the first byte to the last answer; \
                        the answers' `inserted` counts are checked against the rows sent. Every import is all or \
                        nothing: one transaction. The profile is one more single-file import of the same size into \
                        another KPI on H2 with a JFR recording (`settings=profile`), counting samples with `KpisServlet` \
                        on the stack; the recording is kept in `bench/target/profiles/ingest-h2.jfr`.""", PILOTS, KPIS_PER_PILOT,
                        FIRST_DAY, rows / 1000))
                .write(result);
    }

    /** Both shapes on one database; returns the size of the H2 files (or "–"). */
    private static String run(String database, Path dist, Path work, String[] postgresql, int rows, byte[] oneFile,
            List<Outcome> outcomes) throws Exception {
        Path home = Platform.install(dist, work, false);
        if (postgresql != null) {
            Platform.usePostgresql(home, postgresql[0], postgresql[1], postgresql[2]);
        }
        Pilots.compile(home, work).writeAll(home.resolve("deploy"), PILOTS, KPIS_PER_PILOT);
        try (Platform platform = Platform.start(home, "")) {
            platform.awaitRegions(PILOTS, Duration.ofMinutes(5));
            Http http = platform.http();

            long start = System.nanoTime();
            long inserted = post(http, Pilots.region(PILOTS) + "-kpi-0", oneFile);
            double seconds = (System.nanoTime() - start) / 1e9;
            check(inserted, rows);
            outcomes.add(new Outcome(database, "one file, one KPI", rows, seconds, oneFile.length));
            System.out.printf("%s: %,d rows in one file in %.2f s%n", database, rows, seconds);

            int perFile = rows / 1000;
            List<byte[]> files = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                files.add(dailyCsv(perFile, FIRST_DAY));
            }
            long bytes = files.stream().mapToLong(f -> f.length).sum();
            long total = 0;
            start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                int pilot = 1 + i / KPIS_PER_PILOT;
                total += post(http, Pilots.region(pilot) + "-kpi-" + (i % KPIS_PER_PILOT), files.get(i));
            }
            seconds = (System.nanoTime() - start) / 1e9;
            check(total, (long) perFile * 1000);
            outcomes.add(new Outcome(database, "1,000 files of " + String.format("%,d", perFile) + " rows, 1,000 KPIs",
                    (long) perFile * 1000, seconds, bytes));
            System.out.printf("%s: %,d rows in 1,000 files in %.2f s%n", database, total, seconds);
            platform.stop();
        }
        String size = postgresql == null ? size(home.resolve("data/store")) : "–";
        Folders.delete(home);
        return size;
    }

    private static String profiledImport(Path dist, Path work, byte[] oneFile) throws Exception {
        Path home = Platform.install(dist, work, false);
        Pilots.compile(home, work).writeAll(home.resolve("deploy"), 1, 1);
        try (Platform platform = Platform.start(home, "-XX:FlightRecorderOptions:stackdepth=256")) {
            platform.awaitRegions(1, Duration.ofMinutes(5));
            Profiler.start(platform.pid());
            post(platform.http(), Pilots.region(1) + "-kpi-0", oneFile);
            Path jfr = Profiler.stop(platform.pid(), work.resolve("ingest.jfr"));
            Map<String, String> phases = new LinkedHashMap<>();
            phases.put("reading and checking the CSV", "MeasurementInput.");
            phases.put("storing (one transaction)", "SqlMeasurementStore.record");
            phases.put("of which looking for existing values (SELECT … FOR UPDATE)", "SqlMeasurementStore.existing");
            phases.put("of which the multi-row INSERTs of new values", "SqlMeasurementStore$Inserts.execute");
            phases.put("of which replacing existing values (copy to history, UPDATE)", "PreparedStatement.executeBatch");
            phases.put("of which the commit", "Connection.commit");
            phases.put("checking the Basic password (PBKDF2)", "PasswordHasher.");
            String summary = Profiler.summary(jfr, "KpisServlet", 12, phases);
            Path keep = Files.createDirectories(Path.of("bench/target/profiles")).resolve("ingest-h2.jfr");
            Files.copy(jfr, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("the recording is kept in " + keep);
            platform.stop();
            return summary;
        } finally {
            Folders.delete(home);
        }
    }

    private static long post(Http http, String kpi, byte[] csv) throws IOException {
        return Catalogue.inserted(http.postOk("/api/v1/kpis/" + kpi + "/measurements", "text/csv", csv).text());
    }

    private static void check(long inserted, long expected) {
        if (inserted != expected) {
            throw new IllegalStateException("the platform inserted " + inserted + " rows, expected " + expected);
        }
    }

    static byte[] dailyCsv(int rows, LocalDate first) {
        StringBuilder csv = new StringBuilder(rows * 26 + 32).append("period,value,source\n");
        LocalDate day = first;
        for (int i = 0; i < rows; i++) {
            csv.append(day).append(',').append(i % 10_000).append('.').append(i % 10).append(",bench\n");
            day = day.plusDays(1);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            return String.format("%.1f MiB", bytes / 1048576.0);
        }
    }
}
