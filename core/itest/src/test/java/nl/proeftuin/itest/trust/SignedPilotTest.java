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
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Regions that require signed pilot JARs: only a JAR signed by a certificate the truststore trusts for its region is
 * installed; unsigned, untrusted, expired and tampered JARs are refused with a reason, whether dropped into
 * {@code deploy/} or uploaded, and nothing is installed from them. Regions without the requirement are not affected.
 */
class SignedPilotTest {

    static final String JAR = "application/java-archive";

    @InjectBundleContext
    static BundleContext context;

    @InjectService(timeout = 10_000)
    static ConfigurationAdmin configurationAdmin;

    /** Requires signatures, trusts key "team" and (expired) "old". */
    static String signedRegion;
    /** Requires signatures, trusts nobody. */
    static String otherSignedRegion;
    static Signing signing;
    static Path truststore;
    static DeployerSettings settings;
    static Api api;

    DeployFolder deploy;

    @BeforeAll
    static void requireSignaturesForTwoRegions() {
        api = Api.connect(context);
        signedRegion = Ids.unique("zegel");
        otherSignedRegion = Ids.unique("zegel-b");
        signing = Signing.create();
        signing.keyPair("team", "CN=Zegelland team, O=Proeftuin itest");
        signing.keyPair("stranger", "CN=Someone, O=Elsewhere");
        signing.keyPair("old", "CN=Old team, O=Proeftuin itest", "-startdate", "-10d", "-validity", "2");
        truststore = signing.truststore("truststore.p12", Map.of(signedRegion + ".team", signing.certificate("team"),
                signedRegion + ".old", signing.certificate("old")));
        settings = DeployerSettings.open(configurationAdmin);
        settings.set(Map.of("requireSignatureFor", new String[] {signedRegion, otherSignedRegion},
                "truststore", truststore.toString(), "truststorePassword", Signing.PASSWORD));
        awaitUnsignedUpload(signedRegion, 400);
    }

    @AfterAll
    static void restoreTheSettings() {
        try {
            settings.restore();
            awaitUnsignedUpload(signedRegion, 201);
        } finally {
            signing.delete();
        }
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
    void pilotSignedByItsRegionsTeamRuns() {
        FixtureJars.Builder pilot = FixtureJars.pilot(signedRegion);

        deploy.drop(pilot.fileName(), signing.sign(pilot.build(), "team"));

        JsonNode running = api.awaitState(pilot.fileName(), "RUNNING");
        assertThat(running.path("problems")).isEmpty();
        assertThat(api.regionIds()).contains(signedRegion);
    }

    @Test
    void unsignedPilotIsRefusedNamingTheEntryTheRegionAndTheTrustedCertificates() {
        FixtureJars.Builder pilot = FixtureJars.pilot(signedRegion);

        deploy.drop(pilot);

        JsonNode refused = api.awaitState(pilot.fileName(), "INVALID");
        assertThat(Api.problems(refused)).contains("deploy/" + pilot.fileName() + " cannot be deployed")
                .contains("Bundle " + pilot.symbolicName() + " 1.0.0 is not signed (entry ")
                .contains("region \"" + signedRegion + "\" requires a JAR signed with a certificate from " + truststore)
                .contains("trusted for " + signedRegion + ": " + signedRegion + ".old, " + signedRegion + ".team");
        assertNothingInstalled(refused, pilot);
    }

    @Test
    void pilotSignedByAnUntrustedKeyIsRefusedNamingTheSigner() {
        FixtureJars.Builder pilot = FixtureJars.pilot(signedRegion);

        deploy.drop(pilot.fileName(), signing.sign(pilot.build(), "stranger"));

        JsonNode refused = api.awaitState(pilot.fileName(), "INVALID");
        assertThat(Api.problems(refused))
                .contains("is signed by CN=Someone, O=Elsewhere, which is not trusted for region \"" + signedRegion + "\"");
        assertNothingInstalled(refused, pilot);
    }

    @Test
    void pilotSignedWithAnExpiredCertificateIsRefused() {
        FixtureJars.Builder pilot = FixtureJars.pilot(signedRegion);

        deploy.drop(pilot.fileName(), signing.sign(pilot.build(), "old"));

        JsonNode refused = api.awaitState(pilot.fileName(), "INVALID");
        assertThat(Api.problems(refused)).contains("certificate CN=Old team, O=Proeftuin itest expired on")
                .contains("requires a certificate that is valid now");
        assertNothingInstalled(refused, pilot);
    }

    @Test
    void pilotChangedAfterSigningIsRefusedNamingTheEntry() {
        FixtureJars.Builder pilot = FixtureJars.pilot(signedRegion);
        byte[] signed = signing.sign(pilot.build(), "team");

        // the settings file of the pilot, changed to contribute more than was signed
        deploy.drop(pilot.fileName(), JarEdits.with(signed, "fixture.properties",
                ("regionId=" + signedRegion + "\nkpis=9\n").getBytes(StandardCharsets.UTF_8)));

        JsonNode refused = api.awaitState(pilot.fileName(), "INVALID");
        assertThat(Api.problems(refused)).contains("was changed after signing (fixture.properties does not match its signature");
        assertNothingInstalled(refused, pilot);
    }

    @Test
    void classAddedAfterSigningIsRefused() {
        FixtureJars.Builder pilot = FixtureJars.pilot(signedRegion);
        byte[] signed = signing.sign(pilot.build(), "team");

        deploy.drop(pilot.fileName(), JarEdits.with(signed, "nl/proeftuin/itest/fixture/Backdoor.class", new byte[] {(byte) 0xCA, (byte) 0xFE}));

        JsonNode refused = api.awaitState(pilot.fileName(), "INVALID");
        assertThat(Api.problems(refused)).contains("entry nl/proeftuin/itest/fixture/Backdoor.class has no signature");
        assertNothingInstalled(refused, pilot);
    }

    @Test
    void keyTrustedForOneRegionIsNotTrustedForAnother() {
        FixtureJars.Builder pilot = FixtureJars.pilot(otherSignedRegion);

        deploy.drop(pilot.fileName(), signing.sign(pilot.build(), "team"));

        JsonNode refused = api.awaitState(pilot.fileName(), "INVALID");
        assertThat(Api.problems(refused))
                .contains("signed by CN=Zegelland team, O=Proeftuin itest, which is not trusted for region \"" + otherSignedRegion + "\"")
                .contains("no certificate in it is trusted for " + otherSignedRegion);
        assertNothingInstalled(refused, pilot);
    }

    @Test
    void regionWithoutTheRequirementAcceptsAnUnsignedPilot() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("ongezegeld"));

        deploy.drop(pilot);

        assertThat(api.awaitState(pilot.fileName(), "RUNNING").path("problems")).isEmpty();
        assertThat(api.regionIds()).contains(pilot.regionId());
    }

    @Test
    void unsignedUploadIsRefusedWithTheReasonAndNothingIsKept() throws IOException {
        FixtureJars.Builder pilot = FixtureJars.pilot(signedRegion);
        deploy.track(pilot.fileName());
        Set<String> before = deployFolderJars();

        ApiResponse response = api.post("/api/v1/bundles", JAR, pilot.build());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.detail()).contains("is not signed").contains("region \"" + signedRegion + "\"");
        assertThat(deployFolderJars()).as("a refused upload leaves deploy/ as it was").isEqualTo(before);
        assertThat(incomingFiles()).as("nothing is left in deploy/.incoming").isEmpty();
        assertThat(api.get("/api/v1/bundles/" + pilot.symbolicName()).status()).isEqualTo(404);
        assertThat(api.get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void signedUploadRuns() {
        FixtureJars.Builder pilot = FixtureJars.pilot(signedRegion);
        deploy.track(pilot.fileName());

        ApiResponse response = api.post("/api/v1/bundles", JAR, signing.sign(pilot.build(), "team"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("state").asText()).isEqualTo("RUNNING");
        assertThat(api.regionIds()).contains(signedRegion);
    }

    @Test
    void unsignedUpdateOfASignedPilotIsRefusedAndTheSignedVersionKeepsRunning() {
        FixtureJars.Builder pilot = FixtureJars.pilot(signedRegion).regionName("Signed v1");
        deploy.drop(pilot.fileName(), signing.sign(pilot.build(), "team"));
        long bundleId = api.awaitState(pilot.fileName(), "RUNNING").path("bundleId").asLong();

        deploy.drop(pilot.fileName(), FixtureJars.pilot(signedRegion).version("2.0.0").regionName("Unsigned v2").build());

        JsonNode refused = api.awaitDeployment(pilot.fileName(), "refused, with v1 running",
                d -> Api.problems(d).contains("is not signed"));
        assertThat(Api.problems(refused)).contains("The previous version 1.0.0 keeps running");
        assertThat(refused.path("bundleId").asLong()).isEqualTo(bundleId);
        assertThat(context.getBundle(bundleId).getVersion().toString()).isEqualTo("1.0.0");
        assertThat(api.get("/api/v1/regions/" + signedRegion).json().path("region").path("name").asText()).isEqualTo("Signed v1");
    }

    @Test
    void certificateAddedToTheTruststoreIsTrustedWithoutARestart() {
        FixtureJars.Builder pilot = FixtureJars.pilot(signedRegion);
        deploy.drop(pilot.fileName(), signing.sign(pilot.build(), "stranger"));
        api.awaitState(pilot.fileName(), "INVALID");
        try {
            signing.truststore("truststore.p12", Map.of(signedRegion + ".team", signing.certificate("team"),
                    signedRegion + ".partner", signing.certificate("stranger")));

            assertThat(api.awaitState(pilot.fileName(), "RUNNING").path("problems")).isEmpty();
        } finally {
            signing.truststore("truststore.p12", Map.of(signedRegion + ".team", signing.certificate("team"),
                    signedRegion + ".old", signing.certificate("old")));
        }
        JsonNode withdrawn = api.awaitDeployment(pilot.fileName(), "refused again once its certificate is gone",
                d -> Api.problems(d).contains("which is not trusted for region \"" + signedRegion + "\""));
        assertThat(withdrawn.path("state").asText()).as("taken out of the truststore, its pilot is uninstalled").isEqualTo("INVALID");
        assertThat(withdrawn.path("bundleId").asLong()).isEqualTo(-1);
    }

    @Test
    void unreadableTruststoreRefusesSignedPilotsAndThePlatformKeepsServing() {
        FixtureJars.Builder pilot = FixtureJars.pilot(signedRegion);
        deploy.drop(pilot.fileName(), signing.sign(pilot.build(), "team"));
        api.awaitState(pilot.fileName(), "RUNNING");
        Path missing = truststore.resolveSibling("missing-" + Ids.unique("truststore") + ".p12");
        try {
            settings.set(Map.of("requireSignatureFor", new String[] {signedRegion, otherSignedRegion},
                    "truststore", missing.toString(), "truststorePassword", Signing.PASSWORD));

            JsonNode refused = api.awaitDeployment(pilot.fileName(), "refused for the missing truststore",
                    d -> Api.problems(d).contains("the truststore " + missing));
            assertThat(refused.path("state").asText()).isEqualTo("INVALID");
            assertThat(Api.problems(refused)).contains("the file does not exist");
            assertThat(refused.path("bundleId").asLong()).as("the running pilot is uninstalled").isEqualTo(-1);
            Await.await("region " + signedRegion + " to leave the catalogue", () -> !api.regionIds().contains(signedRegion));
            assertThat(api.get("/api/health").status()).isEqualTo(200);
            FixtureJars.Builder unrelated = FixtureJars.pilot(Ids.unique("ongezegeld"));
            deploy.drop(unrelated);
            assertThat(api.awaitState(unrelated.fileName(), "RUNNING").path("problems")).as("other regions deploy as before").isEmpty();
        } finally {
            settings.set(Map.of("requireSignatureFor", new String[] {signedRegion, otherSignedRegion},
                    "truststore", truststore.toString(), "truststorePassword", Signing.PASSWORD));
        }
        assertThat(api.awaitState(pilot.fileName(), "RUNNING").path("problems")).as("back once the truststore is").isEmpty();
    }

    private void assertNothingInstalled(JsonNode refused, FixtureJars.Builder pilot) {
        assertThat(refused.path("bundleId").asLong()).as("nothing installed").isEqualTo(-1);
        assertThat(refused.path("symbolicName").asText()).isEqualTo(pilot.symbolicName());
        assertThat(api.regionIds()).doesNotContain(pilot.regionId());
        assertThat(api.get("/api/health").status()).isEqualTo(200);
    }

    /** Uploads an unsigned pilot of a region until the answer is the expected status; removes what got installed. */
    private static void awaitUnsignedUpload(String region, int status) {
        Await.await("an unsigned upload for " + region + " to be answered " + status, () -> {
            FixtureJars.Builder probe = FixtureJars.pilot(region).symbolicName("nl.proeftuin.fixture." + Ids.unique("probe"));
            ApiResponse response = api.post("/api/v1/bundles", JAR, probe.build());
            if (response.status() == 201) {
                api.delete("/api/v1/bundles/" + probe.symbolicName());
            }
            return response.status();
        }, s -> s == status);
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
