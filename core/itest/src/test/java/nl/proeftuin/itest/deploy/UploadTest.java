package nl.proeftuin.itest.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/** {@code POST /api/v1/bundles} installs or updates a pilot, {@code DELETE /api/v1/bundles/{symbolicName}} removes it. */
class UploadTest {

    static final String JAR = "application/java-archive";

    @InjectBundleContext
    BundleContext context;

    Api api;
    DeployFolder deploy;

    @BeforeEach
    void connect() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
    }

    @AfterEach
    void removeWhatWasDeployed() {
        deploy.removeAll();
    }

    @Test
    void rawUploadInstallsThePilotAndAnswers201() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("upload")).kpis(3);
        deploy.track(pilot.fileName());

        ApiResponse response = api.post("/api/v1/bundles", JAR, pilot.build());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/bundles/" + pilot.symbolicName());
        JsonNode deployment = response.json();
        assertThat(deployment.path("state").asText()).isEqualTo("RUNNING");
        assertThat(deployment.path("symbolicName").asText()).isEqualTo(pilot.symbolicName());
        assertThat(deployment.path("region").asText()).isEqualTo(pilot.regionId());
        assertThat(deployment.path("kpis").asInt()).isEqualTo(3);
        assertThat(Files.isRegularFile(deploy.path(pilot.fileName()))).as("the upload lands in deploy/").isTrue();
        assertThat(api.regionIds()).contains(pilot.regionId());
        assertThat(api.get("/api/v1/bundles/" + pilot.symbolicName()).json().path("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void uploadOfANewVersionUpdatesTheBundleAndAnswers200() {
        String region = Ids.unique("reupload");
        FixtureJars.Builder first = FixtureJars.pilot(region).regionName("Uploadland v1");
        deploy.track(first.fileName());
        long bundleId = api.post("/api/v1/bundles", JAR, first.build()).json().path("bundleId").asLong();

        ApiResponse response = api.post("/api/v1/bundles", JAR,
                FixtureJars.pilot(region).version("1.1.0").regionName("Uploadland v2").build());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("version").asText()).isEqualTo("1.1.0");
        assertThat(response.json().path("bundleId").asLong()).isEqualTo(bundleId);
        assertThat(response.json().path("state").asText()).isEqualTo("RUNNING");
        assertThat(api.get("/api/v1/regions/" + region).json().path("region").path("name").asText()).isEqualTo("Uploadland v2");
    }

    @Test
    void multipartUploadInFieldFileInstallsThePilot() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("multipart"));
        deploy.track(pilot.fileName());
        String boundary = "itest-" + Ids.unique("boundary");

        ApiResponse response = api.post("/api/v1/bundles", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "file", "pilot.jar", pilot.build()));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("state").asText()).isEqualTo("RUNNING");
        assertThat(api.regionIds()).contains(pilot.regionId());
    }

    @Test
    void multipartUploadWithoutFieldFileIs400() {
        String boundary = "itest-" + Ids.unique("boundary");

        ApiResponse response = api.post("/api/v1/bundles", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "jar", "pilot.jar", FixtureJars.pilot(Ids.unique("wrong-field")).build()));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.detail()).contains("\"file\"");
    }

    @Test
    void uploadUpdatesAPilotThatWasDroppedUnderAnotherFileName() {
        String region = Ids.unique("dropped-then-uploaded");
        String ownName = region + "-handmatig.jar";
        deploy.drop(ownName, FixtureJars.pilot(region).build());
        long bundleId = api.awaitState(ownName, "RUNNING").path("bundleId").asLong();

        ApiResponse response = api.post("/api/v1/bundles", JAR, FixtureJars.pilot(region).version("2.0.0").build());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("fileName").asText()).as("the file that holds the bundle keeps holding it").isEqualTo(ownName);
        assertThat(response.json().path("bundleId").asLong()).isEqualTo(bundleId);
        assertThat(response.json().path("version").asText()).isEqualTo("2.0.0");
    }

    @Test
    void deleteRemovesThePilotAndItsFile() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("remove"));
        deploy.track(pilot.fileName());
        assertThat(api.post("/api/v1/bundles", JAR, pilot.build()).status()).isEqualTo(201);

        ApiResponse response = api.delete("/api/v1/bundles/" + pilot.symbolicName());

        assertThat(response.status()).as(response.toString()).isEqualTo(204);
        assertThat(Files.exists(deploy.path(pilot.fileName()))).as("the file is gone from deploy/").isFalse();
        assertThat(api.get("/api/v1/bundles/" + pilot.symbolicName()).status()).isEqualTo(404);
        assertThat(api.deploymentOfFile(pilot.fileName())).isEmpty();
        assertThat(api.regionIds()).doesNotContain(pilot.regionId());
    }

    @Test
    void deleteOfAnUnknownBundleIs404Problem() {
        String unknown = "nl.proeftuin.fixture." + Ids.unique("never");

        ApiResponse response = api.delete("/api/v1/bundles/" + unknown);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(404);
        assertThat(response.detail()).contains(unknown);
    }

    static byte[] multipart(String boundary, String field, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
