package nl.proeftuin.distribution.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the platform in the middle of large CSV imports, each followed by a start on the same home: every import
 * is found whole or not at all, and everything answered 200 before it (earlier posts, earlier imports) is still there.
 * The kills are spread over an import by how much it has grown the database file: the first kill comes right after the
 * CSV was sent (still being parsed), the later ones at growing fractions of what a whole import adds, more of them in
 * the last stretch, where the commit runs ({@link #killAt}). 3 kills of a
 * 100,000-row import in CI; 20 of 1,000,000 rows in {@code bench/faults.sh}.
 *
 * <p>Every import writes the same periods (one per day from 1500-01-01) with values of its own, so the stored values
 * of those periods say which import, if any, they come from.
 */
class ImportCrashIT {

    static final int ROWS = Scale.pick(100_000, 1_000_000);
    static final int KILLS = Scale.pick(3, 20);
    static final LocalDate FIRST_DAY = LocalDate.of(1500, 1, 1);
    /** Far apart, so that the value says which import wrote it. */
    static final double ROUND_STEP = 10_000_000;
    static final Duration DEPLOY = Duration.ofSeconds(20);
    /** A kill waits for the database to grow this long at most: only a write that stalled would take longer. */
    static final Duration KILL_AT_THE_LATEST = Duration.ofMinutes(5);

    @TempDir
    Path home;

    @Test
    void killsDuringLargeCsvImportsLeaveEachWholeOrAbsentAndEverythingCommittedBefore() throws Exception {
        PilotJars pilot = new PilotJars("import", "1.0.0");
        pilot.writeAtomically(Files.createDirectories(home.resolve("deploy")).resolve("import.jar"));
        int port = PlatformProcess.freePort();
        Client client = new Client(port);
        String path = "/api/v1/kpis/" + pilot.kpi() + "/measurements";
        Map<String, Double> expected = new HashMap<>();
        List<String> table = new ArrayList<>();
        int inFlight = 0;
        PlatformProcess platform = PlatformProcess.startServing(home, port);
        try {
            awaitKpi(client, path);
            // answered 200 before any import: the months of 1400, which no import touches
            StringBuilder json = new StringBuilder("[");
            for (int month = 1; month <= 12; month++) {
                json.append(month == 1 ? "" : ",").append("{\"period\":\"1400-%02d\",\"value\":%d,\"source\":\"before\"}".formatted(month, month * 7));
                expected.put(YearMonth.of(1400, month).atEndOfMonth().toString(), month * 7.0);
            }
            HttpResponse<String> posted = client.post(path, "application/json", json.append("]").toString().getBytes(StandardCharsets.UTF_8));
            assertThat(posted.statusCode()).as("POST before the imports: %s", posted.body()).isEqualTo(200);

            // the first import finishes, and the kill comes right after its 200; how much it grew the database file
            // places the later kills: from right after the CSV was sent (still parsing) to far into the writing
            Path database = home.resolve("data/store/proeftuin.mv.db");
            long sizeBefore = Files.size(database);
            long sentAt = System.nanoTime();
            HttpResponse<String> first = client.post(path, "text/csv", csv(0));
            long importMillis = (System.nanoTime() - sentAt) / 1_000_000;
            assertThat(first.statusCode()).as("the first import: %s", first.body()).isEqualTo(200);
            long importGrowth = Files.size(database) - sizeBefore;
            platform.kill();
            expected.putAll(rows(0));
            platform = PlatformProcess.startServing(home, port);
            awaitKpi(client, path);
            assertStored(client.measurements(pilot.kpi()), expected, "after kill -9 right after the first import's 200");
            table.add("| 0 | right after its 200 | answered 200 | all |");

            try {
                for (int round = 1; round <= KILLS; round++) {
                    long killAtGrowth = (long) (killAt(round) * importGrowth);
                    byte[] body = csv(round);
                    long base = Files.size(database);
                    CountDownLatch sent = new CountDownLatch(1);
                    CompletableFuture<String> answer = CompletableFuture.supplyAsync(
                            () -> client.rawPost(path, "text/csv", body, body.length, sent::countDown));
                    assertThat(sent.await(60, TimeUnit.SECONDS)).as("the CSV of import %d was sent", round).isTrue();
                    long bodySent = System.nanoTime();
                    while (!answer.isDone() && Files.size(database) - base < killAtGrowth
                            && System.nanoTime() - bodySent < KILL_AT_THE_LATEST.toNanos()) {
                        Thread.sleep(2);
                    }
                    boolean answeredBefore = answer.isDone();
                    long grown = Files.size(database) - base;
                    long killedAfter = (System.nanoTime() - bodySent) / 1_000_000;
                    platform.kill();
                    String reply = answer.get(30, TimeUnit.SECONDS);
                    boolean committed = reply.startsWith("HTTP/1.1 200");
                    inFlight += answeredBefore ? 0 : 1;

                    platform = PlatformProcess.startServing(home, port);
                    // the store's warning when it finished a commit H2 had left half applied (H2Recovery)
                    boolean finishedAtStart = platform.output().contains("transaction(s) H2 was committing");
                    awaitKpi(client, path);
                    Map<String, Double> stored = client.measurements(pilot.kpi());
                    Map<String, Double> imported = rows(round);
                    long fromThisImport = imported.entrySet().stream().filter(e -> e.getValue().equals(stored.get(e.getKey()))).count();
                    String moment = "kill " + killedAfter + " ms after the CSV of import " + round + " was sent, the database file "
                            + (grown < 0 ? "" : "+") + mb(grown) + " since it began (" + (answeredBefore ? "already answered: " + reply.lines().findFirst().orElse("") : "in flight") + ")";
                    table.add("| " + round + " | " + killedAfter + " ms, database " + (grown < 0 ? "" : "+") + mb(grown) + " | "
                            + (answeredBefore ? "answered " + (committed ? "200" : "otherwise") : "in flight") + " | "
                            + (fromThisImport == ROWS ? "all" : fromThisImport == 0 ? "none" : fromThisImport + " of " + ROWS + " rows")
                            + (finishedAtStart ? " (H2's commit finished at start)" : "") + " |");
                    assertThat(fromThisImport).as("rows of import %d found after the %s: all %d or none", round, moment, ROWS)
                            .isIn(0L, (long) ROWS);
                    if (committed) {
                        assertThat(fromThisImport).as("import %d was answered 200, so all of it (%s)", round, moment).isEqualTo(ROWS);
                    }
                    if (fromThisImport == ROWS) {
                        expected.putAll(imported);
                    }
                    assertStored(stored, expected, "after the " + moment);
                }
            } finally {
                // also when a kill left a half import: the table says which kill it was
                System.out.printf("ImportCrashIT: %d rows per import; the first took %d ms and grew the database file by %s%n"
                        + "| import | kill after the CSV was sent | at the kill | after the restart |%n|---|---|---|---|%n%s%n",
                        ROWS, importMillis, mb(importGrowth), String.join("\n", table));
            }
            assertThat(inFlight).as("kills that hit an import in flight (else make the import larger)").isPositive();

            // and the store takes new data after all those crashes
            HttpResponse<String> after = client.post(path, "text/csv", "period,value,source\n1401-01,5,after\n".getBytes(StandardCharsets.UTF_8));
            assertThat(after.statusCode()).as("POST after the restarts: %s", after.body()).isEqualTo(200);
            platform.stop();
        } finally {
            platform.close();
        }
    }

    /**
     * Where kill {@code round} comes, as a fraction of what a whole import grows the database file: the first two thirds
     * of the kills spread evenly from 0, the rest from 0.7 on, into the commit, which is where H2 left half imports
     * before the store finished its interrupted commits at start (H2Recovery).
     */
    static double killAt(int round) {
        int spread = (2 * KILLS + 2) / 3;
        return round <= spread ? (round - 1) / (double) spread
                : 0.7 + 0.3 * (round - spread - 1) / (KILLS - spread);
    }

    /** Waits until the pilot's KPI is in the catalogue (its measurements path is its path plus /measurements). */
    private static void awaitKpi(Client client, String measurementsPath) throws InterruptedException {
        String kpiPath = measurementsPath.substring(0, measurementsPath.lastIndexOf('/'));
        Client.await("the pilot's KPI", DEPLOY, () -> client.send(client.request(kpiPath).GET().build()).statusCode(), s -> s == 200);
    }

    /** Compares without printing a million rows: what is missing, changed or extra, with a few examples. */
    private static void assertStored(Map<String, Double> stored, Map<String, Double> expected, String when) {
        List<String> differences = new ArrayList<>();
        int missing = 0;
        int changed = 0;
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            Double value = stored.get(e.getKey());
            if (value == null) {
                missing++;
            } else if (!value.equals(e.getValue())) {
                changed++;
            } else {
                continue;
            }
            if (differences.size() < 5) {
                differences.add(e.getKey() + ": expected " + e.getValue() + ", found " + value);
            }
        }
        long extra = stored.keySet().stream().filter(k -> !expected.containsKey(k)).count();
        assertThat(missing + changed + extra).as("%s: %d measurements missing, %d changed, %d unexpected, e.g. %s", when, missing,
                changed, extra, differences).isZero();
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static Map<String, Double> rows(int round) {
        Map<String, Double> rows = new HashMap<>(ROWS * 2);
        LocalDate day = FIRST_DAY;
        for (int i = 0; i < ROWS; i++, day = day.plusDays(1)) {
            rows.put(day.toString(), round * ROUND_STEP + i);
        }
        return rows;
    }

    private static byte[] csv(int round) {
        StringBuilder csv = new StringBuilder(ROWS * 28).append("period,value,source\n");
        LocalDate day = FIRST_DAY;
        for (int i = 0; i < ROWS; i++, day = day.plusDays(1)) {
            csv.append(day).append(',').append((long) (round * ROUND_STEP) + i).append(",import ").append(round).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
