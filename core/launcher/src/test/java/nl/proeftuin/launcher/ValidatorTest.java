package nl.proeftuin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage errors of {@code proeftuin validate}; the verdicts are tested on the distribution (ValidateIT). */
class ValidatorTest {

    @TempDir
    Path folder;

    @Test
    void aMissingFileIsAUsageErrorInOneLine() throws Exception {
        Path missing = folder.resolve("pilot.jar");

        assertThatThrownBy(() -> Validator.validate(missing, config(), BuildInfo.read(), System.out))
                .isInstanceOf(LaunchException.class)
                .hasMessage("cannot read " + missing + ": no such file")
                .satisfies(e -> assertThat(((LaunchException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void aFolderIsAUsageError() {
        assertThatThrownBy(() -> Validator.validate(folder, config(), BuildInfo.read(), System.out))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("is a folder")
                .satisfies(e -> assertThat(((LaunchException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void validateWithoutAFileOrWithTwoIsAUsageError() {
        assertThat(Main.run(new String[] {"validate"}, Map.of())).isEqualTo(2);
        assertThat(Main.run(new String[] {"validate", "a.jar", "b.jar"}, Map.of())).isEqualTo(2);
    }

    @Test
    void helpMentionsValidate() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(new String[] {"--help"}, Map.of())).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("proeftuin validate <pilot.jar>", "0 valid, 1 not valid");
    }

    private LaunchConfig config() throws LaunchException {
        return LaunchConfig.load(folder, Map.of("PROEFTUIN_HOME", folder.resolve("home").toString()));
    }
}
