package nl.proeftuin.distribution.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The assembled distribution started as a user starts it ({@code bin/proeftuin}, which execs the JVM), on a home and
 * a port of the test's, with {@code PROEFTUIN_ADMIN_PASSWORD} set; killed with SIGKILL or stopped with SIGTERM.
 */
final class PlatformProcess implements AutoCloseable {

    /** The password of user admin on the platforms these tests start. */
    static final String ADMIN_PASSWORD = "fault-test-admin";
    static final Path DIST = Path.of(System.getProperty("proeftuin.dist", "target/proeftuin"));
    static final Duration START = Duration.ofSeconds(60);
    static final Duration STOP = Duration.ofSeconds(30);

    private final Process process;
    private final Path output;
    private final Path home;

    private PlatformProcess(Process process, Path output, Path home) {
        this.process = process;
        this.output = output;
        this.home = home;
    }

    /** Starts the platform and waits until {@code /api/health} answers 200; fails with its output if it does not. */
    static PlatformProcess startServing(Path home, int port) throws IOException, InterruptedException {
        Path output = Files.createTempFile("proeftuin-fault-", ".out");
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/proeftuin").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PROEFTUIN_HOME", home.toString());
        builder.environment().put("PROEFTUIN_PORT", String.valueOf(port));
        builder.environment().put("PROEFTUIN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        PlatformProcess platform = new PlatformProcess(builder.start(), output, home);
        if (!platform.awaitHealthy(port)) {
            String why = platform.output() + "\nlog:\n" + platform.log();
            platform.close();
            throw new AssertionError("the platform did not serve /api/health within " + START + "; output:\n" + why);
        }
        return platform;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private boolean awaitHealthy(int port) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** kill -9 of the JVM, and wait until it is gone; its output is not needed any more. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the platform did not die of SIGKILL within " + STOP);
        }
        deleteOutput();
    }

    /** SIGTERM, and the clean stop the README promises (exit code 0). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the platform did not stop within " + STOP + "; output:\n" + output());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("SIGTERM ended the platform with exit code " + process.exitValue() + "; output:\n" + output());
        }
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    String log() {
        try {
            return Files.readString(home.resolve("data/log/proeftuin.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the platform if it still runs, and removes the file that took its output. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        deleteOutput();
    }

    private void deleteOutput() {
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            // a temporary file: the system cleans it up in time
        }
    }
}
