import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.proeftuin.bench.Catalogue;
import nl.proeftuin.bench.Folders;
import nl.proeftuin.bench.Http;
import nl.proeftuin.bench.Load;
import nl.proeftuin.bench.Machine;
import nl.proeftuin.bench.Pilots;
import nl.proeftuin.bench.Platform;
import nl.proeftuin.bench.Profiler;
import nl.proeftuin.bench.Report;
import nl.proeftuin.bench.Series;
import nl.proeftuin.bench.Table;

/**
 * API throughput and latency under load on loopback, on a generated large catalogue: {@code pilots} pilot bundles of
 * {@code kpis} KPIs each, with {@code months} monthly measurements per KPI loaded through the CSV API. Four
 * endpoints, each warmed up and then loaded by the same generator with the same connections: a small and a large
 * static file served by the same Jetty (the ceiling), {@code /api/v1/overview}, and the measurements of one KPI
 * (a different KPI each request). Then the overview's recomputation after a data change, and a JFR profile of the
 * overview under load.
 *
 * <p>Run through bench/api-load.sh: {@code java -cp bench/target/classes bench/api-load/ApiLoad.java <distribution>
 * <result.md> <pilots> <kpis per pilot> <months> <seconds> <connections>}.
 */
public class ApiLoad {

    private static final String SMALL_STATIC = "/ui/assets/css/app.css";
    private static final String LARGE_STATIC = "/ui/assets/vendor/echarts/echarts.esm.min.js";
    private static final String OVERVIEW = "/api/v1/overview";

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: ApiLoad <distribution> <result.md> <pilots> <kpis per pilot> <months> <seconds>"
                    + " <connections> [pilots of the small catalogue, 0 for none]");
            System.exit(2);
        }
        Machine machine = Machine.now();
        Path dist = Path.of(args[0]).toAbsolutePath();
        Path result = Path.of(args[1]);
        int pilotCount = Integer.parseInt(args[2]);
        int kpisPerPilot = Integer.parseInt(args[3]);
        int months = Integer.parseInt(args[4]);
        Duration duration = Duration.ofSeconds(Integer.parseInt(args[5]));
        int connections = Integer.parseInt(args[6]);
        int smallPilots = args.length > 7 ? Integer.parseInt(args[7]) : 20;
        Duration warmUp = Duration.ofSeconds(Math.max(3, duration.toSeconds() / 2));
        Path work = Folders.scratch("api-load");
        Report report = new Report("API throughput and latency on a large catalogue", machine,
                System.getenv().getOrDefault("BENCH_COMMAND", "bench/api-load.sh"));
        try {
            Path home = Platform.install(dist, work, false);
            Pilots pilots = Pilots.compile(home, work);
            pilots.writeAll(home.resolve("deploy"), pilotCount, kpisPerPilot);
            try (Platform platform = Platform.start(home, "-XX:FlightRecorderOptions:stackdepth=256")) {
                Http http = platform.http();
                double healthy = platform.awaitHealthy(Duration.ofMinutes(5));
                double visible = platform.awaitRegions(pilotCount, Duration.ofMinutes(10));
                System.out.printf("%d pilots: health after %.0f ms, all regions after %.0f ms%n", pilotCount, healthy, visible);

                List<String> kpiIds = Catalogue.kpiIds(pilotCount, kpisPerPilot);
                long loadStart = System.nanoTime();
                long rows = Catalogue.loadMonthly(http, kpiIds, months, 2);
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                System.out.printf("loaded %,d measurements in %.1f s%n", rows, loadSeconds);
                String sample = http.getOk("/api/v1/kpis/" + kpiIds.get(0) + "/measurements");
                int sampleRows = count(sample, "\"period\"");
                if (sampleRows != months) {
                    throw new IllegalStateException("KPI " + kpiIds.get(0) + " has " + sampleRows + " measurements, expected "
                            + months);
                }

                long coldStart = System.nanoTime();
                int overviewBytes = http.get(OVERVIEW, Duration.ofMinutes(10)).body().length;
                double coldOverview = (System.nanoTime() - coldStart) / 1e6;

                Load load = Load.detect(work);
                List<String> measurementPaths = kpiIds.stream().map(id -> "/api/v1/kpis/" + id + "/measurements").toList();
                Table table = new Table("endpoint", "answer (KiB)", "requests/s", "MiB/s", "p50 ms", "p99 ms", "max ms",
                        "errors", "of which time-outs");
                Load.Result small = measure(load, http, table, "static file `" + SMALL_STATIC + "` (ceiling)",
                        List.of(SMALL_STATIC), connections, warmUp, duration);
                Load.Result large = measure(load, http, table, "static file `" + LARGE_STATIC + "` (large ceiling)",
                        List.of(LARGE_STATIC), connections, warmUp, duration);
                Load.Result overview = measure(load, http, table, "`GET /api/v1/overview`", List.of(OVERVIEW),
                        connections, warmUp, duration);
                Load.Result measurements = measure(load, http, table, "`GET /api/v1/kpis/{id}/measurements` ("
                        + months + " rows, " + kpiIds.size() + " KPIs in turn)", measurementPaths, connections, warmUp,
                        duration);

                Series recompute = new Series("`GET /api/v1/overview` right after a measurement was recorded (recomputed)");
                for (int i = 0; i < 10; i++) {
                    String kpi = kpiIds.get(i * 7 % kpiIds.size());
                    http.postOk("/api/v1/kpis/" + kpi + "/measurements", "text/csv",
                            ("period,value,source\n" + Pilots.FIRST_MONTH.plusMonths(months - 1) + "," + (500 + i)
                                    + ",bench\n").getBytes(StandardCharsets.UTF_8));
                    long start = System.nanoTime();
                    Http.Answer answer = http.get(OVERVIEW, Duration.ofMinutes(10));
                    if (answer.status() != 200) {
                        throw new IllegalStateException("the overview answered " + answer.status());
                    }
                    recompute.add((System.nanoTime() - start) / 1e6);
                }

                Profiler.start(platform.pid());
                load.run(http, List.of(OVERVIEW), connections, duration);
                Path jfr = Profiler.stop(platform.pid(), work.resolve("overview.jfr"));
                drain(http, OVERVIEW);
                String profile = Profiler.summary(jfr, "OverviewServlet", 12, overviewPhases());

                double ratioSmall = overview.perSecond() / small.perSecond();
                double ratioLarge = overview.perSecond() / large.perSecond();
                String ratios = String.format("""
                        Ratios in this run (requests/s): overview / small static file = **%.3f**; overview / large \
                        static file = %.3f; KPI measurements / small static file = %.3f.

                        Aim: overview throughput at least half of the static-file ceiling (ratio ≥ 0.5): **%s** \
                        (%.3f against the small file the aim names; %.3f against a static file of about the same \
                        size as the overview).""", ratioSmall, ratioLarge, measurements.perSecond() / small.perSecond(),
                        ratioSmall >= 0.5 ? "met" : "missed", ratioSmall, ratioLarge);
                Table sizes = new Table("catalogue", "value");
                sizes.row("pilot bundles (one region each)", pilotCount);
                sizes.row("KPIs", kpiIds.size());
                sizes.row("measurements (monthly, " + months + " per KPI, loaded through the CSV API)", rows);
                sizes.row("launch → all regions in `/api/v1/regions` (ms)", visible);
                sizes.row("loading the measurements: " + kpiIds.size() + " CSV POSTs, 2 clients (rows/s)", rows / loadSeconds);
                sizes.row("`/api/v1/overview` answer (KiB)", overviewBytes / 1024.0);
                sizes.row("first `/api/v1/overview` after loading (computed, ms)", coldOverview);

                report.section("Catalogue", sizes.markdown())
                        .section("Throughput and latency under load", table.markdown() + "\n" + ratios + "\n\n"
                                + Series.table("sequential request", "ms", List.of(recompute)).markdown())
                        .section("Where the overview's time goes (JFR, " + duration.toSeconds() + " s of the same load)",
                                profile)
                        .section("Method", String.format("""
                                A fresh copy of the distribution without the example pilots; %d generated pilot \
                                bundles (Declarative Services components, like the example pilots; %d KPIs each in two \
                                opgaven; KPI i of every pilot shares the standard code `bench-indicator-i`, so each \
                                national roll-up adds %d KPIs) are in `deploy/` before the start. %d monthly values per \
                                KPI (from %s) are posted as CSV, one request per KPI. Load: %s, %d connections, \
                                closed loop (each connection sends its next request when the answer is in), HTTP/1.1 \
                                keep-alive, HTTP Basic as admin on every request; each endpoint is warmed up for %d s, \
                                then measured for %d s; the KPI measurements endpoint takes the KPIs in turn. Static \
                                files are served by the same Jetty (Felix HTTP whiteboard resource) as the API. The \
                                platform runs with default settings; the generator runs on the same 2 cores, so both \
                                share the CPU. "errors" counts answers of 400 and above, socket errors and requests not \
                                answered within 30 s (time-outs); the percentiles are those of the answered requests. \
                                After each run the benchmark waits until the platform has worked off the requests still \
                                running (one more request answers) before the next endpoint. The profile is a separate %d s run of the overview \
                                load with a JFR recording (`settings=profile`), counting samples with \
                                `OverviewServlet` on the stack.""", pilotCount, kpisPerPilot, pilotCount, months,
                                Pilots.FIRST_MONTH, load.describe(), connections, warmUp.toSeconds(),
                                duration.toSeconds(), duration.toSeconds()));
                Path keep = java.nio.file.Files.createDirectories(Path.of("bench/target/profiles"))
                        .resolve("api-load-overview.jfr");
                java.nio.file.Files.copy(jfr, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                System.out.println("the recording is kept in " + keep);
                platform.stop();
            }
            if (smallPilots > 0) {
                report.section("Where the overview's cache holds: " + smallPilots + " pilots",
                        smallCatalogue(dist, work, smallPilots, kpisPerPilot, months, connections, warmUp, duration));
            }
        } finally {
            Folders.delete(work);
        }
        report.write(result);
    }

    /**
     * The same load on a catalogue small enough that the overview is computed in well under its 2 s cache life, so
     * that most answers come from the cache: what the overview costs when it is not recomputed (writing the JSON).
     */
    private static String smallCatalogue(Path dist, Path work, int pilotCount, int kpisPerPilot, int months,
            int connections, Duration warmUp, Duration duration) throws Exception {
        Path home = Platform.install(dist, work, false);
        Pilots.compile(home, work).writeAll(home.resolve("deploy"), pilotCount, kpisPerPilot);
        try (Platform platform = Platform.start(home, "-XX:FlightRecorderOptions:stackdepth=256")) {
            Http http = platform.http();
            platform.awaitRegions(pilotCount, Duration.ofMinutes(10));
            List<String> kpiIds = Catalogue.kpiIds(pilotCount, kpisPerPilot);
            long rows = Catalogue.loadMonthly(http, kpiIds, months, 2);
            Load load = Load.detect(work);
            Table table = new Table("endpoint", "answer (KiB)", "requests/s", "MiB/s", "p50 ms", "p99 ms", "max ms",
                    "errors", "of which time-outs");
            Load.Result small = measure(load, http, table, "static file `" + SMALL_STATIC + "` (ceiling)",
                    List.of(SMALL_STATIC), connections, warmUp, duration);
            Load.Result overview = measure(load, http, table, "`GET /api/v1/overview`", List.of(OVERVIEW), connections,
                    warmUp, duration);
            Profiler.start(platform.pid());
            load.run(http, List.of(OVERVIEW), connections, duration);
            Path jfr = Profiler.stop(platform.pid(), work.resolve("overview-small.jfr"));
            drain(http, OVERVIEW);
            platform.stop();
            double ratio = overview.perSecond() / small.perSecond();
            return String.format("%d pilots, %,d KPIs, %,d measurements, the same load.%n%n", pilotCount, kpiIds.size(),
                    rows) + table.markdown() + String.format("%nRatio in this run: overview / small static file = "
                    + "**%.3f** (aim ≥ 0.5: %s).%n%n", ratio, ratio >= 0.5 ? "met" : "missed")
                    + "Profile of the overview under the same load (JFR, " + duration.toSeconds() + " s):\n\n"
                    + Profiler.summary(jfr, "OverviewServlet", 8, overviewPhases());
        } finally {
            Folders.delete(home);
        }
    }

    private static Map<String, String> overviewPhases() {
        Map<String, String> phases = new LinkedHashMap<>();
        phases.put("computing the overview", "Dashboard.compute");
        phases.put("of which reading all measurements", "SqlMeasurementStore.measurements");
        phases.put("of which progress, pace and projection", "ProgressCalculator.");
        phases.put("writing the JSON answer", "ApiServlet.json");
        phases.put("checking the Basic password (PBKDF2)", "PasswordHasher.");
        return phases;
    }

    private static Load.Result measure(Load load, Http http, Table table, String name, List<String> paths,
            int connections, Duration warmUp, Duration duration) throws Exception {
        double size = (double) http.get(paths.get(0), Duration.ofMinutes(10)).body().length / 1024;
        System.out.println("warming up " + name);
        load.run(http, paths, connections, warmUp);
        drain(http, paths.get(0));
        Load.Result r = load.run(http, paths, connections, duration);
        drain(http, paths.get(0));
        System.out.printf("%s: %.1f requests/s, p50 %.2f ms, p99 %.2f ms, %d errors, %d time-outs%n", name, r.perSecond(),
                r.p50Millis(), r.p99Millis(), r.bad(), r.timeouts());
        table.row(name, size, r.perSecond(), r.mibPerSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.bad(),
                r.timeouts());
        return r;
    }

    /**
     * Waits until the platform has worked off requests still running from a load (a generator that stops does not
     * stop the server's work): one more request of the same kind answers, then 2 s of quiet.
     */
    private static void drain(Http http, String path) throws Exception {
        http.get(path, Duration.ofMinutes(10));
        Thread.sleep(2_000);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
