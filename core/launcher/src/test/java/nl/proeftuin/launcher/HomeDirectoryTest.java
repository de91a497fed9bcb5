package nl.proeftuin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeDirectoryTest {

    @TempDir
    Path install;

    @TempDir
    Path home;

    @Test
    void newHomeGetsItsFoldersAndTheDefaultConfiguration() throws Exception {
        Files.createDirectories(install.resolve("conf"));
        Files.writeString(install.resolve("conf/proeftuin.properties"), "#http.port=8080\n");

        try (HomeDirectory ignored = HomeDirectory.prepare(config(home))) {
            assertThat(home.resolve("deploy")).isDirectory();
            assertThat(home.resolve("data/log")).isDirectory();
            assertThat(home.resolve("conf/proeftuin.properties")).hasContent("#http.port=8080");
        }
    }

    @Test
    void existingConfigurationIsNeverOverwritten() throws Exception {
        Files.createDirectories(install.resolve("conf"));
        Files.writeString(install.resolve("conf/proeftuin.properties"), "#http.port=8080\n");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/proeftuin.properties"), "http.port=9999\n");

        try (HomeDirectory ignored = HomeDirectory.prepare(config(home))) {
            assertThat(home.resolve("conf/proeftuin.properties")).hasContent("http.port=9999");
        }
    }

    @Test
    void homeBelowAFileIsRefusedInOneLine() throws Exception {
        Path file = Files.writeString(home.resolve("a-file"), "x");
        Path badHome = file.resolve("home");

        assertThatThrownBy(() -> HomeDirectory.prepare(config(badHome)))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("cannot write to " + badHome)
                .hasMessageEndingWith("(set PROEFTUIN_HOME to a writable folder)")
                .satisfies(e -> assertThat(((LaunchException) e).exitCode()).isEqualTo(LaunchException.HOME))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void secondPlatformOnTheSameHomeIsRefusedUntilTheFirstStops() throws Exception {
        try (HomeDirectory first = HomeDirectory.prepare(config(home))) {
            assertThatThrownBy(() -> HomeDirectory.prepare(config(home)))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("already");
        }
        try (HomeDirectory again = HomeDirectory.prepare(config(home))) {
            assertThat(home.resolve("data/.lock")).exists();
        }
    }

    private LaunchConfig config(Path homeFolder) throws LaunchException {
        return LaunchConfig.load(install, Map.of("PROEFTUIN_HOME", homeFolder.toString()));
    }
}
