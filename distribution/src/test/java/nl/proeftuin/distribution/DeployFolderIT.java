package nl.proeftuin.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files dropped into deploy/ of a running platform, as people drop them. */
class DeployFolderIT {

    @TempDir
    Path home;

    /**
     * A JAR unpacked from an archive made on a machine whose clock was ahead (or copied with {@code cp -p}) has a
     * modification time in the future. It must still be deployed at once; the settle check in
     * DeployerService.settle() compares the file's age with the settle time and, for a negative age, waits
     * until the clock reaches the file's time, silently (nothing in /api/v1/bundles, nothing in the log).
     */
    @Test
    void aJarWithAModificationTimeInTheFutureIsDeployedAtOnce() throws Exception {
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        int port = RunningPlatform.freePort();
        Api api = new Api(port);
        try (RunningPlatform platform = Platforms.startServing(home, port)) {
            PilotJar pilot = PilotJar.of("toekomst", "1.0.0");
            Path staged = home.resolve("toekomst.jar");
            Files.write(staged, pilot.bytes());
            Files.setLastModifiedTime(staged, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
            Files.move(staged, deploy.resolve("toekomst.jar"));

            Api.await("the region of a JAR dated an hour ahead", Duration.ofSeconds(10), api::regionIds,
                    ids -> ids.contains("toekomst"));
            assertThat(api.bundleNames()).containsExactly(pilot.symbolicName());
            Platforms.stop(platform);
        }
    }
}
