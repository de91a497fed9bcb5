package nl.proeftuin.itest.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.Await;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Every kind of bad pilot is refused or contained with a reason a regional team can act on, and a good pilot that
 * was already deployed keeps working.
 */
class BadInputTest {

    static final String BUNDLES_SERVLET = "nl.proeftuin.web.internal.api.BundlesServlet";

    /** Files that are not a usable bundle, with words the deployer's reason must contain. */
    enum BrokenFile {
        NOT_A_ZIP("not a JAR", FixtureJars::notAZip),
        TRUNCATED("damaged or incomplete", () -> FixtureJars.truncated(FixtureJars.pilot(Ids.unique("cut")).build())),
        ZERO_BYTES("empty (0 bytes)", FixtureJars::empty),
        NO_MANIFEST("no manifest", FixtureJars::withoutManifest),
        NO_SYMBOLIC_NAME("no Bundle-SymbolicName", FixtureJars::withoutSymbolicName);

        final String reason;
        final Supplier<byte[]> bytes;

        BrokenFile(String reason, Supplier<byte[]> bytes) {
            this.reason = reason;
            this.bytes = bytes;
        }
    }

    @InjectBundleContext
    static BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configurationAdmin;

    @InjectService(timeout = 10_000)
    ServiceComponentRuntime scr;

    static Api api;
    static FixtureJars.Builder goodPilot;
    static DeployFolder goodFolder;
    DeployFolder deploy;

    @BeforeAll
    static void deployAGoodPilot() {
        api = Api.connect(context);
        goodFolder = DeployFolder.of(context, api);
        goodPilot = FixtureJars.pilot(Ids.unique("good"));
        goodFolder.drop(goodPilot);
        api.awaitState(goodPilot.fileName(), "RUNNING");
    }

    @AfterAll
    static void removeTheGoodPilot() {
        goodFolder.removeAll();
    }

    @BeforeEach
    void openDeployFolder() {
        deploy = DeployFolder.of(context, api);
    }

    @AfterEach
    void removeWhatWasDeployed() {
        deploy.removeAll();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BrokenFile.class)
    void droppedBrokenFileIsInvalidWithItsReason(BrokenFile broken) {
        String fileName = Ids.unique("broken") + ".jar";

        deploy.drop(fileName, broken.bytes.get());

        JsonNode deployment = api.awaitState(fileName, "INVALID");
        assertThat(Api.problems(deployment)).contains(broken.reason).contains("deploy/" + fileName);
        assertThat(deployment.path("bundleId").asLong()).as("nothing installed").isEqualTo(-1);
        assertTheGoodPilotStillWorks();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BrokenFile.class)
    void uploadedBrokenFileIs400ListingItsReason(BrokenFile broken) throws IOException {
        Set<String> before = deployFolderJars();

        ApiResponse response = api.post("/api/v1/bundles", "application/java-archive", broken.bytes.get());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("errors")).isNotEmpty();
        assertThat(response.json().path("errors").get(0).asText()).contains(broken.reason);
        assertThat(response.detail()).contains(broken.reason);
        assertThat(deployFolderJars()).as("nothing lands in deploy/").isEqualTo(before);
        assertThat(incomingFiles()).as("no upload is left behind in deploy/.incoming").isEmpty();
        assertTheGoodPilotStillWorks();
    }

    @Test
    void missingImportWaitsNamingThePackageAndStartsOnceAnExporterArrives() {
        FixtureJars.Builder importer = FixtureJars.pilot(Ids.unique("importer")).importingMissingPackage();
        deploy.drop(importer);

        JsonNode waiting = api.awaitState(importer.fileName(), "WAITING");
        assertThat(Api.problems(waiting)).contains(FixtureJars.MISSING_PACKAGE);
        assertThat(api.regionIds()).doesNotContain(importer.regionId());
        assertTheGoodPilotStillWorks();

        FixtureJars.Builder exporter = FixtureJars.library("nl.proeftuin.fixture.lib." + Ids.unique("exporter"))
                .exportingMissingPackage();
        deploy.drop(exporter);

        api.awaitState(exporter.fileName(), "RUNNING");
        JsonNode healed = api.awaitState(importer.fileName(), "RUNNING");
        assertThat(healed.path("problems")).isEmpty();
        Await.await("region " + importer.regionId() + " in GET /api/v1/regions", () -> api.regionIds().contains(importer.regionId()));
    }

    @Test
    void libraryWithAMissingImportWaitsWhileHealthStaysUp() {
        FixtureJars.Builder library = FixtureJars.library("nl.proeftuin.fixture.lib." + Ids.unique("needy"))
                .importingMissingPackage();

        deploy.drop(library);

        JsonNode waiting = api.awaitState(library.fileName(), "WAITING");
        assertThat(Api.problems(waiting)).contains(FixtureJars.MISSING_PACKAGE);
        ApiResponse health = api.get("/api/health");
        assertThat(health.status()).as("a deployed bundle that waits must not make the platform unhealthy: %s", health)
                .isEqualTo(200);
        assertTheGoodPilotStillWorks();
    }

    @Test
    void droppedJarTheFrameworkRefusesIsInvalidWithTheFrameworksReason() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("refused")).refusedByTheFramework();

        deploy.drop(pilot);

        JsonNode invalid = api.awaitState(pilot.fileName(), "INVALID");
        assertThat(Api.problems(invalid)).contains("refused").contains("org.osgi.framework");
        assertThat(invalid.path("bundleId").asLong()).isEqualTo(-1);
        assertTheGoodPilotStillWorks();
    }

    @Test
    void uploadTheFrameworkRefusesIs400AndLeavesDeployUntouched() throws IOException {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("refused-upload")).refusedByTheFramework();
        deploy.track(pilot.fileName());
        Set<String> before = deployFolderJars();

        ApiResponse response = api.post("/api/v1/bundles", "application/java-archive", pilot.build());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("errors").toString()).contains("org.osgi.framework");
        assertThat(deployFolderJars()).as("a refused upload leaves deploy/ as it was").isEqualTo(before);
        assertTheGoodPilotStillWorks();
    }

    @Test
    void activatorThatThrowsIsFailedWithTheExceptionMessage() {
        String message = "activator of " + Ids.unique("boom") + " gives up";
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("throwing")).throwInActivator(message);

        deploy.drop(pilot);

        JsonNode failed = api.awaitState(pilot.fileName(), "FAILED");
        assertThat(Api.problems(failed)).contains(message).contains("IllegalStateException");
        assertThat(api.regionIds()).doesNotContain(pilot.regionId());
        assertTheGoodPilotStillWorks();
    }

    @Test
    void componentThatThrowsInActivateIsFailedNamingTheComponent() {
        String component = "fixture.failing." + Ids.unique("component");
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("component")).noPilot().failingComponent(component);

        deploy.drop(pilot);

        JsonNode failed = api.awaitState(pilot.fileName(), "FAILED");
        assertThat(Api.problems(failed)).contains(component);
        assertTheGoodPilotStillWorks();
    }

    @Test
    void invalidContributionIsFailedWithTheRefusalReasons() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("invalid")).invalidContribution();

        deploy.drop(pilot);

        JsonNode failed = api.awaitState(pilot.fileName(), "FAILED");
        assertThat(Api.problems(failed)).contains("refused").contains(pilot.regionId() + "-kpi-orphan")
                .contains(pilot.regionId() + "-unknown-opgave");
        assertThat(api.regionIds()).as("an invalid pilot is refused whole").doesNotContain(pilot.regionId());
        assertTheGoodPilotStillWorks();
    }

    @Test
    void secondPilotClaimingATakenRegionIsFailedNamingTheHolder() {
        FixtureJars.Builder squatter = FixtureJars.pilot(goodPilot.regionId())
                .symbolicName("nl.proeftuin.fixture." + Ids.unique("squatter")).regionName("Squatter");

        deploy.drop(squatter);

        JsonNode failed = api.awaitState(squatter.fileName(), "FAILED");
        assertThat(Api.problems(failed)).contains("Region id \"" + goodPilot.regionId() + "\"")
                .contains(goodPilot.symbolicName());
        assertThat(api.get("/api/v1/regions/" + goodPilot.regionId()).json().path("region").path("name").asText())
                .as("the first holder keeps the region").isEqualTo(goodPilot.regionId());
        assertTheGoodPilotStillWorks();
    }

    @Test
    void refusedPilotTakesOverTheRegionOnceTheHolderIsRemoved() {
        String region = Ids.unique("contested");
        FixtureJars.Builder holder = FixtureJars.pilot(region).regionName("Holder");
        deploy.drop(holder);
        api.awaitState(holder.fileName(), "RUNNING");
        FixtureJars.Builder successor = FixtureJars.pilot(region).symbolicName("nl.proeftuin.fixture." + Ids.unique("successor"))
                .regionName("Successor");
        deploy.drop(successor);
        api.awaitState(successor.fileName(), "FAILED");

        deploy.delete(holder.fileName());

        JsonNode running = api.awaitState(successor.fileName(), "RUNNING");
        assertThat(running.path("problems")).isEmpty();
        Await.await("region " + region + " served by its successor",
                () -> api.get("/api/v1/regions/" + region).json().path("region").path("name").asText().equals("Successor"));
    }

    @Test
    void uploadOverTheSizeLimitIs413() throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(uploadConfigurationPid(), "?");
        Dictionary<String, Object> previous = configuration.getProperties();
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        try {
            Dictionary<String, Object> limit = new Hashtable<>();
            limit.put("maxUploadMegabytes", 1L);
            configuration.update(limit);

            ApiResponse response = Await.await("the 1 MB upload limit to apply",
                    () -> uploadAlone(twoMegabytes), r -> r.status() == 413);

            assertThat(response.mediaType()).isEqualTo("application/problem+json");
            assertThat(response.detail()).contains("1 MB");
        } finally {
            if (previous == null) {
                configuration.delete();
            } else {
                configuration.update(previous);
            }
        }
        Await.await("the default upload limit to be back", () -> uploadAlone(twoMegabytes), r -> r.status() == 400);
        assertTheGoodPilotStillWorks();
    }

    private static void assertTheGoodPilotStillWorks() {
        assertThat(api.get("/api/health").status()).isEqualTo(200);
        assertThat(api.deploymentOfFile(goodPilot.fileName())).hasValueSatisfying(
                d -> assertThat(d.path("state").asText()).isEqualTo("RUNNING"));
        assertThat(api.get("/api/v1/regions/" + goodPilot.regionId()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/kpis/" + goodPilot.kpiId(1)).status()).isEqualTo(200);
    }

    /** Uploads on a connection of its own: a 413 is answered without reading the body. */
    private static ApiResponse uploadAlone(byte[] body) {
        return api.sendAlone(api.request("/api/v1/bundles").header("Content-Type", "application/java-archive")
                .POST(BodyPublishers.ofByteArray(body)));
    }

    /** The PID the bundle API's component reads maxUploadMegabytes from, as Declarative Services knows it. */
    private String uploadConfigurationPid() {
        return scr.getComponentDescriptionDTOs().stream()
                .filter(description -> BUNDLES_SERVLET.equals(description.implementationClass))
                .map(description -> description.configurationPid[0])
                .findFirst().orElseThrow(() -> new AssertionError("no component " + BUNDLES_SERVLET));
    }

    private Set<String> incomingFiles() throws IOException {
        Path incoming = deploy.path(".incoming");
        if (!Files.isDirectory(incoming)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private Set<String> deployFolderJars() throws IOException {
        Path folder = deploy.path("");
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).collect(Collectors.toSet());
        }
    }
}
