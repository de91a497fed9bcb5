import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.function.LongSupplier;
import nl.proeftuin.bench.Folders;
import nl.proeftuin.bench.Karaf;
import nl.proeftuin.bench.Machine;
import nl.proeftuin.bench.Pilots;
import nl.proeftuin.bench.Platform;
import nl.proeftuin.bench.Probes;
import nl.proeftuin.bench.Report;
import nl.proeftuin.bench.Series;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Deploy latency: a JAR dropped into a watched folder until it is live, and a new version of it until that version
 * is live, on Proeftuin's deployer, on plain Apache Felix FileInstall 3.7.4 (default settings) and on Apache Karaf
 * 4.4.10's deploy/ folder (default configuration).
 *
 * <p>Every JAR is written to a staging folder on the same file system and renamed into the watched folder in one
 * step; the clock starts before the write. Proeftuin: a generated pilot (a Declarative Services component, like the
 * example pilots) until its region, or the region's new name, is in GET /api/v1/regions, asked every 5 ms. The peers:
 * a probe bundle whose activator writes System.nanoTime() to a marker file when it starts (see
 * bench/support/Probes.java), so "active" is dated exactly. Before each measured drop a pseudo-random pause of 0-2 s
 * (the same sequence for all three) lets drops land anywhere in a scanner's cycle. One unmeasured deploy and
 * replacement on each side warm up first.
 *
 * <p>Run through bench/deploy-latency.sh: {@code java -cp bench/target/classes:felix.jar DeployLatency.java
 * <distribution> <fileinstall.jar> <result.md> <runs> [karaf.tar.gz]}.
 */
public class DeployLatency {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_PAUSE_MILLIS = 2000;
    private static final long SEED = 2024;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: DeployLatency <distribution> <fileinstall.jar> <result.md> <runs> [karaf.tar.gz]");
            System.exit(2);
        }
        Machine machine = Machine.now();
        Path dist = Path.of(args[0]).toAbsolutePath();
        Path fileInstallJar = Path.of(args[1]).toAbsolutePath();
        Path result = Path.of(args[2]);
        int runs = Integer.parseInt(args[3]);
        Path karafTar = args.length > 4 ? Path.of(args[4]) : null;
        Path work = Folders.scratch("deploy-latency");
        List<Series> series = new ArrayList<>();
        try {
            series.addAll(proeftuin(dist, work, runs));
            Probes probes = Probes.compile(Path.of(FrameworkFactory.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()), work);
            series.addAll(fileInstall(fileInstallJar, probes, work, runs));
            if (karafTar != null) {
                series.addAll(karaf(karafTar, probes, work, runs));
            }
        } finally {
            Folders.delete(work);
        }
        double proeftuinMedian = series.get(0).stats().median();
        String aim = String.format("Aim: drop-to-visible under 500 ms at the median. Proeftuin: %,.0f ms — %s.",
                proeftuinMedian, proeftuinMedian < 500 ? "met" : "missed");
        new Report("Deploy latency: Proeftuin, Felix FileInstall and Karaf", machine,
                System.getenv().getOrDefault("BENCH_COMMAND", "bench/deploy-latency.sh " + runs))
                .section("Drop → live (ms)", Series.table("platform: operation", "ms", series).markdown() + "\n" + aim)
                .section("Method", """
                        Each JAR is written to a staging folder on the same file system and renamed into the watched \
                        folder in one step; the clock starts before the write. **Proeftuin** (a fresh copy of the \
                        distribution with its example pilots, default settings): a generated pilot bundle (a Declarative \
                        Services component implementing `Pilot`, one region, two opgaven, one KPI) until its region, or \
                        for a replacement the region's new name, is in `GET /api/v1/regions` (with HTTP Basic), asked \
                        every 5 ms over HTTP: the criterion includes the registry and the API. **Felix FileInstall \
                        3.7.4** on Felix 7.0.5 in this JVM, default settings (only `felix.fileinstall.dir` set: poll \
                        2 s, a file must be unchanged over two scans) and **Karaf 4.4.10** (fresh unpack, default \
                        configuration: `deploy/` polled every 1 s by its FileInstall, bundles started at start level \
                        80), measured once its shell answered and 5 s had passed: a probe bundle whose activator writes \
                        `System.nanoTime()` and its version to a marker file as it starts; the latency is the marker's \
                        time minus the drop time (the monotonic clock is shared by all JVMs on Linux), so polling adds \
                        nothing. A new bundle has a new symbolic name and file each time; a replacement is a new \
                        Bundle-Version in the same file. One deploy and one replacement on each side before the \
                        measured ones are not counted. Before each measured drop a pseudo-random pause of 0-2 s (the \
                        same sequence on every side) lets drops land anywhere in a scan cycle. p95 is the nearest \
                        rank.""")
                .section("Raw values (ms)", Series.raw(series))
                .write(result);
    }

    // ------------------------------------------------------------------------------------------------ Proeftuin

    private static List<Series> proeftuin(Path dist, Path work, int runs) throws Exception {
        Path home = Platform.install(dist, work, true);
        Pilots pilots = Pilots.compile(home, work);
        Path deploy = home.resolve("deploy");
        Series fresh = new Series("Proeftuin deployer: new pilot JAR → region in `/api/v1/regions`");
        Series replaced = new Series("Proeftuin deployer: new version of a pilot → new name in `/api/v1/regions`");
        try (Platform platform = Platform.start(home, "")) {
            platform.awaitRegions(3, Duration.ofMinutes(3));
            System.out.println("Proeftuin is serving on port " + platform.port());
            deployPilot(platform, pilots, deploy, "bench-warmup", "1.0.0", "Warm-up");
            Random pauses = new Random(SEED);
            for (int i = 1; i <= runs; i++) {
                Thread.sleep(pauses.nextInt(MAX_PAUSE_MILLIS));
                double ms = fresh.add(deployPilot(platform, pilots, deploy, "bench-new-" + i, "1.0.0", "Bench " + i));
                System.out.printf("Proeftuin new pilot %2d: %6.0f ms%n", i, ms);
            }
            deployPilot(platform, pilots, deploy, "bench-upd", "1.0.0", "Update 0");
            for (int i = 1; i <= runs; i++) {
                Thread.sleep(pauses.nextInt(MAX_PAUSE_MILLIS));
                double ms = replaced.add(deployPilot(platform, pilots, deploy, "bench-upd", "1.0." + i, "Update " + i));
                System.out.printf("Proeftuin replacement %2d: %6.0f ms%n", i, ms);
            }
            platform.stop();
        }
        return List.of(fresh, replaced);
    }

    private static double deployPilot(Platform platform, Pilots pilots, Path deploy, String region, String version,
            String name) throws IOException {
        byte[] jar = pilots.jar(region, version, name, 1);
        String expected = "{\"id\":\"" + region + "\",\"name\":\"" + name + "\"";
        long start = System.nanoTime();
        Pilots.Jars.writeThenRename(deploy.resolve(region + ".jar"), jar);
        platform.await("region " + region + " named " + name, TIMEOUT,
                () -> platform.http().poll("/api/v1/regions").text().contains(expected));
        return (System.nanoTime() - start) / 1e6;
    }

    // ------------------------------------------------------------------------------------------------ FileInstall

    private static List<Series> fileInstall(Path fileInstallJar, Probes probes, Path work, int runs) throws Exception {
        Path load = Files.createDirectories(work.resolve("fileinstall-load"));
        Map<String, String> config = new HashMap<>();
        config.put("org.osgi.framework.storage", work.resolve("felix-cache").toString());
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        config.put("felix.fileinstall.dir", load.toString()); // everything else FileInstall's defaults
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework felix = factory.newFramework(config);
        felix.start();
        try {
            try (InputStream in = Files.newInputStream(fileInstallJar)) {
                felix.getBundleContext().installBundle(fileInstallJar.toUri().toString(), in).start();
            }
            System.out.println("Felix " + felix.getVersion() + " with FileInstall is watching " + load);
            return dropProbes("Felix FileInstall 3.7.4, defaults", probes, load, work.resolve("fileinstall-markers"), runs);
        } finally {
            felix.stop();
            felix.waitForStop(30_000);
        }
    }

    // ------------------------------------------------------------------------------------------------ Karaf

    private static List<Series> karaf(Path tar, Probes probes, Path work, int runs) throws Exception {
        Path home = Karaf.unpack(tar, work);
        try (Karaf karaf = Karaf.start(home)) {
            karaf.awaitShell(Duration.ofMinutes(3));
            Thread.sleep(5_000);
            System.out.println("Karaf is up; dropping into " + home.resolve("deploy"));
            List<Series> series = dropProbes("Karaf 4.4.10, default configuration", probes, home.resolve("deploy"),
                    work.resolve("karaf-markers"), runs);
            karaf.stop();
            return series;
        }
    }

    // ------------------------------------------------------------------------------------------------ probes

    private static List<Series> dropProbes(String platform, Probes probes, Path folder, Path markers, int runs)
            throws Exception {
        Files.createDirectories(markers);
        Series fresh = new Series(platform + ": new bundle JAR → active");
        Series replaced = new Series(platform + ": new version of a bundle → active in that version");
        dropProbe(probes, folder, markers, "bench.warmup", "1.0.0");
        Random pauses = new Random(SEED);
        for (int i = 1; i <= runs; i++) {
            Thread.sleep(pauses.nextInt(MAX_PAUSE_MILLIS));
            double ms = fresh.add(dropProbe(probes, folder, markers, "bench.probe" + i, "1.0.0"));
            System.out.printf("%s new bundle %2d: %6.0f ms%n", platform, i, ms);
        }
        dropProbe(probes, folder, markers, "bench.upd", "1.0.0");
        for (int i = 1; i <= runs; i++) {
            Thread.sleep(pauses.nextInt(MAX_PAUSE_MILLIS));
            double ms = replaced.add(dropProbe(probes, folder, markers, "bench.upd", "1.0." + i));
            System.out.printf("%s replacement %2d: %6.0f ms%n", platform, i, ms);
        }
        return List.of(fresh, replaced);
    }

    private static double dropProbe(Probes probes, Path folder, Path markers, String symbolicName, String version)
            throws Exception {
        Path marker = markers.resolve(symbolicName + ".started");
        byte[] jar = probes.jar(symbolicName, version, marker);
        long start = System.nanoTime();
        Pilots.Jars.writeThenRename(folder.resolve(symbolicName + ".jar"), jar);
        long started = await(symbolicName + " " + version + " active", () -> Probes.startedNanos(marker, version));
        return (started - start) / 1e6;
    }

    private static long await(String what, LongSupplier value) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (long v = value.getAsLong(); ; v = value.getAsLong()) {
            if (v >= 0) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + TIMEOUT + " waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
