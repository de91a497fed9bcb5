package nl.proeftuin.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP/1.1 calls to a platform on loopback, each with HTTP Basic as user {@code admin} (the API needs a user; the
 * header is harmless where it does not).
 *
 * <p>Thread-safe: one instance may be used from several threads.
 */
public final class Http {

    /**
     * An answer.
     *
     * @param status the status code
     * @param body the body
     */
    public record Answer(int status, byte[] body) {
        /** @return the body as UTF-8 text */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String authorization;

    /**
     * A client for one platform.
     *
     * @param port the platform's port on 127.0.0.1
     * @param adminPassword the password of user admin
     */
    public Http(int port, String adminPassword) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = basic("admin", adminPassword);
    }

    /**
     * The value of an {@code Authorization} header for HTTP Basic.
     *
     * @param user the user
     * @param password the password
     * @return {@code Basic <base64>}
     */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the value of the Authorization header this client sends */
    public String authorization() {
        return authorization;
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String base() {
        return base;
    }

    /**
     * GET.
     *
     * @param path the path and query, e.g. {@code /api/v1/regions}
     * @return the answer
     * @throws IOException if the platform does not answer
     */
    public Answer get(String path) throws IOException {
        return get(path, Duration.ofMinutes(5));
    }

    /**
     * GET with a time limit.
     *
     * @param path the path and query
     * @param timeout how long to wait for the answer
     * @return the answer
     * @throws IOException if the platform does not answer in time
     */
    public Answer get(String path, Duration timeout) throws IOException {
        return send(request(path).timeout(timeout).GET().build());
    }

    /**
     * GET that never throws: for polling while a platform starts.
     *
     * @param path the path
     * @return the answer, or status -1 with an empty body when there was none
     */
    public Answer poll(String path) {
        try {
            return send(request(path).timeout(Duration.ofSeconds(5)).GET().build());
        } catch (IOException e) {
            return new Answer(-1, new byte[0]);
        }
    }

    /**
     * POST a body.
     *
     * @param path the path
     * @param contentType the content type, e.g. {@code text/csv}
     * @param body the body
     * @return the answer
     * @throws IOException if the platform does not answer
     */
    public Answer post(String path, String contentType, byte[] body) throws IOException {
        return send(request(path).timeout(Duration.ofMinutes(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /**
     * POST and demand a 2xx answer.
     *
     * @param path the path
     * @param contentType the content type
     * @param body the body
     * @return the answer
     * @throws IOException if the platform does not answer, or answers otherwise than 2xx (with its answer)
     */
    public Answer postOk(String path, String contentType, byte[] body) throws IOException {
        Answer answer = post(path, contentType, body);
        if (answer.status() / 100 != 2) {
            throw new IOException("POST " + path + " answered " + answer.status() + ": " + abbreviate(answer.text()));
        }
        return answer;
    }

    /**
     * GET and demand a 200.
     *
     * @param path the path
     * @return the body as text
     * @throws IOException if the platform does not answer 200 (with its answer)
     */
    public String getOk(String path) throws IOException {
        Answer answer = get(path);
        if (answer.status() != 200) {
            throw new IOException("GET " + path + " answered " + answer.status() + ": " + abbreviate(answer.text()));
        }
        return answer.text();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization);
    }

    private Answer send(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
