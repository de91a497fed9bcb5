import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.proeftuin.bench.Folders;
import nl.proeftuin.bench.Karaf;
import nl.proeftuin.bench.Machine;
import nl.proeftuin.bench.Memory;
import nl.proeftuin.bench.Platform;
import nl.proeftuin.bench.Report;
import nl.proeftuin.bench.Series;
import nl.proeftuin.bench.Stats;
import nl.proeftuin.bench.Table;

/**
 * Start time and memory at idle: Proeftuin with its three example pilots, and Apache Karaf 4.4.10 with its default
 * configuration, run after run in turn so that a busy machine weighs on both alike.
 *
 * <p>Each run: a fresh copy of the distribution (without data/) is started with bin/proeftuin; the clock runs from
 * just before the launch to the first 200 of /api/health, and on to the moment the three example regions are in
 * /api/v1/regions. Five seconds later a full GC runs (jcmd GC.run) and RSS, heap and Metaspace are read. It is
 * stopped with SIGTERM and started again on the same home (a restart, with its framework cache and database). Karaf
 * likewise: a fresh unpack of the tar.gz, bin/karaf server, until its SSH shell answers.
 *
 * <p>Run through bench/launch-to-health.sh: {@code java -cp bench/target/classes bench/startup/Startup.java
 * <distribution> <result.md> <runs> [karaf.tar.gz]}.
 */
public class Startup {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final long IDLE_MILLIS = 5_000;

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Startup <distribution> <result.md> <runs> [karaf.tar.gz]");
            System.exit(2);
        }
        Machine machine = Machine.now();
        Path dist = Path.of(args[0]).toAbsolutePath();
        Path result = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path karafTar = args.length > 3 ? Path.of(args[3]) : null;
        Path work = Folders.scratch("startup");

        Series health = new Series("Proeftuin, fresh home: launch → `/api/health` 200");
        Series regions = new Series("Proeftuin, fresh home: launch → 3 example regions in `/api/v1/regions`");
        Series restartHealth = new Series("Proeftuin, restart (same home): launch → `/api/health` 200");
        Series restartRegions = new Series("Proeftuin, restart (same home): launch → 3 regions in `/api/v1/regions`");
        Series karafShell = new Series("Karaf 4.4.10, fresh unpack: launch → SSH shell answers");
        Series karafBoot = new Series("Karaf 4.4.10, fresh unpack: launch → boot features deployed (karaf.log)");
        Series karafRestartShell = new Series("Karaf 4.4.10, restart (same folder): launch → SSH shell answers");
        Series karafRestartBoot = new Series("Karaf 4.4.10, restart (same folder): launch → boot features deployed");
        List<Memory> proeftuinMemory = new ArrayList<>();
        List<Memory> karafMemory = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        try {
            for (int run = 1; run <= runs; run++) {
                loads.add(Machine.load().split(" ")[0]);
                Path home = Platform.install(dist, work, true);
                try (Platform platform = Platform.start(home, "")) {
                    health.add(platform.awaitHealthy(TIMEOUT));
                    regions.add(platform.awaitRegions(3, TIMEOUT));
                    Thread.sleep(IDLE_MILLIS);
                    proeftuinMemory.add(platform.memory());
                    int exit = platform.stop();
                    if (exit != 0) {
                        throw new IllegalStateException("Proeftuin stopped with exit code " + exit + ":\n" + platform.tail());
                    }
                }
                try (Platform platform = Platform.start(home, "")) {
                    restartHealth.add(platform.awaitHealthy(TIMEOUT));
                    restartRegions.add(platform.awaitRegions(3, TIMEOUT));
                    platform.stop();
                }
                Folders.delete(home);
                System.out.printf("run %d Proeftuin: health %.0f ms, regions %.0f ms, restart %.0f/%.0f ms, RSS %.0f MiB%n",
                        run, last(health), last(regions), last(restartHealth), last(restartRegions),
                        proeftuinMemory.get(proeftuinMemory.size() - 1).rssMib());

                if (karafTar != null) {
                    Path karafHome = Karaf.unpack(karafTar, work);
                    try (Karaf karaf = Karaf.start(karafHome)) {
                        karafShell.add(karaf.awaitShell(TIMEOUT));
                        Thread.sleep(IDLE_MILLIS);
                        karafBoot.add(karaf.bootFeaturesDeployed());
                        karafMemory.add(karaf.memory());
                        karaf.stop();
                    }
                    try (Karaf karaf = Karaf.start(karafHome)) {
                        karafRestartShell.add(karaf.awaitShell(TIMEOUT));
                        Thread.sleep(1_000);
                        karafRestartBoot.add(karaf.bootFeaturesDeployed());
                        karaf.stop();
                    }
                    Folders.delete(karafHome.getParent());
                    System.out.printf("run %d Karaf: shell %.0f ms, boot features %.0f ms, restart %.0f ms, RSS %.0f MiB%n",
                            run, last(karafShell), last(karafBoot), last(karafRestartShell),
                            karafMemory.get(karafMemory.size() - 1).rssMib());
                }
            }
        } finally {
            Folders.delete(work);
        }

        List<Series> times = List.of(health, regions, restartHealth, restartRegions, karafShell, karafBoot,
                karafRestartShell, karafRestartBoot);
        Table memory = new Table("after a full GC, 5 s after ready (median of runs)", "RSS (MiB)", "heap used (MiB)",
                "heap committed (MiB)", "Metaspace used (MiB)", "threads");
        memoryRow(memory, "Proeftuin with the 3 example pilots", proeftuinMemory);
        if (!karafMemory.isEmpty()) {
            memoryRow(memory, "Karaf 4.4.10, default configuration", karafMemory);
        }
        double medianHealth = health.stats().median();
        String aim = String.format("Aim: launch to health under 1,500 ms with the example pilots. Median here: %,.0f ms"
                + " — %s.", medianHealth, medianHealth < 1500 ? "met" : "missed");
        if (!karafShell.isEmpty()) {
            aim += String.format(" Karaf's shell: median %,.0f ms (ratio Karaf/Proeftuin %.1f).", karafShell.stats().median(),
                    karafShell.stats().median() / medianHealth);
        }
        new Report("Start time and memory at idle", machine, System.getenv().getOrDefault("BENCH_COMMAND",
                "bench/launch-to-health.sh " + runs))
                .section("Start time (ms)", Series.table("launch → ready", "ms", times).markdown() + "\n" + aim)
                .section("Memory at idle", memory.markdown())
                .section("Method", """
                        Runs alternate: Proeftuin run 1, Karaf run 1, Proeftuin run 2, ... so that load from other work on \
                        the machine weighs on both. Proeftuin: a fresh copy of `distribution/target/proeftuin` without \
                        `data/` (its `deploy/` holds the three example pilots), started with `bin/proeftuin`, \
                        `PROEFTUIN_ADMIN_PASSWORD` set, on a free port; the clock runs from just before the process is \
                        launched until `/api/health` first answers 200 (asked every 10 ms), and on until the three \
                        example regions are listed by `/api/v1/regions`. Then it stops (SIGTERM, exit code 0 checked) and \
                        starts again on the same home: the restart reuses the framework cache and the database. Karaf \
                        4.4.10: a fresh unpack of `apache-karaf-4.4.10.tar.gz` from Maven Central, default configuration, \
                        `bin/karaf server`; ready when its SSH shell on port 8101 (its user interface) accepts a connection \
                        and sends the SSH banner, asked every 10 ms; "boot features deployed" is the time stamp of the \
                        features deployer's line "Deployment finished" in `data/log/karaf.log`. Memory: 5 s after ready, \
                        `jcmd <pid> GC.run`, then `GC.heap_info` (heap used and committed, Metaspace) and VmRSS and Threads \
                        from `/proc/<pid>/status`. Default JVM settings on both (G1, heap sized by the JVM from the \
                        machine's memory). p95 is the nearest rank.""")
                .section("Raw values (ms)", Series.raw(times) + "\n- one-minute load average before each run: "
                        + String.join(", ", loads))
                .write(result);
    }

    private static double last(Series series) {
        return series.last();
    }

    private static void memoryRow(Table table, String name, List<Memory> memory) {
        table.row(name, median(memory.stream().mapToDouble(Memory::rssMib).boxed().toList()),
                median(memory.stream().mapToDouble(Memory::heapUsedMib).boxed().toList()),
                median(memory.stream().mapToDouble(m -> m.heapCommittedKib() / 1024.0).boxed().toList()),
                median(memory.stream().mapToDouble(Memory::metaspaceMib).boxed().toList()),
                median(memory.stream().mapToDouble(Memory::threads).boxed().toList()));
    }

    private static double median(List<Double> values) {
        return Stats.of(values).median();
    }
}
