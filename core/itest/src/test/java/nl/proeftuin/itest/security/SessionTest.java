package nl.proeftuin.itest.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.User;
import nl.proeftuin.security.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The web session: logging in sets a cookie a script cannot read and another site cannot send; the session says
 * who you are until you log out, your account is removed, or the cookie is not one of ours; broken credentials are
 * answered in words, never with a 500.
 */
class SessionTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    UserDirectory directory;

    Api api;
    TestUsers users;

    @BeforeEach
    void connect() {
        api = Api.connect(context);
        users = new TestUsers(directory);
    }

    @AfterEach
    void removeUsers() {
        users.close();
    }

    @Test
    void loginSetsAStrictHttpOnlyCookieAndAnswersTheUserAndACsrfToken() {
        TestUsers.Account editor = users.create(Role.EDITOR, "zeeland", "groningen");

        Browser browser = Browser.login(api, editor);

        ApiResponse answer = browser.loginAnswer();
        String cookie = Browser.setCookie(answer).orElseThrow();
        assertThat(cookie.split(";\\s*")).as(cookie).contains("Path=/", "HttpOnly", "SameSite=Strict")
                .doesNotContain("Secure");
        assertThat(browser.token()).hasSizeGreaterThanOrEqualTo(22);
        JsonNode body = answer.json();
        assertThat(body.path("user").path("username").asText()).isEqualTo(editor.username());
        assertThat(body.path("user").path("role").asText()).isEqualTo("editor");
        assertThat(body.path("user").path("regions")).extracting(JsonNode::asText).containsExactly("groningen", "zeeland");
        assertThat(body.path("csrfToken").asText()).isNotBlank().isNotEqualTo(browser.token());
        assertThat(Instant.parse(body.path("expires").asText())).isAfter(Instant.now());
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(answer.body()).doesNotContain(editor.password());
    }

    @Test
    void theSessionSaysWhoYouAreAndBasicHasNoCsrfToken() {
        TestUsers.Account viewer = users.create(Role.VIEWER);
        Browser browser = Browser.login(api, viewer);

        JsonNode withCookie = browser.whoAmI();
        ApiResponse withBasic = api.send(api.anonymousRequest("/api/v1/session").header("Authorization", viewer.basic()).GET());

        assertThat(withCookie.path("user").path("username").asText()).isEqualTo(viewer.username());
        assertThat(withCookie.path("csrfToken").asText()).isEqualTo(browser.csrfToken());
        assertThat(withBasic.status()).isEqualTo(200);
        assertThat(withBasic.json().path("user").path("role").asText()).isEqualTo("viewer");
        assertThat(withBasic.json().path("csrfToken").isNull()).as(withBasic.toString()).isTrue();
        assertThat(withBasic.json().path("expires").isNull()).isTrue();
        assertThat(browser.get("/api/v1/regions").status()).as("a read with the cookie alone").isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSame401WithoutACookie() {
        TestUsers.Account viewer = users.create(Role.VIEWER);
        // failed logins count against the client address: these come from an address of their own
        RawHttp client = new RawHttp(api.uri("/"), RawHttp.someLoopbackAddress());
        Map<String, String> json = Map.of("Content-Type", "application/json", "X-Requested-With", "proeftuin-ui");

        RawHttp.Response wrongPassword = client.send("POST", "/api/v1/session", json,
                "{\"username\": \"" + viewer.username() + "\", \"password\": \"not-the-password\"}");
        RawHttp.Response unknownUser = client.send("POST", "/api/v1/session", json,
                "{\"username\": \"nobody-" + viewer.username() + "\", \"password\": \"not-the-password\"}");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(detail(wrongPassword)).isEqualTo(detail(unknownUser)).isEqualTo("The username or password is wrong.");
        assertThat(wrongPassword.all("set-cookie")).isEmpty();
        assertThat(wrongPassword.header("www-authenticate")).as("the dashboard gets no Basic dialog").isEmpty();
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() {
        Browser browser = Browser.login(api, users.create(Role.VIEWER));

        ApiResponse logout = browser.logout();

        assertThat(logout.status()).isEqualTo(204);
        assertThat(Browser.setCookie(logout).orElseThrow()).startsWith("proeftuin_session=;").contains("Max-Age=0");
        ApiResponse after = browser.get("/api/v1/regions");
        assertThat(after.status()).as("the old cookie after logout").isEqualTo(401);
        assertThat(Browser.setCookie(after)).as("a dead cookie is cleared").get().asString().contains("Max-Age=0");
        assertThat(after.headers().firstValue("WWW-Authenticate")).as("no Basic dialog for the dashboard").isEmpty();
    }

    @Test
    void theSessionOfARemovedUserIsDead() {
        TestUsers.Account editor = users.create(Role.EDITOR, "zeeland");
        Browser browser = Browser.login(api, editor);
        assertThat(browser.get("/api/v1/overview").status()).isEqualTo(200);

        directory.delete(editor.username(), "itest");

        assertThat(browser.get("/api/v1/overview").status()).isEqualTo(401);
        assertThat(browser.get("/api/v1/session").status()).isEqualTo(401);
    }

    @Test
    void aChangedRoleHoldsFromTheNextRequestOfTheSameSession() {
        TestUsers.Account editor = users.create(Role.EDITOR, "zeeland");
        Browser browser = Browser.login(api, editor);

        directory.update(new User(editor.username(), Role.VIEWER, Set.of()), "itest");

        JsonNode now = browser.whoAmI();
        assertThat(now.path("user").path("role").asText()).isEqualTo("viewer");
        ApiResponse lesson = browser.send(browser.write("/api/v1/lessons").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"regionId\": \"zeeland\", \"theme\": \"wonen\", \"title\": \"t\", \"text\": \"t\"}")));
        assertThat(lesson.status()).as(lesson.toString()).isEqualTo(403);
        assertThat(lesson.detail()).isEqualTo("User \"" + editor.username() + "\" may not add lessons (viewer: reads only).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"made-up-token-that-is-long-enough", "<script>alert(1)</script>", "\"unterminated", "=;=;=", ""})
    void aCookieThatIsNoSessionIsAnonymousAndCleared(String value) {
        RawHttp client = new RawHttp(api.uri("/"), "127.0.0.1");

        RawHttp.Response api401 = client.send("GET", "/api/v1/regions", Map.of("Cookie", "proeftuin_session=" + value), null);
        RawHttp.Response page = client.send("GET", "/pilots/testland/overzicht/", Map.of("Cookie", "proeftuin_session=" + value), null);

        assertThat(api401.status()).as(api401.toString()).isEqualTo(401);
        assertThat(api401.all("set-cookie")).anyMatch(c -> c.startsWith("proeftuin_session=;") && c.contains("Max-Age=0"));
        assertThat(page.status()).as(page.toString()).isEqualTo(303);
        assertThat(page.header("location")).contains("/ui/login?next=%2Fpilots%2Ftestland%2Foverzicht%2F");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!not-base64!!!", "Basic bm8tY29sb24=", "Basic", "Basic /w=="})
    void malformedBasicCredentialsAre400InWords(String header) {
        ApiResponse response = api.send(api.anonymousRequest("/api/v1/regions").header("Authorization", header).GET());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.detail()).startsWith("The Authorization header is not valid");
    }

    @Test
    void anotherSchemeThanBasicIs401NamingIt() {
        ApiResponse response = api.send(api.anonymousRequest("/api/v1/regions").header("Authorization", "Bearer abc.def.ghi").GET());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.detail()).contains("\"Bearer\"").contains("Basic");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Proeftuin\", charset=\"UTF-8\"");
    }

    @Test
    void anonymousApiRequestIs401WithTheChallengeUnlessTheDashboardAsks() {
        ApiResponse plain = api.send(api.anonymousRequest("/api/v1/overview").GET());
        ApiResponse dashboard = api.send(api.anonymousRequest("/api/v1/overview").header("X-Requested-With", "proeftuin-ui").GET());
        ApiResponse unknownPath = api.send(api.anonymousRequest("/api/v1/does-not-exist").GET());

        assertThat(plain.status()).isEqualTo(401);
        assertThat(plain.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Proeftuin\", charset=\"UTF-8\"");
        assertThat(dashboard.status()).isEqualTo(401);
        assertThat(dashboard.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(dashboard.mediaType()).isEqualTo("application/problem+json");
        assertThat(unknownPath.status()).as("nobody learns which paths exist").isEqualTo(401);
    }

    @Test
    void theDashboardsLiveStreamGets401WithoutTheChallengeWhenItsSessionEnded() {
        // an EventSource cannot send X-Requested-With; a challenge would make the browser ask for a password itself
        ApiResponse stream = api.send(api.anonymousRequest("/api/v1/events").header("Accept", "text/event-stream").GET());

        assertThat(stream.status()).isEqualTo(401);
        assertThat(stream.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(stream.mediaType()).isEqualTo("application/problem+json");
    }

    @Test
    void anonymousVisitorOfAPageIsSentToTheLoginPageWithTheWayBack() {
        ApiResponse response = api.send(api.anonymousRequest("/pilots/testland/overzicht/index.html?x=1").GET());

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location"))
                .contains("/ui/login?next=%2Fpilots%2Ftestland%2Foverzicht%2Findex.html%3Fx%3D1");
    }

    @Test
    void theApiDescriptionAndHealthArePublic() {
        assertThat(api.send(api.anonymousRequest("/api/health").GET()).status()).isEqualTo(200);
        assertThat(api.send(api.anonymousRequest("/api/openapi.json").GET()).status()).isEqualTo(200);
    }

    @Test
    void basicWithTheRightPasswordNeedsNoSession() {
        ApiResponse response = api.send(api.anonymousRequest("/api/v1/regions")
                .header("Authorization", Api.basic(User.ADMIN, Api.ADMIN_PASSWORD)).GET());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).as("Basic opens no session").isEmpty();
    }

    private static String detail(RawHttp.Response response) {
        try {
            return Browser.JSON.readTree(response.body()).path("detail").asText();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response, e);
        }
    }
}
