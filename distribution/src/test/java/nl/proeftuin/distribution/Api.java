package nl.proeftuin.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** The platform's JSON API as the black-box tests use it. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A request sent as user admin (HTTP Basic), with the password the test platforms start with. */
    HttpRequest.Builder request(String path) {
        return anonymousRequest(path).header("Authorization", basic("admin", RunningPlatform.ADMIN_PASSWORD));
    }

    /** A request without credentials. */
    HttpRequest.Builder anonymousRequest(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    /** The value of an HTTP Basic {@code Authorization} header. */
    static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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

    HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** The ids in {@code GET /api/v1/regions}. */
    Set<String> regionIds() throws IOException, InterruptedException {
        Set<String> ids = new TreeSet<>();
        get("/api/v1/regions").forEach(region -> ids.add(region.get("id").asText()));
        return ids;
    }

    /** The name of a region in {@code GET /api/v1/regions}, or null. */
    String regionName(String id) throws IOException, InterruptedException {
        for (JsonNode region : get("/api/v1/regions")) {
            if (id.equals(region.get("id").asText())) {
                return region.get("name").asText();
            }
        }
        return null;
    }

    /** {@code GET /api/v1/bundles}. */
    List<JsonNode> bundles() throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        get("/api/v1/bundles").forEach(all::add);
        return all;
    }

    /** The symbolic names in {@code GET /api/v1/bundles}. */
    Set<String> bundleNames() throws IOException, InterruptedException {
        Set<String> names = new TreeSet<>();
        bundles().forEach(b -> names.add(b.get("symbolicName").asText()));
        return names;
    }

    /** The measurements of a KPI: period (as stored, yyyy-mm-dd) to value. */
    java.util.Map<String, Double> measurements(String kpi) throws IOException, InterruptedException {
        java.util.Map<String, Double> values = new java.util.TreeMap<>();
        get("/api/v1/kpis/" + kpi + "/measurements").forEach(m -> values.put(m.get("period").asText(), m.get("value").asDouble()));
        return values;
    }

    /**
     * Asks {@code probe} every 20 ms until {@code done} accepts its answer; a probe that throws (not listening yet,
     * not found yet) counts as not done. Returns the accepted answer.
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
