package nl.proeftuin.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle rule "deploy/ is the truth across restarts", checked from outside on the built distribution: what is
 * in deploy/ when the platform starts is what runs, whether the file was put there by hand or by an upload, and
 * whether the platform was stopped cleanly or killed in the middle of an update.
 */
class DeployAcrossRestartsIT {

    @TempDir
    Path home;

    @Test
    void aJarRemovedWhileStoppedIsGoneAfterStart() throws Exception {
        PilotJar alpha = PilotJar.of("alfa", "1.0.0");
        PilotJar beta = PilotJar.of("beta", "1.0.0");
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        alpha.writeAtomically(deploy.resolve("alfa.jar"));
        beta.writeAtomically(deploy.resolve("beta.jar"));
        int port = RunningPlatform.freePort();
        Api api = new Api(port);

        try (RunningPlatform platform = Platforms.startServing(home, port)) {
            Api.await("both regions", Platforms.DEPLOY, api::regionIds, ids -> ids.containsAll(Set.of("alfa", "beta")));
            assertThat(api.bundleNames()).containsExactly(alpha.symbolicName(), beta.symbolicName());
            Platforms.stop(platform);
        }

        Files.delete(deploy.resolve("beta.jar"));

        try (RunningPlatform platform = Platforms.startServing(home, port)) {
            // every answer from the first one on must be free of beta: not even for a moment after start
            List<Set<String>> seen = new ArrayList<>();
            Api.await("region alfa after the restart", Platforms.DEPLOY, () -> record(seen, api.regionIds()),
                    ids -> ids.contains("alfa"));
            assertThat(seen).as("regions seen after the restart").allSatisfy(ids -> assertThat(ids).doesNotContain("beta"));
            assertThat(api.regionIds()).containsExactly("alfa");
            List<JsonNode> bundles = api.bundles();
            assertThat(bundles).as("/api/v1/bundles").hasSize(1);
            assertThat(bundles.get(0).get("symbolicName").asText()).isEqualTo(alpha.symbolicName());
            assertThat(bundles.get(0).get("state").asText()).isEqualTo("RUNNING");
            assertThat(api.send(api.request("/api/v1/regions/beta").GET().build()).statusCode()).isEqualTo(404);
            Platforms.stop(platform);
        }
    }

    @Test
    void anUploadLandsInDeployAndSurvivesARestart() throws Exception {
        PilotJar pilot = PilotJar.of("upload", "1.0.0");
        int port = RunningPlatform.freePort();
        Api api = new Api(port);

        try (RunningPlatform platform = Platforms.startServing(home, port)) {
            HttpResponse<String> answer = api.post("/api/v1/bundles", "application/java-archive", pilot.bytes());
            assertThat(answer.statusCode()).as("upload answer: %s", answer.body()).isEqualTo(201);
            Api.await("the uploaded region", Platforms.DEPLOY, api::regionIds, ids -> ids.contains("upload"));
            assertThat(jarsIn(home.resolve("deploy"))).as("the upload is a file in deploy/").hasSize(1);
            assertThat(Files.readAllBytes(jarsIn(home.resolve("deploy")).get(0))).isEqualTo(pilot.bytes());
            Platforms.stop(platform);
        }

        try (RunningPlatform platform = Platforms.startServing(home, port)) {
            Api.await("the uploaded region after the restart", Platforms.DEPLOY, api::regionIds, ids -> ids.contains("upload"));
            assertThat(api.bundleNames()).containsExactly(pilot.symbolicName());
            Platforms.stop(platform);
        }
    }

    static Set<String> record(List<Set<String>> seen, Set<String> ids) {
        seen.add(ids);
        return ids;
    }

    static List<Path> jarsIn(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        }
    }
}
