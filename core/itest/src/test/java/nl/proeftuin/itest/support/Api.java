package nl.proeftuin.itest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The platform's HTTP API as a client sees it: real requests to Jetty, at the endpoint the
 * {@link HttpServiceRuntime} announces ({@code osgi.http.endpoint}).
 */
public final class Api {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);
    /** The password of user admin in the test framework: framework property proeftuin.admin.password in itest.bndrun. */
    public static final String ADMIN_PASSWORD = "itest-admin-password";

    private final URI base;
    private final HttpServiceRuntime runtime;

    private Api(URI base, HttpServiceRuntime runtime) {
        this.base = base;
        this.runtime = runtime;
    }

    /**
     * Finds the HTTP endpoint, waiting up to 10 s for the whiteboard to come up.
     *
     * @param context any bundle context
     * @return the client
     */
    public static Api connect(BundleContext context) {
        ServiceTracker<HttpServiceRuntime, HttpServiceRuntime> tracker = new ServiceTracker<>(context, HttpServiceRuntime.class, null);
        tracker.open();
        try {
            HttpServiceRuntime runtime = tracker.waitForService(10_000);
            if (runtime == null) {
                throw new AssertionError("no HttpServiceRuntime within 10 s");
            }
            Object endpoint = tracker.getServiceReference().getProperty("osgi.http.endpoint");
            String first = endpoint instanceof String[] all ? all[0]
                    : endpoint instanceof Collection<?> all ? String.valueOf(all.iterator().next())
                    : String.valueOf(endpoint);
            return new Api(URI.create(first.endsWith("/") ? first : first + "/"), runtime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            tracker.close();
        }
    }

    /** The whiteboard runtime, for its DTOs. */
    public HttpServiceRuntime runtime() {
        return runtime;
    }

    /**
     * The absolute address of a path.
     *
     * @param path an absolute path like {@code /api/v1/regions}
     * @return the URI
     */
    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The JDK client all requests go through. */
    public HttpClient client() {
        return CLIENT;
    }

    /** A request builder for a path, with the default timeout, sent as user admin (HTTP Basic). */
    public HttpRequest.Builder request(String path) {
        return anonymousRequest(path).header("Authorization", basic("admin", ADMIN_PASSWORD));
    }

    /** A request builder for a path, with the default timeout and no credentials. */
    public HttpRequest.Builder anonymousRequest(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT);
    }

    /**
     * The value of an HTTP Basic {@code Authorization} header.
     *
     * @param username the user
     * @param password the password
     * @return {@code Basic base64(username:password)}
     */
    public static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    public ApiResponse post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));
    }

    public ApiResponse post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public ApiResponse postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /**
     * Sends a request and reads the whole answer as text.
     *
     * @param request the request
     * @return the answer
     * @throws UncheckedIOException when the connection fails
     */
    public ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Sends a request on a client of its own, so that no later request reuses its connection. For requests the
     * platform refuses without reading their body (413, 415): Jetty may then close the connection without saying
     * so, and the next request on it fails (see ErrorsApiTest#refusingARequestWithoutReadingItsBodyKeepsTheConnectionUsable).
     *
     * @param request the request
     * @return the answer
     */
    public ApiResponse sendAlone(HttpRequest.Builder request) {
        HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = own.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Encodes a query parameter value.
     *
     * @param value the value
     * @return the value, URL-encoded
     */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---- the bundles API, which most deployment tests read

    /** Every deployment that {@code GET /api/v1/bundles} lists. */
    public List<JsonNode> deployments() {
        ApiResponse response = get("/api/v1/bundles");
        if (response.status() != 200) {
            throw new IllegalStateException("GET /api/v1/bundles: " + response);
        }
        List<JsonNode> all = new ArrayList<>();
        response.json().forEach(all::add);
        return all;
    }

    /** The deployment of one file of {@code deploy/}, as {@code GET /api/v1/bundles} lists it. */
    public Optional<JsonNode> deploymentOfFile(String fileName) {
        return deployments().stream().filter(d -> fileName.equals(d.path("fileName").asText())).findFirst();
    }

    /**
     * Polls {@code GET /api/v1/bundles} until the file's deployment satisfies a condition.
     *
     * @param fileName the file in {@code deploy/}
     * @param what the expected state in words, for the failure message
     * @param condition the condition on the deployment's JSON
     * @return the deployment
     */
    public JsonNode awaitDeployment(String fileName, String what, Predicate<JsonNode> condition) {
        return Await.await("deploy/" + fileName + " " + what, () -> deploymentOfFile(fileName),
                d -> d.isPresent() && condition.test(d.get())).orElseThrow();
    }

    /** Polls until the file's deployment has the given state, e.g. {@code RUNNING}. */
    public JsonNode awaitState(String fileName, String state) {
        return awaitDeployment(fileName, "in state " + state, d -> state.equals(d.path("state").asText()));
    }

    /** Polls until {@code GET /api/v1/bundles} no longer lists the file. */
    public void awaitGone(String fileName) {
        Await.await("deploy/" + fileName + " to be gone from /api/v1/bundles", () -> deploymentOfFile(fileName).isEmpty());
    }

    /** The ids in a JSON array of objects with an {@code id} field. */
    public static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asText()).toList();
    }

    /** The region ids {@code GET /api/v1/regions} lists. */
    public List<String> regionIds() {
        return ids(get("/api/v1/regions").json());
    }

    /** The names of the problems of a deployment, joined, for assertions on words. */
    public static String problems(JsonNode deployment) {
        List<String> all = new ArrayList<>();
        deployment.path("problems").forEach(p -> all.add(p.asText()));
        return String.join(" | ", all);
    }
}
