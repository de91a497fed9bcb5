import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Deploy latency: Proeftuin's deployer against plain Apache Felix FileInstall (default settings).
 *
 * <p>Run through bench/deploy-latency.sh, which fetches FileInstall and puts the Felix framework on the class path:
 * {@code java -cp org.apache.felix.framework-7.0.5.jar DeployLatency.java <dist> <fileinstall.jar> <result.md> [runs]}.
 *
 * <p>Every JAR is written to a staging folder on the same file system and then renamed into the watched folder in
 * one step (write-then-rename); the clock starts before the write. Proeftuin: until the pilot's region (or, for a
 * replacement, the region's new name) is in GET /api/v1/regions, polled every 5 ms. FileInstall: until the bundle
 * (or its new version) is ACTIVE, asked of the framework every 5 ms. One deploy and one replacement on each side
 * before the measured ones warm up the JIT and are not counted. Before each measured drop the program waits a
 * pseudo-random 0-2 s (the same sequence on both sides), so that drops do not line up with a scanner's cycle.
 */
public class DeployLatency {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 5;
    /** A pause of 0-2 s before each measured drop, so drops land anywhere in a 2 s scan cycle, not just after a scan. */
    private static final int MAX_PAUSE_MILLIS = 2000;
    private static final long SEED = 20_24;

    /** The pilot's activator, compiled here against the distribution's API bundle. */
    private static final String PILOT_SOURCE = """
            package bench.pilot;

            import java.io.InputStream;
            import java.time.LocalDate;
            import java.util.List;
            import java.util.Properties;
            import nl.proeftuin.api.model.*;
            import nl.proeftuin.api.pilot.Contribution;
            import nl.proeftuin.api.pilot.Pilot;
            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;

            public final class BenchPilot implements BundleActivator, Pilot {
                private volatile Contribution contribution;

                @Override
                public void start(BundleContext context) throws Exception {
                    Properties p = new Properties();
                    try (InputStream in = BenchPilot.class.getResourceAsStream("/fixture.properties")) {
                        p.load(in);
                    }
                    String id = p.getProperty("region");
                    Region region = new Region(id, p.getProperty("name"), RegionKind.REGIO, List.of());
                    Opgave opgave = new Opgave(id + "-opgave", id, "Bench", Theme.ENERGIETRANSITIE, "", "bench", List.of());
                    Kpi kpi = new Kpi(id + "-kpi", id + "-opgave", "Bench", "stuks", Direction.HIGHER_IS_BETTER,
                            new DataPoint(LocalDate.of(2020, 1, 1), 0), List.of(new DataPoint(LocalDate.of(2030, 1, 1), 100)),
                            RollUp.SUM, null, null);
                    contribution = new Contribution(region, List.of(opgave), List.of(kpi), List.of());
                    context.registerService(Pilot.class, this, null);
                }

                @Override
                public void stop(BundleContext context) {
                }

                @Override
                public Contribution contribution() {
                    return contribution;
                }
            }
            """;

    record Series(String platform, String operation, List<Long> millis) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DeployLatency <distribution folder> <fileinstall jar> <result.md> [runs]");
            System.exit(2);
        }
        Path dist = Path.of(args[0]).toAbsolutePath();
        Path fileInstall = Path.of(args[1]).toAbsolutePath();
        Path result = Path.of(args[2]).toAbsolutePath();
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path work = Files.createTempDirectory("deploy-latency-");
        String load = loadAverage();

        byte[] pilotClass = compilePilot(dist, work);
        List<Series> series = new ArrayList<>();
        series.addAll(proeftuin(dist, work, pilotClass, runs));
        series.addAll(fileInstall(fileInstall, work, runs));

        String table = table(series);
        System.out.println();
        System.out.println(table);
        String doc = "# Deploy latency: Proeftuin deployer vs. Felix FileInstall\n\n"
                + "Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " by `bench/deploy-latency.sh` on "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", load average at start " + load + ".\n\n"
                + table + "\n"
                + "Method: each JAR is written to a staging folder on the same file system and renamed into the watched folder"
                + " in one step; the clock starts before the write. Proeftuin (distribution/target/proeftuin, default settings):"
                + " a pilot bundle (activator registering a `Pilot` service with one region, opgave and KPI) until its region,"
                + " or for a replacement the region's new name, is in `GET /api/v1/regions`, polled every 5 ms over HTTP."
                + " FileInstall 3.7.4 on Felix 7.0.5, default settings (only `felix.fileinstall.dir` set): a bundle with only a"
                + " manifest until the framework reports it (or its new version) ACTIVE, asked every 5 ms in-process."
                + " A new pilot/bundle gets a new symbolic name and file each time; a replacement is a new Bundle-Version of the"
                + " same file. One deploy and one replacement on each side before the measured ones are not counted."
                + " Before each measured drop a pseudo-random pause of 0-2 s (same sequence on both sides) lets drops land"
                + " anywhere in a 2 s scan cycle (without it, FileInstall's drops line up just after a scan: always about 4 s)."
                + " p95 is the nearest rank (the 19th of 20).\n\n"
                + "Raw values (ms):\n\n"
                + series.stream().map(s -> "- " + s.platform() + ", " + s.operation() + ": " + s.millis())
                        .collect(Collectors.joining("\n"))
                + "\n";
        Files.createDirectories(result.getParent());
        Files.writeString(result, doc);
        System.out.println("written to " + result);
        deleteQuietly(work);
    }

    // ---------------------------------------------------------------- Proeftuin

    private static List<Series> proeftuin(Path dist, Path work, byte[] pilotClass, int runs) throws Exception {
        Path home = Files.createDirectories(work.resolve("proeftuin-home"));
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        Path staging = Files.createDirectories(work.resolve("staging"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(dist.resolve("bin/proeftuin").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("proeftuin.out").toFile());
        builder.environment().put("PROEFTUIN_HOME", home.toString());
        builder.environment().put("PROEFTUIN_PORT", String.valueOf(port));
        Process platform = builder.start();
        Thread killer = new Thread(platform::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(killer);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI regions = URI.create("http://127.0.0.1:" + port + "/api/v1/regions");
        try {
            awaitTrue("Proeftuin /api/health", Duration.ofSeconds(60),
                    () -> platform.isAlive() && status(http, URI.create("http://127.0.0.1:" + port + "/api/health")) == 200);
            System.out.println("Proeftuin is serving on port " + port);

            // fresh pilots: a new region each time
            deployPilot(staging, deploy, pilotClass, "bench-warmup", "1.0.0", "Warm-up", http, regions);
            java.util.Random pauses = new java.util.Random(SEED);
            List<Long> fresh = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                Thread.sleep(pauses.nextInt(MAX_PAUSE_MILLIS));
                long ms = deployPilot(staging, deploy, pilotClass, "bench-" + i, "1.0.0", "Bench " + i, http, regions);
                fresh.add(ms);
                System.out.printf("Proeftuin new pilot %2d: %5d ms%n", i, ms);
            }
            // replacements: a new version of one pilot, with a new region name
            deployPilot(staging, deploy, pilotClass, "bench-upd", "1.0.0", "Update 0", http, regions);
            List<Long> replaced = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                Thread.sleep(pauses.nextInt(MAX_PAUSE_MILLIS));
                long ms = deployPilot(staging, deploy, pilotClass, "bench-upd", "1.0." + i, "Update " + i, http, regions);
                replaced.add(ms);
                System.out.printf("Proeftuin replacement %2d: %5d ms%n", i, ms);
            }
            platform.destroy();
            platform.waitFor(30, TimeUnit.SECONDS);
            return List.of(new Series("Proeftuin deployer", "new pilot JAR → region in `/api/v1/regions`", fresh),
                    new Series("Proeftuin deployer", "new version of a pilot → new name in `/api/v1/regions`", replaced));
        } catch (Exception | AssertionError e) {
            System.err.println("Proeftuin output:\n" + Files.readString(work.resolve("proeftuin.out")));
            throw e;
        } finally {
            platform.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(killer);
        }
    }

    private static long deployPilot(Path staging, Path deploy, byte[] pilotClass, String region, String version, String name,
            HttpClient http, URI regions) throws Exception {
        Map<String, String> headers = Map.of("Bundle-SymbolicName", "bench.pilot." + region, "Bundle-Version", version,
                "Proeftuin-Region", region, "Bundle-Activator", "bench.pilot.BenchPilot",
                "Import-Package", "nl.proeftuin.api.model;version=\"[1.0,2)\",nl.proeftuin.api.pilot;version=\"[1.0,2)\","
                        + "org.osgi.framework;version=\"[1.8,2)\"");
        Map<String, byte[]> entries = Map.of("bench/pilot/BenchPilot.class", pilotClass,
                "fixture.properties", ("region=" + region + "\nname=" + name + "\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] jar = jar(headers, entries);
        String expected = "{\"id\":\"" + region + "\",\"name\":\"" + name + "\"";
        long start = System.nanoTime();
        writeThenRename(staging, deploy.resolve(region + ".jar"), jar);
        awaitTrue("region " + region + " named " + name, TIMEOUT, () -> body(http, regions).contains(expected));
        return (System.nanoTime() - start) / 1_000_000;
    }

    // ---------------------------------------------------------------- Felix FileInstall

    private static List<Series> fileInstall(Path fileInstallJar, Path work, int runs) throws Exception {
        Path load = Files.createDirectories(work.resolve("fileinstall-load"));
        Path staging = Files.createDirectories(work.resolve("staging"));
        Map<String, String> config = new HashMap<>();
        config.put("org.osgi.framework.storage", work.resolve("felix-cache").toString());
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        config.put("felix.fileinstall.dir", load.toString()); // everything else FileInstall's defaults
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework felix = factory.newFramework(config);
        felix.start();
        try {
            BundleContext context = felix.getBundleContext();
            try (InputStream in = Files.newInputStream(fileInstallJar)) {
                context.installBundle(fileInstallJar.toUri().toString(), in).start();
            }
            System.out.println("Felix " + felix.getVersion() + " with FileInstall is watching " + load);

            deployTrivial(context, staging, load, "bench.warmup", "1.0.0");
            java.util.Random pauses = new java.util.Random(SEED);
            List<Long> fresh = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                Thread.sleep(pauses.nextInt(MAX_PAUSE_MILLIS));
                long ms = deployTrivial(context, staging, load, "bench.trivial" + i, "1.0.0");
                fresh.add(ms);
                System.out.printf("FileInstall new bundle %2d: %5d ms%n", i, ms);
            }
            deployTrivial(context, staging, load, "bench.upd", "1.0.0");
            List<Long> replaced = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                Thread.sleep(pauses.nextInt(MAX_PAUSE_MILLIS));
                long ms = deployTrivial(context, staging, load, "bench.upd", "1.0." + i);
                replaced.add(ms);
                System.out.printf("FileInstall replacement %2d: %5d ms%n", i, ms);
            }
            return List.of(new Series("Felix FileInstall 3.7.4, defaults", "new bundle JAR → ACTIVE", fresh),
                    new Series("Felix FileInstall 3.7.4, defaults", "new version of a bundle → ACTIVE in that version", replaced));
        } finally {
            felix.stop();
            felix.waitForStop(30_000);
        }
    }

    private static long deployTrivial(BundleContext context, Path staging, Path load, String symbolicName, String version)
            throws Exception {
        byte[] jar = jar(Map.of("Bundle-SymbolicName", symbolicName, "Bundle-Version", version), Map.of());
        Version wanted = Version.parseVersion(version);
        long start = System.nanoTime();
        writeThenRename(staging, load.resolve(symbolicName + ".jar"), jar);
        awaitTrue(symbolicName + " " + version + " ACTIVE", TIMEOUT, () -> {
            for (Bundle bundle : context.getBundles()) {
                if (symbolicName.equals(bundle.getSymbolicName()) && wanted.equals(bundle.getVersion())
                        && bundle.getState() == Bundle.ACTIVE) {
                    return true;
                }
            }
            return false;
        });
        return (System.nanoTime() - start) / 1_000_000;
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] compilePilot(Path dist, Path work) throws IOException {
        Path api;
        try (var files = Files.list(dist.resolve("system"))) {
            api = files.filter(f -> f.getFileName().toString().matches("proeftuin-api-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no proeftuin-api JAR in " + dist.resolve("system")
                            + "; build first: mvn -q install -DskipTests"));
        }
        Path src = Files.createDirectories(work.resolve("src/bench/pilot")).resolve("BenchPilot.java");
        Files.writeString(src, PILOT_SOURCE);
        Path classes = Files.createDirectories(work.resolve("classes"));
        var compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("this Java has no compiler: run the benchmark with a JDK");
        }
        String classPath = api + java.io.File.pathSeparator + System.getProperty("java.class.path");
        int exit = compiler.run(null, null, null, "--release", "17", "-d", classes.toString(), "-cp", classPath, src.toString());
        if (exit != 0) {
            throw new IllegalStateException("compiling the bench pilot failed");
        }
        return Files.readAllBytes(classes.resolve("bench/pilot/BenchPilot.class"));
    }

    private static byte[] jar(Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void writeThenRename(Path staging, Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(staging, "incoming-", ".tmp");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String body(HttpClient http, URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String table(List<Series> series) {
        StringBuilder md = new StringBuilder("| platform | operation | n | median ms | p95 ms | min ms | max ms |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
        for (Series s : series) {
            List<Long> sorted = new ArrayList<>(s.millis());
            Collections.sort(sorted);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
            long p95 = sorted.get((int) Math.ceil(0.95 * n) - 1);
            md.append("| ").append(s.platform()).append(" | ").append(s.operation()).append(" | ").append(n).append(" | ")
                    .append(median == Math.rint(median) ? String.valueOf((long) median) : String.valueOf(median))
                    .append(" | ").append(p95).append(" | ").append(sorted.get(0)).append(" | ").append(sorted.get(n - 1))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " (1 min)";
        } catch (IOException | RuntimeException e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "unknown" : String.format("%.2f", load);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder; the OS cleans it
        }
    }
}
