package nl.proeftuin.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A Proeftuin platform run as users run it: a copy of the built distribution in a fresh folder, started with its
 * {@code bin/proeftuin} in its own process, with {@code PROEFTUIN_ADMIN_PASSWORD} set.
 *
 * <p>Benchmarks copy the distribution first so that a rebuild of {@code distribution/target} while they run does
 * not change what they measure. Not thread-safe: drive one platform from one thread (its {@link #http()} client may
 * be shared).
 */
public final class Platform implements AutoCloseable {

    /** The password of user {@code admin} on every platform a benchmark starts. */
    public static final String ADMIN_PASSWORD = "bench-admin-password";

    private final Process process;
    private final long launchedNanos;
    private final Path home;
    private final int port;
    private final Path output;
    private final Http http;
    /** Kills the platform when the benchmark is interrupted (Ctrl-C), so that no platform is left running. */
    private final Thread killer;

    private Platform(Process process, long launchedNanos, Path home, int port, Path output) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.home = home;
        this.port = port;
        this.output = output;
        this.http = new Http(port, ADMIN_PASSWORD);
        this.killer = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Copies a built distribution, without its {@code data/}, to a new folder.
     *
     * @param distribution {@code distribution/target/proeftuin}
     * @param parent where the copy goes
     * @param examplePilots false to empty the copy's {@code deploy/} of the example pilots
     * @return the copy: its own home (it holds {@code conf/}, {@code deploy/}, and {@code data/} once started)
     * @throws IOException if it cannot be copied
     */
    public static Path install(Path distribution, Path parent, boolean examplePilots) throws IOException {
        if (!Files.isExecutable(distribution.resolve("bin/proeftuin"))) {
            throw new IOException("no distribution at " + distribution + "; build it first: mvn -q install -DskipTests");
        }
        Path copy = Files.createTempDirectory(parent, "proeftuin-");
        try (Stream<Path> files = Files.walk(distribution)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = distribution.relativize(source);
                if (relative.startsWith("data")) {
                    continue;
                }
                Path target = copy.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (!examplePilots) {
            try (Stream<Path> jars = Files.list(copy.resolve("deploy"))) {
                for (Path jar : (Iterable<Path>) jars::iterator) {
                    if (jar.toString().endsWith(".jar")) {
                        Files.delete(jar);
                    }
                }
            }
        }
        return copy;
    }

    /**
     * Writes the store settings of a home, to use PostgreSQL instead of the embedded H2.
     *
     * @param home the home
     * @param url the JDBC URL
     * @param user the user
     * @param password the password
     * @throws IOException if the file cannot be written
     */
    public static void usePostgresql(Path home, String url, String user, String password) throws IOException {
        Files.writeString(home.resolve("conf/nl.proeftuin.store.cfg"),
                "jdbc.url=" + url + "\njdbc.user=" + user + "\njdbc.password=" + password + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Starts {@code <home>/bin/proeftuin} with that folder as its home, on a free port.
     *
     * @param home a folder made by {@link #install}
     * @param javaOpts extra JVM options ({@code PROEFTUIN_JAVA_OPTS}), or empty
     * @return the starting platform; the clock of {@link #awaitHealthy} runs from just before the launch
     * @throws IOException if it cannot be launched
     */
    public static Platform start(Path home, String javaOpts) throws IOException {
        int port = freePort();
        Path output = home.resolve("platform.out");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/proeftuin").toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> env = builder.environment();
        env.put("PROEFTUIN_HOME", home.toString());
        env.put("PROEFTUIN_PORT", String.valueOf(port));
        env.put("PROEFTUIN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        if (!javaOpts.isEmpty()) {
            env.put("PROEFTUIN_JAVA_OPTS", javaOpts);
        } else {
            env.remove("PROEFTUIN_JAVA_OPTS");
        }
        long launched = System.nanoTime();
        Process process = builder.start();
        return new Platform(process, launched, home, port, output);
    }

    /**
     * A free TCP port on this machine (free when asked).
     *
     * @return the port
     * @throws IOException if none can be had
     */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits for the first 200 of {@code /api/health}, asking every 10 ms.
     *
     * @param timeout how long at most
     * @return milliseconds from launch to that 200
     * @throws IOException if the process ended or time ran out (with its output)
     */
    public double awaitHealthy(Duration timeout) throws IOException {
        await("/api/health to answer 200", timeout, () -> http.poll("/api/health").status() == 200);
        return sinceLaunchMillis();
    }

    /**
     * Waits until {@code /api/v1/regions} lists at least a number of regions, asking every 10 ms.
     *
     * @param count how many regions
     * @param timeout how long at most
     * @return milliseconds from launch until then
     * @throws IOException if the process ended or time ran out
     */
    public double awaitRegions(int count, Duration timeout) throws IOException {
        await(count + " regions in /api/v1/regions", timeout, () -> regions() >= count);
        return sinceLaunchMillis();
    }

    /**
     * How many regions {@code /api/v1/regions} lists now.
     *
     * @return the count, or -1 when it does not answer 200
     */
    public int regions() {
        Http.Answer answer = http.poll("/api/v1/regions");
        if (answer.status() != 200) {
            return -1;
        }
        return count(answer.text(), "{\"id\":");
    }

    /**
     * Waits for a condition, asking every 10 ms, while the process lives.
     *
     * @param what what is awaited, for the message
     * @param timeout how long at most
     * @param condition the condition
     * @throws IOException if the process ended or time ran out, with the platform's output
     */
    public void await(String what, Duration timeout, BooleanSupplier condition) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IOException("the platform exited (" + process.exitValue() + ") while waiting for " + what
                        + "; its output:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("timed out after " + timeout + " waiting for " + what + "; output:\n" + tail());
            }
            sleep(10);
        }
    }

    /** @return milliseconds since just before the launch */
    public double sinceLaunchMillis() {
        return (System.nanoTime() - launchedNanos) / 1e6;
    }

    /** @return the client for this platform, sending Basic as admin */
    public Http http() {
        return http;
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return the home folder */
    public Path home() {
        return home;
    }

    /** @return the process id of the JVM ({@code bin/proeftuin} execs java) */
    public long pid() {
        return process.pid();
    }

    /**
     * Runs a full GC in the platform and reads its memory.
     *
     * @return the memory
     * @throws IOException if jcmd fails
     */
    public Memory memory() throws IOException {
        return Memory.of(process.pid());
    }

    /**
     * Stops the platform with SIGTERM (a clean stop), and kills it when it has not stopped within a minute.
     *
     * @return the exit code
     */
    public int stop() {
        process.destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** @return the last 60 lines of the platform's output */
    public String tail() {
        try {
            var lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
