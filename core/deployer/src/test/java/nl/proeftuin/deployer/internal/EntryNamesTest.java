package nl.proeftuin.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../../evil|a \"..\" segment",
        "nl/../../evil.class|a \"..\" segment",
        "nl/x/..|a \"..\" segment",
        "/etc/cron.d/evil|an absolute path",
        "C:/Windows/evil.dll|a drive letter",
        "c:evil|a drive letter",
        "nl\\..\\evil|a backslash"})
    void namesThatLeaveTheFolderAreUnsafe(String name, String why) {
        assertThat(EntryNames.unsafe(name)).isEqualTo(why);
    }

    @Test
    void aNulCharacterIsUnsafeAndShownEscaped() {
        String name = "nl/evil.class\0.txt";

        assertThat(EntryNames.unsafe(name)).isEqualTo("a NUL character");
        assertThat(EntryNames.shown(name)).isEqualTo("nl/evil.class\\u0000.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl/x/Y.class", "META-INF/MANIFEST.MF", "OSGI-INF/", "a..b/c", "..hidden", "x/...", "readme.txt"})
    void plainRelativeNamesAreSafe(String name) {
        assertThat(EntryNames.unsafe(name)).isNull();
    }

    @Test
    void longNamesAreCutShortWhenShown() {
        assertThat(EntryNames.shown("a/".repeat(500))).hasSize(123).endsWith("...");
    }
}
