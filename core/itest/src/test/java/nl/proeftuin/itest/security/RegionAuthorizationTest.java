package nl.proeftuin.itest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * An editor changes only the regions they edit, and the server decides which region a change belongs to: the KPI's
 * region for measurements, the lesson's region, and for a pilot bundle the region its manifest declares and the
 * region of the bundle it would replace. Refused changes leave everything as it was.
 */
class RegionAuthorizationTest {

    @InjectBundleContext
    static BundleContext context;

    @InjectService(timeout = 30_000)
    static UserDirectory directory;

    static Api api;
    static DeployFolder deploy;
    static TestUsers users;
    static PilotRegion own;
    static PilotRegion other;
    static TestUsers.Account editor;

    @BeforeAll
    static void setUp() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
        own = PilotRegion.deploy(api, deploy, "eigen");
        other = PilotRegion.deploy(api, deploy, "ander");
        users = new TestUsers(directory);
        editor = users.create(Role.EDITOR, own.id());
    }

    @AfterAll
    static void tearDown() {
        users.close();
        deploy.removeAll();
    }

    @Test
    void measurementsOfAnotherRegionsKpiAre403AndNotStored() {
        ApiResponse response = asEditor("/api/v1/kpis/" + other.kpi() + "/measurements", "application/json",
                "[{\"period\": \"2023-07\", \"value\": 99}]".getBytes());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.detail()).isEqualTo("User \"" + editor.username() + "\" may not record measurements of KPI \""
                + other.kpi() + "\" in region \"" + other.id() + "\" (edits: " + own.id() + ").");
        assertThat(api.get("/api/v1/kpis/" + other.kpi() + "/measurements").json().toString()).doesNotContain("2023-07");
    }

    @Test
    void measurementsOfTheOwnRegionAreRecordedInTheEditorsName() {
        ApiResponse response = asEditor("/api/v1/kpis/" + own.kpi() + "/measurements", "text/csv",
                "period,value,source\n2023-08,5,eigen telling\n".getBytes());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/kpis/" + own.kpi() + "/measurements").json().get(0).path("recordedBy").asText())
                .isEqualTo(editor.username());
    }

    @Test
    void aPilotDeclaringAnotherRegionIs403AndNothingLandsInDeploy() {
        Set<String> before = deployFolder();
        FixtureJars.Builder foreign = FixtureJars.pilot(Ids.unique("niet-van-mij"));

        ApiResponse response = asEditor("/api/v1/bundles", PilotRegion.JAR, foreign.build());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.detail()).contains("User \"" + editor.username() + "\" may not deploy bundle \""
                + foreign.symbolicName() + "\" in region \"" + foreign.regionId() + "\"");
        assertThat(deployFolder()).isEqualTo(before);
        assertThat(api.get("/api/v1/bundles/" + foreign.symbolicName()).status()).isEqualTo(404);
    }

    @Test
    void anotherRegionsBundleCannotBeTakenOverByAJarThatDeclaresTheOwnRegion() {
        String versionBefore = api.get("/api/v1/bundles/" + other.symbolicName()).json().path("version").asText();
        byte[] takeover = FixtureJars.pilot(own.id()).symbolicName(other.symbolicName()).version("9.9.9").build();

        ApiResponse response = asEditor("/api/v1/bundles", PilotRegion.JAR, takeover);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.detail()).contains("may not replace bundle \"" + other.symbolicName() + "\" in region \""
                + other.id() + "\"");
        assertThat(api.get("/api/v1/bundles/" + other.symbolicName()).json().path("version").asText()).isEqualTo(versionBefore);
    }

    @Test
    void aBundleWithoutRegionIsForAdminsOnly() {
        FixtureJars.Builder library = FixtureJars.library("nl.proeftuin.fixture.lib." + Ids.unique("zonder-regio"));
        deploy.track(library.fileName());

        ApiResponse byEditor = asEditor("/api/v1/bundles", PilotRegion.JAR, library.build());
        ApiResponse byAdmin = api.post("/api/v1/bundles", PilotRegion.JAR, library.build());
        ApiResponse removeByEditor = api.send(api.anonymousRequest("/api/v1/bundles/" + library.symbolicName())
                .header("Authorization", editor.basic()).DELETE());

        assertThat(byEditor.status()).isEqualTo(403);
        assertThat(byEditor.detail()).contains("which belongs to no region");
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
        assertThat(removeByEditor.status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/bundles/" + library.symbolicName()).status()).isEqualTo(204);
    }

    @Test
    void aFileThatIsNoJarIs400ForAnEditorToo() {
        Set<String> before = deployFolder();

        ApiResponse response = asEditor("/api/v1/bundles", PilotRegion.JAR, FixtureJars.notAZip());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(deployFolder()).isEqualTo(before);
    }

    @Test
    void anotherRegionsBundleCannotBeRemoved() {
        ApiResponse response = api.send(api.anonymousRequest("/api/v1/bundles/" + other.symbolicName())
                .header("Authorization", editor.basic()).DELETE());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.detail()).contains("may not remove bundle \"" + other.symbolicName() + "\" in region \"" + other.id());
        assertThat(api.get("/api/v1/bundles/" + other.symbolicName()).json().path("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aLessonForAnotherRegionIs403() {
        ApiResponse response = asEditor("/api/v1/lessons", "application/json", ("{\"regionId\": \"" + other.id()
                + "\", \"theme\": \"wonen\", \"title\": \"Niet van mij\", \"text\": \"x\"}").getBytes());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.detail()).contains("may not add a lesson in region \"" + other.id() + "\"");
    }

    private static ApiResponse asEditor(String path, String type, byte[] body) {
        return api.send(api.anonymousRequest(path).header("Authorization", editor.basic()).header("Content-Type", type)
                .POST(BodyPublishers.ofByteArray(body)));
    }

    private static Set<String> deployFolder() {
        try (Stream<Path> files = Files.list(deploy.path(""))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
