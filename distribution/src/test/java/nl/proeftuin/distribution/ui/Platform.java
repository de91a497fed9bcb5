package nl.proeftuin.distribution.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The built distribution, started as a user starts it ({@code bin/proeftuin}) on a fresh home and a free port. */
final class Platform implements AutoCloseable {

    /** The password of user admin on the platforms the browser tests start ({@code PROEFTUIN_ADMIN_PASSWORD}). */
    static final String ADMIN_PASSWORD = "browser-test-admin";
    /** The user created on first start. */
    static final String ADMIN = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path DIST = Path.of(System.getProperty("proeftuin.dist", "target/proeftuin")).toAbsolutePath();
    private static final Duration START = Duration.ofSeconds(60);

    final int port;
    final Path home;
    private final Process process;
    private final Path output;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Platform(Process process, Path output, Path home, int port) {
        this.process = process;
        this.output = output;
        this.home = home;
        this.port = port;
    }

    /** The example pilot JAR of the distribution, e.g. {@code proeftuin-pilot-zeeland}. */
    static Path examplePilot(String name) {
        return DIST.resolve("deploy").resolve(name + ".jar");
    }

    /** Starts the platform with the given pilots in its deploy folder and waits until it serves. */
    static Platform start(Path home, String... pilots) throws IOException, InterruptedException {
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        for (String pilot : pilots) {
            Files.copy(examplePilot(pilot), deploy.resolve(pilot + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path output = Files.createTempFile("proeftuin-ui-", ".out");
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/proeftuin").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PROEFTUIN_HOME", home.toString());
        builder.environment().put("PROEFTUIN_PORT", String.valueOf(port));
        builder.environment().put("PROEFTUIN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Platform platform = new Platform(builder.start(), output, home, port);
        platform.await("/api/health to answer 200", "/api/health", body -> true);
        return platform;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** GET a path as admin (HTTP Basic); null when the platform does not answer 200. */
    String get(String path) {
        try {
            HttpResponse<String> response = client.send(asAdmin(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Sends JSON as admin (HTTP Basic) and requires the expected status.
     *
     * @return the answer's body
     */
    String send(String method, String path, Object body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(asAdmin(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + " (expected " + expected
                    + "): " + response.body());
        }
        return response.body();
    }

    /** Creates a user through {@code POST /api/v1/users}, as admin. */
    void createUser(String username, String role, List<String> regions, String password) throws IOException, InterruptedException {
        send("POST", "/api/v1/users", Map.of("username", username, "role", role, "regions", regions, "password", password), 201);
    }

    private HttpRequest.Builder asAdmin(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits until GET path answers 200 with a body the predicate accepts. */
    void await(String what, String path, Predicate<String> done) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the platform stopped while waiting for " + what + "; output:\n" + output());
            }
            String body = get(path);
            if (body != null && done.test(body)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + START + " waiting for " + what + "; output:\n" + output());
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
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
