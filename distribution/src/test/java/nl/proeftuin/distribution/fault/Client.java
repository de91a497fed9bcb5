package nl.proeftuin.distribution.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** The platform's HTTP API as the fault tests use it: every request as user admin (HTTP Basic). */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + PlatformProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;

    Client(int port) {
        this.port = port;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", AUTHORIZATION);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GET a JSON document; fails unless the answer is 200. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path).GET().build());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A POST that may take long: an import of a million rows on a busy machine takes minutes. */
    HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request(path).timeout(Duration.ofMinutes(15)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** {@code GET /api/v1/bundles}. */
    List<JsonNode> bundles() throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        get("/api/v1/bundles").forEach(all::add);
        return all;
    }

    /** Region id to name, from {@code GET /api/v1/regions}. */
    Map<String, String> regions() throws IOException, InterruptedException {
        Map<String, String> names = new HashMap<>();
        get("/api/v1/regions").forEach(r -> names.put(r.get("id").asText(), r.get("name").asText()));
        return names;
    }

    /** Every measurement of a KPI, period (yyyy-mm-dd) to value, read from its CSV export. */
    Map<String, Double> measurements(String kpi) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request("/api/v1/kpis/" + kpi + "/measurements.csv").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new IOException("GET measurements.csv of " + kpi + " answered " + response.statusCode());
            }
            Map<String, Double> values = new HashMap<>();
            lines.readLine(); // the header
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split(",", 3);
                values.put(fields[0], Double.valueOf(fields[1]));
            }
            return values;
        }
    }

    /**
     * A POST over a plain socket, so that the test knows when the body has left, and may send only its first
     * {@code sendBytes} bytes (then the connection stays open, as a slow client's would, until the platform dies).
     *
     * @return the raw answer, or why there was none
     */
    String rawPost(String path, String type, byte[] body, int sendBytes, Runnable sent) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + AUTHORIZATION
                    + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sendBytes);
            out.flush();
            sent.run();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            sent.run();
            return "no answer: " + e;
        }
    }

    /**
     * Asks {@code probe} every 20 ms until {@code done} accepts its answer; a probe that throws counts as not done.
     *
     * @return the accepted answer
     */
    static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastFailure = null;
        while (true) {
            try {
                last = probe.call();
                lastFailure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last answer: " + last
                        + (lastFailure == null ? "" : "; last failure: " + lastFailure));
            }
            Thread.sleep(20);
        }
    }
}
