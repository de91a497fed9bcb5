package nl.proeftuin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchConfigTest {

    @TempDir
    Path install;

    @Test
    void defaultsAreTheDistributionFolderAndPort8080() throws Exception {
        LaunchConfig config = LaunchConfig.load(install, Map.of());

        assertThat(config.home()).isEqualTo(install);
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.deployDir()).isEqualTo(install.resolve("deploy"));
        assertThat(config.systemDir()).isEqualTo(install.resolve("system"));
    }

    @Test
    void environmentOverridesHomeAndPort(@TempDir Path home) throws Exception {
        LaunchConfig config = LaunchConfig.load(install, Map.of("PROEFTUIN_HOME", home.toString(), "PROEFTUIN_PORT", "9123"));

        assertThat(config.home()).isEqualTo(home);
        assertThat(config.port()).isEqualTo(9123);
        assertThat(config.installDir()).isEqualTo(install);
    }

    @Test
    void settingsFileOfTheHomeIsRead() throws Exception {
        writeSettings("http.port=9000\nhttp.host=127.0.0.1\norg.apache.felix.http.timeout=5000\n");

        LaunchConfig config = LaunchConfig.load(install, Map.of());

        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.settings().getProperty("org.apache.felix.http.timeout")).isEqualTo("5000");
    }

    @Test
    void environmentPortWinsOverTheSettingsFile() throws Exception {
        writeSettings("http.port=9000\n");

        assertThat(LaunchConfig.load(install, Map.of("PROEFTUIN_PORT", "9001")).port()).isEqualTo(9001);
    }

    @Test
    void badPortNamesItsSourceAndValue() throws Exception {
        writeSettings("http.port=eighty\n");

        assertThatThrownBy(() -> LaunchConfig.load(install, Map.of()))
                .isInstanceOf(LaunchException.class)
                .hasMessage("http.port in conf/proeftuin.properties is \"eighty\"; expected a port number from 1 to 65535");
        assertThatThrownBy(() -> LaunchConfig.load(install, Map.of("PROEFTUIN_PORT", "0")))
                .hasMessage("PROEFTUIN_PORT is \"0\"; expected a port number from 1 to 65535");
    }

    @Test
    void blankEnvironmentValuesCountAsUnset() throws Exception {
        LaunchConfig config = LaunchConfig.load(install, Map.of("PROEFTUIN_HOME", " ", "PROEFTUIN_PORT", ""));

        assertThat(config.home()).isEqualTo(install);
        assertThat(config.port()).isEqualTo(8080);
    }

    private void writeSettings(String text) throws Exception {
        Files.createDirectories(install.resolve("conf"));
        Files.writeString(install.resolve("conf/proeftuin.properties"), text);
    }
}
