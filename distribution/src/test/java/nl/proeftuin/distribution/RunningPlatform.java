package nl.proeftuin.distribution;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The assembled distribution started as a user starts it: {@code bin/proeftuin}, as a separate process. */
final class RunningPlatform implements AutoCloseable {

    /** The password of user admin on the platforms the tests start ({@code PROEFTUIN_ADMIN_PASSWORD}). */
    static final String ADMIN_PASSWORD = "distribution-test-admin";
    static final Path DIST = Path.of(System.getProperty("proeftuin.dist", "target/proeftuin"));

    final Process process;
    final Path output;
    final int port;

    private RunningPlatform(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    static RunningPlatform start(Path home, int port, Map<String, String> extraEnv) throws IOException {
        Path output = Files.createTempFile("proeftuin-", ".out");
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/proeftuin").toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("PROEFTUIN_HOME", home.toString());
        builder.environment().put("PROEFTUIN_PORT", String.valueOf(port));
        builder.environment().put("PROEFTUIN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(extraEnv);
        return new RunningPlatform(builder.start(), output, port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits for {@code /api/health} to answer 200; returns its body, or null when the process ended or time ran out. */
    String awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                                .timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return null;
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the platform did not stop within " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            // a temporary file: the system cleans it up in time
        }
    }
}
