package nl.proeftuin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apache Karaf 4.4.10, the peer: unpacked from its Maven Central tar.gz into a fresh folder and run with its own
 * {@code bin/karaf server}, default configuration.
 *
 * <p>Ready means: its SSH shell (port 8101) accepts a connection and sends the SSH banner, Karaf's user interface
 * after a start. The time its boot features were deployed is read from {@code data/log/karaf.log} (the line
 * "Deployment finished" of the features deployer, written on every start). Not thread-safe.
 */
public final class Karaf implements AutoCloseable {

    /** Karaf's default SSH port. */
    public static final int SSH_PORT = 8101;
    private static final List<Integer> DEFAULT_PORTS = List.of(SSH_PORT, 1099, 44444);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");

    private final Path home;
    private final Process process;
    private final long launchedNanos;
    private final long launchedEpochMillis;
    /** Kills Karaf when the benchmark is interrupted (Ctrl-C), so that no Karaf is left running. */
    private final Thread killer;

    private Karaf(Path home, Process process, long launchedNanos, long launchedEpochMillis) {
        this.home = home;
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.launchedEpochMillis = launchedEpochMillis;
        this.killer = new Thread(this::kill);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Unpacks the distribution into a new folder.
     *
     * @param tarGz {@code apache-karaf-4.4.10.tar.gz}
     * @param parent where the folder goes
     * @return Karaf's home, {@code <new folder>/apache-karaf-4.4.10}
     * @throws IOException if tar fails
     */
    public static Path unpack(Path tarGz, Path parent) throws IOException {
        Path dir = Files.createTempDirectory(parent, "karaf-");
        run(List.of("tar", "xzf", tarGz.toAbsolutePath().toString(), "-C", dir.toString()));
        try (var entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException(tarGz + " unpacked to nothing in " + dir));
        }
    }

    /**
     * Starts {@code bin/karaf server} (no local console) with this JVM's Java.
     *
     * @param home Karaf's home
     * @return the starting Karaf
     * @throws IOException if one of Karaf's default ports (8101, 1099, 44444) is taken, or it cannot be launched
     */
    public static Karaf start(Path home) throws IOException {
        for (int port : DEFAULT_PORTS) {
            if (open(port)) {
                throw new IOException("port " + port + " is in use: is another Karaf running? Karaf's default"
                        + " configuration needs ports " + DEFAULT_PORTS);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("karaf.out").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().keySet().removeIf(k -> k.startsWith("KARAF_") || k.equals("EXTRA_JAVA_OPTS"));
        long epoch = System.currentTimeMillis();
        long launched = System.nanoTime();
        return new Karaf(home, builder.start(), launched, epoch);
    }

    /**
     * Waits until the SSH shell answers with its banner, trying every 10 ms.
     *
     * @param timeout how long at most
     * @return milliseconds from launch until then
     * @throws IOException if Karaf exited or time ran out
     */
    public double awaitShell(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!banner()) {
            if (!process.isAlive()) {
                throw new IOException("Karaf exited (" + process.exitValue() + "); see " + home.resolve("karaf.out"));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Karaf's shell did not answer on port " + SSH_PORT + " within " + timeout);
            }
            Platform.sleep(10);
        }
        return (System.nanoTime() - launchedNanos) / 1e6;
    }

    /**
     * When the features deployer reported the boot features deployed, from the time stamp in karaf.log.
     *
     * @return milliseconds from launch, or NaN when the line is not in the log (yet)
     * @throws IOException if the log cannot be read
     */
    public double bootFeaturesDeployed() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        if (!Files.exists(log)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains("Deployment finished. Registering FeatureDeploymentListener")) {
                LocalDateTime at = LocalDateTime.parse(line.substring(0, 23), LOG_TIME);
                long millis = at.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli() - launchedEpochMillis;
                if (millis >= 0) {
                    // the log is kept across restarts: the first line of this start
                    return millis;
                }
            }
        }
        return Double.NaN;
    }

    /** @return Karaf's home */
    public Path home() {
        return home;
    }

    /**
     * The Karaf JVM (a child of the bin/karaf script).
     *
     * @return its process id
     * @throws IOException if there is none
     */
    public long javaPid() throws IOException {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().map(ProcessHandle::pid)
                .orElseThrow(() -> new IOException("no java process under bin/karaf (" + process.pid() + ")"));
    }

    /**
     * Runs a full GC in Karaf's JVM and reads its memory.
     *
     * @return the memory
     * @throws IOException if jcmd fails
     */
    public Memory memory() throws IOException {
        return Memory.of(javaPid());
    }

    /** Stops Karaf with its {@code bin/stop}; kills it when it has not stopped within a minute. */
    public void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
        try {
            Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            stop.waitFor(60, TimeUnit.SECONDS);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean banner() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", SSH_PORT), 200);
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(4);
            return new String(head, StandardCharsets.ISO_8859_1).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean open(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
