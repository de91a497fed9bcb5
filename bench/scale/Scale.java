import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.proeftuin.bench.Catalogue;
import nl.proeftuin.bench.Folders;
import nl.proeftuin.bench.Http;
import nl.proeftuin.bench.Machine;
import nl.proeftuin.bench.Memory;
import nl.proeftuin.bench.Pilots;
import nl.proeftuin.bench.Platform;
import nl.proeftuin.bench.Report;
import nl.proeftuin.bench.Series;
import nl.proeftuin.bench.Table;

/**
 * Scale: how start time, memory and the overview's latency grow with the number of pilot bundles. For each count
 * (default 1, 10, 50 and 200) a fresh copy of the distribution starts with that many generated pilots in deploy/;
 * ten years of monthly data per KPI are loaded through the CSV API; then the overview is asked for one request at a
 * time (served from its short cache, and recomputed right after a measurement was recorded), and memory is read
 * after a full GC.
 *
 * <p>Run through bench/scale.sh: {@code java -cp bench/target/classes bench/scale/Scale.java <distribution>
 * <result.md> <counts, e.g. 1,10,50,200> <kpis per pilot> <months>}.
 */
public class Scale {

    private static final String OVERVIEW = "/api/v1/overview";
    private static final int CACHED_SAMPLES = 50;
    private static final int RECOMPUTED_SAMPLES = 10;

    record Step(int pilots, int kpis, long measurements, double health, double regions, double loadRowsPerSecond,
            double overviewKib, Series cached, int fromCache, Series recomputed, Memory memory) {
    }

    private static final java.util.regex.Pattern GENERATED_AT =
            java.util.regex.Pattern.compile("\"generatedAt\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: Scale <distribution> <result.md> <counts> <kpis per pilot> <months>");
            System.exit(2);
        }
        Machine machine = Machine.now();
        Path dist = Path.of(args[0]).toAbsolutePath();
        Path result = Path.of(args[1]);
        List<Integer> counts = new ArrayList<>();
        for (String c : args[2].split(",")) {
            counts.add(Integer.parseInt(c.trim()));
        }
        int kpisPerPilot = Integer.parseInt(args[3]);
        int months = Integer.parseInt(args[4]);
        Path work = Folders.scratch("scale");
        List<Step> steps = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        try {
            for (int pilots : counts) {
                loads.add(pilots + " pilots: " + Machine.load().split(" ")[0]);
                steps.add(step(dist, work, pilots, kpisPerPilot, months));
            }
        } finally {
            Folders.delete(work);
        }

        Table table = new Table("pilot bundles", "KPIs", "measurements", "launch → health (ms)",
                "launch → all regions (ms)", "RSS (MiB)", "heap used (MiB)", "heap committed (MiB)", "Metaspace (MiB)",
                "threads", "overview (KiB)", "overview repeated p50 (ms)", "repeated p95 (ms)",
                "repeated: answers from the cache (%)", "overview recomputed p50 (ms)", "recomputed max (ms)");
        for (Step s : steps) {
            table.row(String.valueOf(s.pilots()), s.kpis(), s.measurements(), s.health(), s.regions(), s.memory().rssMib(),
                    s.memory().heapUsedMib(), s.memory().heapCommittedKib() / 1024.0, s.memory().metaspaceMib(),
                    s.memory().threads(), s.overviewKib(), s.cached().stats().median(), s.cached().stats().percentile(95),
                    100.0 * s.fromCache() / CACHED_SAMPLES, s.recomputed().stats().median(), s.recomputed().stats().max());
        }
        String growth = "";
        if (steps.size() > 1) {
            Step first = steps.get(0);
            Step last = steps.get(steps.size() - 1);
            double added = last.pilots() - first.pilots();
            growth = String.format("""
                    Per added pilot (%d → %d pilots): %.1f ms more until all regions are in the API, %.2f MiB more RSS, \
                    %.2f MiB more heap after GC, %.3f MiB more Metaspace; the recomputed overview takes %.2f ms more and \
                    the repeated one %.3f ms more.""", first.pilots(), last.pilots(),
                    (last.regions() - first.regions()) / added,
                    (last.memory().rssMib() - first.memory().rssMib()) / added,
                    (last.memory().heapUsedMib() - first.memory().heapUsedMib()) / added,
                    (last.memory().metaspaceMib() - first.memory().metaspaceMib()) / added,
                    (last.recomputed().stats().median() - first.recomputed().stats().median()) / added,
                    (last.cached().stats().median() - first.cached().stats().median()) / added);
        }
        Table loading = new Table("pilot bundles", "loading the measurements (rows/s)");
        steps.forEach(s -> loading.row(String.valueOf(s.pilots()), s.loadRowsPerSecond()));
        new Report("Scale: cost per pilot bundle", machine, System.getenv().getOrDefault("BENCH_COMMAND", "bench/scale.sh"))
                .section("Start, memory and overview latency by number of pilots", table.markdown() + "\n" + growth)
                .section("Loading the data (CSV API, 2 clients, one request per KPI)", loading.markdown())
                .section("Method", String.format("""
                        For each count, a fresh copy of the distribution without the example pilots starts with that \
                        many generated pilot bundles in `deploy/` (Declarative Services components like the example \
                        pilots, %d KPIs each; KPI i of every pilot shares the standard code `bench-indicator-i`). The \
                        clock runs from just before launch to the first 200 of `/api/health` and on until \
                        `/api/v1/regions` lists every pilot's region. Then %d monthly values per KPI are posted as CSV \
                        (one request per KPI, two at a time). "Overview repeated": %d sequential `GET /api/v1/overview` \
                        after one unmeasured request; the platform keeps a computed overview for up to 2 s and drops it \
                        when data is recorded on the node, and an answer counts as "from the cache" when its \
                        `generatedAt` equals the one before. "Recomputed": %d times, one measurement is recorded and the \
                        next overview timed. Memory: after 3 s idle, `jcmd GC.run`, then heap and Metaspace from \
                        `GC.heap_info`, RSS and threads from `/proc/<pid>/status`. One-minute load average before each \
                        count: %s.""", kpisPerPilot, months, CACHED_SAMPLES, RECOMPUTED_SAMPLES, String.join("; ", loads)))
                .write(result);
    }

    private static String generatedAt(String overview) {
        java.util.regex.Matcher m = GENERATED_AT.matcher(overview);
        if (!m.find()) {
            throw new IllegalStateException("the overview has no generatedAt: "
                    + overview.substring(0, Math.min(200, overview.length())));
        }
        return m.group(1);
    }

    private static Step step(Path dist, Path work, int pilots, int kpisPerPilot, int months) throws Exception {
        Path home = Platform.install(dist, work, false);
        Pilots.compile(home, work).writeAll(home.resolve("deploy"), pilots, kpisPerPilot);
        try (Platform platform = Platform.start(home, "")) {
            Http http = platform.http();
            double health = platform.awaitHealthy(Duration.ofMinutes(5));
            double regions = platform.awaitRegions(pilots, Duration.ofMinutes(10));
            List<String> kpiIds = Catalogue.kpiIds(pilots, kpisPerPilot);
            long start = System.nanoTime();
            long measurements = Catalogue.loadMonthly(http, kpiIds, months, 2);
            double rowsPerSecond = measurements / ((System.nanoTime() - start) / 1e9);

            String first = http.getOk(OVERVIEW);
            int bytes = first.getBytes(StandardCharsets.UTF_8).length;
            String previous = generatedAt(first);
            Series cached = new Series("repeated");
            int fromCache = 0;
            for (int i = 0; i < CACHED_SAMPLES; i++) {
                long t = System.nanoTime();
                String answer = http.getOk(OVERVIEW);
                cached.add((System.nanoTime() - t) / 1e6);
                String at = generatedAt(answer);
                // the same generatedAt as the answer before: this one came from the cache
                fromCache += at.equals(previous) ? 1 : 0;
                previous = at;
            }
            Series recomputed = new Series("recomputed");
            for (int i = 0; i < RECOMPUTED_SAMPLES; i++) {
                String kpi = kpiIds.get(i * 7 % kpiIds.size());
                http.postOk("/api/v1/kpis/" + kpi + "/measurements", "text/csv",
                        ("period,value,source\n" + Pilots.FIRST_MONTH.plusMonths(months - 1) + "," + (500 + i)
                                + ",bench\n").getBytes(StandardCharsets.UTF_8));
                long t = System.nanoTime();
                http.getOk(OVERVIEW);
                recomputed.add((System.nanoTime() - t) / 1e6);
            }
            Thread.sleep(3_000);
            Memory memory = platform.memory();
            System.out.printf("%d pilots: health %.0f ms, regions %.0f ms, overview %.0f KiB cached %.1f ms recomputed %.1f ms,"
                    + " RSS %.0f MiB, heap %.0f MiB%n", pilots, health, regions, bytes / 1024.0, cached.stats().median(),
                    recomputed.stats().median(), memory.rssMib(), memory.heapUsedMib());
            platform.stop();
            return new Step(pilots, kpiIds.size(), measurements, health, regions, rowsPerSecond, bytes / 1024.0, cached,
                    fromCache, recomputed, memory);
        } finally {
            Folders.delete(home);
        }
    }
}
