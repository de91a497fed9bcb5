package nl.proeftuin.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the built distribution as a process, as the README tells a newcomer to. */
class DistributionIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @Test
    void startsServesHealthAndStopsCleanlyOnSigterm() throws Exception {
        int port = RunningPlatform.freePort();
        try (RunningPlatform platform = RunningPlatform.start(home, port, Map.of())) {
            String health = platform.awaitHealthy(START);
            assertThat(health).as("health body; output:\n%s", platform.output()).isNotNull();
            assertThat(health).contains("\"status\":\"UP\"").contains("\"version\":\"0.1.0-SNAPSHOT\"");

            platform.process.destroy(); // SIGTERM
            int exit = platform.awaitExit(STOP);

            assertThat(exit).as("exit code; output:\n%s", platform.output()).isZero();
            assertThat(platform.output()).contains("Proeftuin stopped").doesNotContain("Exception");
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
        assertThat(home.resolve("deploy")).isDirectory();
        assertThat(home.resolve("conf/proeftuin.properties")).as("a new home gets the documented defaults").isRegularFile();
        assertThat(home.resolve("data/log/proeftuin.log")).isRegularFile();
        assertThat(Files.readString(home.resolve("data/log/proeftuin.log"))).contains("Starting Proeftuin").contains("Proeftuin stopped");
    }

    @Test
    void busyPortIsOneLineAndANonZeroExit() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = busy.getLocalPort();
            try (RunningPlatform platform = RunningPlatform.start(home, port, Map.of())) {
                int exit = platform.awaitExit(START);
                assertThat(exit).isNotZero();
                assertThat(platform.output()).isEqualTo(
                        "proeftuin: port " + port + " on 0.0.0.0 is already in use (set PROEFTUIN_PORT or http.port in conf/proeftuin.properties)\n");
            }
        }
    }

    @Test
    void unwritableHomeIsOneLineAndANonZeroExit() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");
        Path badHome = file.resolve("home");
        try (RunningPlatform platform = RunningPlatform.start(badHome, RunningPlatform.freePort(), Map.of())) {
            int exit = platform.awaitExit(START);
            assertThat(exit).isNotZero();
            String output = platform.output();
            assertThat(output.lines()).hasSize(1);
            assertThat(output).startsWith("proeftuin: cannot write to " + badHome).doesNotContain("Exception");
        }
    }

    @Test
    void badPortSettingNamesTheSettingAndTheValue() throws Exception {
        try (RunningPlatform platform = RunningPlatform.start(home, 0, Map.of("PROEFTUIN_PORT", "80800"))) {
            int exit = platform.awaitExit(START);
            assertThat(exit).isNotZero();
            assertThat(platform.output()).isEqualTo(
                    "proeftuin: PROEFTUIN_PORT is \"80800\"; expected a port number from 1 to 65535\n");
        }
    }

    @Test
    void secondPlatformOnTheSameHomeIsRefused() throws Exception {
        try (RunningPlatform first = RunningPlatform.start(home, RunningPlatform.freePort(), Map.of())) {
            assertThat(first.awaitHealthy(START)).as("first platform; output:\n%s", first.output()).isNotNull();
            try (RunningPlatform second = RunningPlatform.start(home, RunningPlatform.freePort(), Map.of())) {
                assertThat(second.awaitExit(START)).isNotZero();
                assertThat(second.output()).startsWith("proeftuin: another Proeftuin is already running with home");
            }
            first.process.destroy();
            assertThat(first.awaitExit(STOP)).isZero();
        }
    }

}
