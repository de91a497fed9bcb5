package nl.proeftuin.itest.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Optional;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;

/**
 * What the dashboard does in a browser: logs in with {@code POST /api/v1/session}, then sends the session cookie,
 * its own {@code Origin}, {@code X-Requested-With: proeftuin-ui}, and on writes the session's {@code X-CSRF-Token}.
 */
final class Browser {

    static final String COOKIE = "proeftuin_session";
    static final String REQUESTED_WITH = "proeftuin-ui";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;
    private final String token;
    private final String csrfToken;
    private final ApiResponse login;

    private Browser(Api api, String token, String csrfToken, ApiResponse login) {
        this.api = api;
        this.token = token;
        this.csrfToken = csrfToken;
        this.login = login;
    }

    /**
     * Logs in.
     *
     * @param api the platform
     * @param account who
     * @return the logged-in browser
     * @throws AssertionError when the login is not answered 200 with a cookie
     */
    static Browser login(Api api, TestUsers.Account account) {
        ApiResponse response = loginAttempt(api, account.username(), account.password());
        if (response.status() != 200) {
            throw new AssertionError("login of " + account.username() + ": " + response);
        }
        String token = sessionCookie(response).orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
        return new Browser(api, token, response.json().path("csrfToken").asText(), response);
    }

    /** A login as the login page sends it, whatever its outcome. */
    static ApiResponse loginAttempt(Api api, String username, String password) {
        String body = JSON.createObjectNode().put("username", username).put("password", password).toString();
        return api.send(api.anonymousRequest("/api/v1/session").header("Content-Type", "application/json")
                .header("Origin", origin(api)).header("X-Requested-With", REQUESTED_WITH)
                .POST(BodyPublishers.ofString(body)));
    }

    /** The {@code Set-Cookie} that sets or clears the session cookie, if the answer has one. */
    static Optional<String> setCookie(ApiResponse response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "=")).findFirst();
    }

    /** The session token an answer sets, if it sets one. */
    static Optional<String> sessionCookie(ApiResponse response) {
        return setCookie(response).map(c -> c.substring(COOKIE.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(value -> !value.isEmpty());
    }

    /** The platform's own origin, as a browser names it in {@code Origin}. */
    static String origin(Api api) {
        URI base = api.uri("/");
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    /** The answer to the login. */
    ApiResponse loginAnswer() {
        return login;
    }

    String token() {
        return token;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** A request with the cookie, the origin and the dashboard's header, but no CSRF token. */
    HttpRequest.Builder request(String path) {
        return api.anonymousRequest(path).header("Cookie", COOKIE + "=" + token).header("Origin", origin(api))
                .header("X-Requested-With", REQUESTED_WITH);
    }

    /** A write as the dashboard sends it: with the session's CSRF token. */
    HttpRequest.Builder write(String path) {
        return request(path).header("X-CSRF-Token", csrfToken);
    }

    ApiResponse get(String path) {
        return api.send(request(path).GET());
    }

    ApiResponse send(HttpRequest.Builder request) {
        return api.send(request);
    }

    /** Logs out. */
    ApiResponse logout() {
        return api.send(write("/api/v1/session").DELETE());
    }

    /** {@code GET /api/v1/session}. */
    JsonNode whoAmI() {
        return get("/api/v1/session").json();
    }
}
