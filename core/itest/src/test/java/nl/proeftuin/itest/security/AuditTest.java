package nl.proeftuin.itest.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.Await;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
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
 * The audit log through {@code GET /api/v1/audit}: who logged in, uploaded, updated or removed which bundle, entered
 * which measurements and lessons, and changed which user, with the user who did it; read-only, newest first, a page
 * at a time.
 */
class AuditTest {

    @InjectBundleContext
    static BundleContext context;

    @InjectService(timeout = 30_000)
    static UserDirectory directory;

    static Api api;
    static DeployFolder deploy;
    static TestUsers users;
    static PilotRegion region;
    /** A second region the editor edits, for a pilot of its own. */
    static String extraRegion;
    static TestUsers.Account editor;

    @BeforeAll
    static void setUp() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
        region = PilotRegion.deploy(api, deploy, "audit");
        users = new TestUsers(directory);
        extraRegion = Ids.unique("audit-extra");
        editor = users.create(Role.EDITOR, region.id(), extraRegion);
    }

    @AfterAll
    static void tearDown() {
        users.close();
        deploy.removeAll();
    }

    @Test
    void aLoginIsAudited() {
        Browser.login(api, editor);

        assertThat(linesOf(editor.username())).anyMatch(line -> line.path("action").asText().equals("login"));
    }

    @Test
    void uploadUpdateRefusalAndRemovalAreAuditedOnceWithTheUser() {
        FixtureJars.Builder pilot = FixtureJars.pilot(extraRegion);
        deploy.track(pilot.fileName());
        FixtureJars.Builder foreign = FixtureJars.pilot(Ids.unique("niet-van-mij"));

        assertThat(upload(pilot.version("1.0.0").build()).status()).isEqualTo(201);
        assertThat(upload(pilot.version("1.1.0").build()).status()).isEqualTo(200);
        assertThat(upload(foreign.build()).status()).isEqualTo(403);
        assertThat(api.send(api.anonymousRequest("/api/v1/bundles/" + pilot.symbolicName())
                .header("Authorization", editor.basic()).DELETE()).status()).isEqualTo(204);

        List<JsonNode> mine = linesAbout(pilot.symbolicName());
        assertThat(mine).extracting(line -> line.path("action").asText())
                .as("newest first, one line each: the deployer adds none for changes made through the API")
                .containsExactly("bundle.remove", "bundle.update", "bundle.deploy");
        assertThat(mine).allSatisfy(line -> assertThat(line.path("actor").asText()).isEqualTo(editor.username()));
        assertThat(mine.get(1).path("detail").asText()).contains("1.1.0").contains(extraRegion);
        JsonNode refused = linesAbout(foreign.symbolicName()).get(0);
        assertThat(refused.path("action").asText()).isEqualTo("bundle.refused");
        assertThat(refused.path("actor").asText()).isEqualTo(editor.username());
        assertThat(refused.path("detail").asText()).contains(foreign.regionId());
    }

    @Test
    void measurementsAndLessonsAreAuditedWithTheUser() {
        ApiResponse measured = api.send(api.anonymousRequest("/api/v1/kpis/" + region.kpi() + "/measurements")
                .header("Authorization", editor.basic()).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("[{\"period\": \"2022-01\", \"value\": 1}, {\"period\": \"2022-02\", \"value\": 2}]")));
        ApiResponse lesson = api.send(api.anonymousRequest("/api/v1/lessons")
                .header("Authorization", editor.basic()).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"regionId\": \"" + region.id() + "\", \"theme\": \"wonen\", "
                        + "\"title\": \"Geaudit\", \"text\": \"Wat we leerden.\"}")));
        assertThat(measured.status()).isEqualTo(200);
        assertThat(lesson.status()).isEqualTo(201);

        JsonNode measurementLine = linesAbout(region.kpi()).get(0);
        assertThat(measurementLine.path("action").asText()).isEqualTo("measurements.record");
        assertThat(measurementLine.path("actor").asText()).isEqualTo(editor.username());
        assertThat(measurementLine.path("detail").asText()).startsWith("2 rows");
        JsonNode lessonLine = linesAbout(lesson.json().path("lesson").path("id").asText()).get(0);
        assertThat(lessonLine.path("action").asText()).isEqualTo("lesson.add");
        assertThat(lessonLine.path("actor").asText()).isEqualTo(editor.username());
    }

    @Test
    void userChangesThroughTheApiAreAuditedWithTheAdmin() {
        String name = Ids.unique("gebruiker");
        users.removeQuietly(name);

        assertThat(api.postJson("/api/v1/users", "{\"username\": \"" + name + "\", \"role\": \"editor\", \"regions\": [\""
                + region.id() + "\"], \"password\": \"a-good-long-password\"}").status()).isEqualTo(201);
        assertThat(api.send(api.request("/api/v1/users/" + name).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"role\": \"viewer\", \"regions\": []}"))).status()).isEqualTo(200);
        assertThat(api.send(api.request("/api/v1/users/" + name + "/password").header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"password\": \"another-long-password\"}"))).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/users/" + name).status()).isEqualTo(204);

        List<JsonNode> lines = linesAbout(name);
        assertThat(lines).extracting(line -> line.path("action").asText())
                .containsExactly("user.delete", "user.password", "user.update", "user.create");
        assertThat(lines).allSatisfy(line -> assertThat(line.path("actor").asText()).isEqualTo("admin"));
        assertThat(String.valueOf(lines)).doesNotContain("a-good-long-password").doesNotContain("another-long-password");
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOneAndKeepWorking() {
        TestUsers.Account viewer = users.create(Role.VIEWER);
        Browser browser = Browser.login(api, viewer);
        String newPassword = "a-brand-new-password";

        ApiResponse withoutCurrent = browser.send(browser.write("/api/v1/users/" + viewer.username() + "/password")
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString("{\"password\": \"" + newPassword + "\"}")));
        ApiResponse changed = browser.send(browser.write("/api/v1/users/" + viewer.username() + "/password")
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString("{\"password\": \"" + newPassword
                        + "\", \"currentPassword\": \"" + viewer.password() + "\"}")));

        assertThat(withoutCurrent.status()).isEqualTo(422);
        assertThat(withoutCurrent.detail()).contains("currentPassword");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        String renewed = Browser.sessionCookie(changed).orElseThrow(() -> new AssertionError("no new session: " + changed.headers()));
        ApiResponse whoAmI = api.send(api.anonymousRequest("/api/v1/session").header("Cookie", "proeftuin_session=" + renewed).GET());
        assertThat(whoAmI.status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/session").status()).as("the old session ended with the old password").isEqualTo(401);
        assertThat(Browser.login(api, new TestUsers.Account(viewer.username(), newPassword)).whoAmI()
                .path("user").path("username").asText()).isEqualTo(viewer.username());
        assertThat(linesAbout(viewer.username()).get(0).path("actor").asText()).isEqualTo(viewer.username());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void theAuditLogCannotBeWritten(String method) {
        ApiResponse response = api.send(api.request("/api/v1/audit").header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString("{\"actor\": \"admin\", \"action\": \"login\"}")));

        assertThat(response.status()).as(response.toString()).isEqualTo(405);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void pagesFollowEachOtherThroughNext() {
        for (int i = 0; i < 3; i++) {
            Browser.login(api, editor);
        }
        JsonNode first = api.get("/api/v1/audit?limit=2&actor=" + editor.username()).json();
        JsonNode second = api.get(first.path("next").asText()).json();

        assertThat(first.path("entries")).hasSize(2);
        assertThat(first.path("next").asText()).startsWith("/api/v1/audit?limit=2&before=");
        assertThat(second.path("entries").size()).isPositive();
        assertThat(second.path("entries").get(0).path("id").asLong())
                .isLessThan(first.path("entries").get(1).path("id").asLong());
        assertThat(api.get("/api/v1/audit?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit?before=yesterday").status()).isEqualTo(400);
    }

    private static ApiResponse upload(byte[] jar) {
        return api.send(api.anonymousRequest("/api/v1/bundles").header("Authorization", editor.basic())
                .header("Content-Type", PilotRegion.JAR).POST(BodyPublishers.ofByteArray(jar)));
    }

    /** The newest lines of an actor. */
    private static List<JsonNode> linesOf(String actor) {
        List<JsonNode> lines = new ArrayList<>();
        api.get("/api/v1/audit?limit=200&actor=" + Api.encode(actor)).json().path("entries").forEach(lines::add);
        return lines;
    }

    /** The newest lines about one target, newest first; waits briefly, since some are written after the answer. */
    private static List<JsonNode> linesAbout(String target) {
        return Await.await("audit lines about " + target, () -> {
            List<JsonNode> lines = new ArrayList<>();
            api.get("/api/v1/audit?limit=1000").json().path("entries").forEach(line -> {
                if (line.path("target").asText().equals(target)) {
                    lines.add(line);
                }
            });
            return lines;
        }, lines -> !lines.isEmpty());
    }
}
