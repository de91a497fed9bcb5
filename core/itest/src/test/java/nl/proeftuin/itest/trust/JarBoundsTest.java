package nl.proeftuin.itest.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * JARs that would hurt the platform before any of their code runs (a zip bomb, tens of thousands of entries, names
 * that climb out of their folder) are refused with a reason, from {@code deploy/} and through the upload API alike;
 * nothing is installed, and the platform and a good pilot keep serving.
 */
class JarBoundsTest {

    static final String JAR = "application/java-archive";

    @InjectBundleContext
    static BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configurationAdmin;

    static Api api;
    static FixtureJars.Builder goodPilot;
    static DeployFolder goodFolder;
    DeployFolder deploy;

    @BeforeAll
    static void deployAGoodPilot() {
        api = Api.connect(context);
        goodFolder = DeployFolder.of(context, api);
        goodPilot = FixtureJars.pilot(Ids.unique("bounded"));
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

    @Test
    void droppedZipBombIsRefused() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("bomb"));
        byte[] bomb = JarEdits.withZeros(pilot.build(), "data/zeros.bin", 200);
        assertThat(bomb.length).as("200 MB in well under a megabyte").isLessThan(1024 * 1024);

        deploy.drop(pilot.fileName(), bomb);

        JsonNode refused = api.awaitState(pilot.fileName(), "INVALID");
        assertThat(Api.problems(refused)).contains("Entry \"data/zeros.bin\" unpacks to more than 100 times its compressed size")
                .contains("zip bomb");
        assertNothingInstalledAndStillServing(refused, pilot);
    }

    @Test
    void uploadedZipBombIsRefusedAndNothingIsKept() throws IOException {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("bomb-upload"));
        deploy.track(pilot.fileName());
        Set<String> before = deployFolderJars();

        ApiResponse response = api.post("/api/v1/bundles", JAR, JarEdits.withZeros(pilot.build(), "data/zeros.bin", 200));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.detail()).contains("zip bomb").contains("data/zeros.bin");
        assertNothingKept(before, pilot);
    }

    @Test
    void droppedJarWithTooManyEntriesIsRefused() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("crowded"));

        deploy.drop(pilot.fileName(), JarEdits.withEntries(pilot.build(), 10_000));

        JsonNode refused = api.awaitState(pilot.fileName(), "INVALID");
        assertThat(Api.problems(refused)).containsPattern("The JAR has 10,0\\d\\d entries; at most 10,000 are allowed")
                .contains("maxEntries");
        assertNothingInstalledAndStillServing(refused, pilot);
    }

    @Test
    void uploadedJarWithTooManyEntriesIsRefusedAndNothingIsKept() throws IOException {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("crowded-upload"));
        deploy.track(pilot.fileName());
        Set<String> before = deployFolderJars();

        ApiResponse response = api.post("/api/v1/bundles", JAR, JarEdits.withEntries(pilot.build(), 10_000));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.detail()).contains("at most 10,000 are allowed");
        assertNothingKept(before, pilot);
    }

    @Test
    void droppedJarWithAnEntryClimbingOutOfItsFolderIsRefusedAsZipSlip() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("slip"));

        deploy.drop(pilot.fileName(), JarEdits.with(pilot.build(), "../../evil", "#!/bin/sh\necho pwned\n".getBytes(StandardCharsets.UTF_8)));

        JsonNode refused = api.awaitState(pilot.fileName(), "INVALID");
        assertThat(Api.problems(refused)).contains("zip slip").contains("entry \"../../evil\" (a \"..\" segment)");
        assertNothingInstalledAndStillServing(refused, pilot);
        assertThat(deploy.path("../../evil").normalize()).as("nothing written outside deploy/").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../evil", "/etc/cron.d/evil", "C:/Windows/evil.dll", "nl\\..\\evil.class", "nl/evil\u0000.class"})
    void uploadedJarWithAnUnsafeEntryNameIsRefusedAndNothingIsKept(String name) throws IOException {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("slip-upload"));
        deploy.track(pilot.fileName());
        Set<String> before = deployFolderJars();

        ApiResponse response = api.post("/api/v1/bundles", JAR, JarEdits.with(pilot.build(), name, new byte[] {1}));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.detail()).contains("zip slip");
        assertNothingKept(before, pilot);
    }

    @Test
    void theTotalUnpackedSizeFollowsItsSettingAndIsCountedByUnpacking() throws IOException {
        DeployerSettings settings = DeployerSettings.open(configurationAdmin);
        try {
            settings.set(Map.of("maxUncompressedMegabytes", 2L));
            Await.await("the 2 MB limit to apply", () -> uploadLargePilot(Ids.unique("large-probe")) == 400);
            FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("large"));
            Set<String> before = deployFolderJars();

            ApiResponse refused = upload(large(pilot));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.detail()).contains("The JAR unpacks to more than 2 MB (counted by unpacking")
                    .contains("maxUncompressedMegabytes");
            assertNothingKept(before, pilot);
        } finally {
            settings.restore();
        }
        Await.await("the default limit to be back", () -> uploadLargePilot(Ids.unique("large-probe")) == 201);
    }

    /** 3 MB of text that compresses about 2:1: no zip bomb, only more than a limit of 2 MB. */
    private static byte[] large(FixtureJars.Builder pilot) {
        return JarEdits.with(pilot.build(), "data/text.txt", JarEdits.plainText(3 * 1024 * 1024));
    }

    /** Uploads a large pilot and removes it again if it was installed; returns the status. */
    private int uploadLargePilot(String region) {
        FixtureJars.Builder pilot = FixtureJars.pilot(region);
        ApiResponse response = upload(large(pilot));
        if (response.status() == 201) {
            assertThat(api.delete("/api/v1/bundles/" + pilot.symbolicName()).status()).isEqualTo(204);
        }
        return response.status();
    }

    private ApiResponse upload(byte[] jar) {
        return api.post("/api/v1/bundles", JAR, jar);
    }

    private void assertNothingInstalledAndStillServing(JsonNode refused, FixtureJars.Builder pilot) {
        assertThat(refused.path("bundleId").asLong()).as("nothing installed").isEqualTo(-1);
        for (Bundle bundle : context.getBundles()) {
            assertThat(bundle.getSymbolicName()).isNotEqualTo(pilot.symbolicName());
        }
        assertTheGoodPilotStillWorks();
    }

    private void assertNothingKept(Set<String> before, FixtureJars.Builder pilot) throws IOException {
        assertThat(deployFolderJars()).as("a refused upload leaves deploy/ as it was").isEqualTo(before);
        assertThat(incomingFiles()).as("nothing is left in deploy/.incoming").isEmpty();
        assertThat(api.get("/api/v1/bundles/" + pilot.symbolicName()).status()).isEqualTo(404);
        assertTheGoodPilotStillWorks();
    }

    private static void assertTheGoodPilotStillWorks() {
        assertThat(api.get("/api/health").status()).isEqualTo(200);
        assertThat(api.deploymentOfFile(goodPilot.fileName())).hasValueSatisfying(
                d -> assertThat(d.path("state").asText()).isEqualTo("RUNNING"));
        assertThat(api.get("/api/v1/kpis/" + goodPilot.kpiId(1)).status()).isEqualTo(200);
    }

    private Set<String> deployFolderJars() throws IOException {
        try (Stream<Path> files = Files.list(deploy.path(""))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).collect(Collectors.toSet());
        }
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
}
