package nl.proeftuin.itest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.Ids;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Cross-site request forgery: a page of another site can make the browser send the session cookie (were it not
 * SameSite) but cannot read the session's CSRF token, and the browser names that site in {@code Origin}. So a write
 * with the cookie needs the token, and a write from another origin is refused whatever its credentials.
 */
class CsrfTest {

    @InjectBundleContext
    static BundleContext context;

    @InjectService(timeout = 30_000)
    static UserDirectory directory;

    static Api api;
    static DeployFolder deploy;
    static TestUsers users;
    static PilotRegion region;
    static TestUsers.Account editor;

    @BeforeAll
    static void setUp() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
        region = PilotRegion.deploy(api, deploy, "csrf");
        users = new TestUsers(directory);
        editor = users.create(Role.EDITOR, region.id());
    }

    @AfterAll
    static void tearDown() {
        users.close();
        deploy.removeAll();
    }

    @Test
    void cookieWriteWithoutTheTokenIs403AndChangesNothing() {
        Browser browser = Browser.login(api, editor);
        String title = Ids.unique("zonder-token");

        ApiResponse response = browser.send(lesson(browser.request("/api/v1/lessons"), title));

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.detail()).contains("X-CSRF-Token");
        assertThat(lessonTitles()).doesNotContain(title);
    }

    @Test
    void cookieWriteWithAWrongTokenIs403() {
        Browser browser = Browser.login(api, editor);
        Browser other = Browser.login(api, editor);

        ApiResponse response = browser.send(lesson(browser.request("/api/v1/lessons")
                .header("X-CSRF-Token", other.csrfToken()), Ids.unique("ander-token")));

        assertThat(response.status()).as("the token of another session").isEqualTo(403);
        assertThat(response.detail()).contains("does not match");
    }

    @Test
    void cookieWriteWithTheSessionsTokenIsAccepted() {
        Browser browser = Browser.login(api, editor);
        String title = Ids.unique("met-token");

        ApiResponse response = browser.send(lesson(browser.write("/api/v1/lessons"), title));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(lessonTitles()).contains(title);
    }

    @Test
    void cookieWriteFromAnotherOriginIsRefusedEvenWithTheToken() {
        Browser browser = Browser.login(api, editor);

        ApiResponse response = browser.send(lesson(browser.write("/api/v1/lessons")
                .setHeader("Origin", "https://evil.example"), Ids.unique("andere-site")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.detail()).contains("another site").contains("https://evil.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "http://127.0.0.1:1"})
    void basicWriteFromAnotherOriginIs403(String origin) {
        ApiResponse response = api.send(lesson(api.anonymousRequest("/api/v1/lessons")
                .header("Authorization", editor.basic()).header("Origin", origin), Ids.unique("basic-andere-site")));

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
    }

    @Test
    void basicWriteFromTheOwnOriginOrWithoutOriginIsAccepted() {
        ApiResponse own = api.send(lesson(api.anonymousRequest("/api/v1/lessons")
                .header("Authorization", editor.basic()).header("Origin", Browser.origin(api)), Ids.unique("eigen-site")));
        ApiResponse none = api.send(lesson(api.anonymousRequest("/api/v1/lessons")
                .header("Authorization", editor.basic()), Ids.unique("zonder-origin")));

        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(none.status()).as("curl and scripts send no Origin: %s", none).isEqualTo(201);
    }

    @Test
    void loginFromAnotherOriginIs403() {
        ApiResponse response = api.send(api.anonymousRequest("/api/v1/session").header("Content-Type", "application/json")
                .header("Origin", "https://evil.example").POST(BodyPublishers.ofString(
                        "{\"username\": \"" + editor.username() + "\", \"password\": \"" + editor.password() + "\"}")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(Browser.setCookie(response)).isEmpty();
    }

    @Test
    void logoutWithoutTheTokenIs403AndTheSessionLives() {
        Browser browser = Browser.login(api, editor);

        ApiResponse forged = browser.send(browser.request("/api/v1/session").DELETE());

        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get("/api/v1/session").status()).isEqualTo(200);
    }

    @Test
    void uploadWithTheCookieNeedsTheTokenToo() {
        Browser browser = Browser.login(api, editor);

        ApiResponse without = browser.send(browser.request("/api/v1/bundles").header("Content-Type", PilotRegion.JAR)
                .POST(BodyPublishers.ofByteArray(region.nextVersion())));
        ApiResponse with = browser.send(browser.write("/api/v1/bundles").header("Content-Type", PilotRegion.JAR)
                .POST(BodyPublishers.ofByteArray(region.nextVersion())));
        region.awaitReady();

        assertThat(without.status()).isEqualTo(403);
        assertThat(with.status()).as(with.toString()).isEqualTo(200);
    }

    private static HttpRequest.Builder lesson(HttpRequest.Builder request, String title) {
        return request.header("Content-Type", "application/json").POST(BodyPublishers.ofString("""
                {"regionId": "%s", "theme": "leefbaarheid", "title": "%s", "text": "Geschreven door de CSRF-test."}"""
                .formatted(region.id(), title)));
    }

    private static List<String> lessonTitles() {
        List<String> titles = new ArrayList<>();
        api.get("/api/v1/lessons?region=" + region.id()).json().forEach(v -> titles.add(v.path("lesson").path("title").asText()));
        return titles;
    }
}
