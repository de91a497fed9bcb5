package nl.proeftuin.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Path SCRIPTS = Path.of("src/main/resources/ui/assets/js");
    /** t('key'), tn('key', ...) with a literal key; keys built from values (status.${...}) are checked below. */
    private static final Pattern LITERAL_KEY = Pattern.compile("\\btn?\\('([a-zA-Z0-9_.-]+)'");

    @Test
    void dutchIsComplete() {
        Map<String, String> nl = Messages.of("nl").orElseThrow();
        assertThat(nl).containsEntry("status.ON_TRACK", "Op koers").containsEntry("map.attribution", "Kaart: CBS/PDOK, CC BY 4.0");
    }

    @Test
    void englishHasExactlyTheDutchKeys() {
        assertThat(Messages.of("en").orElseThrow().keySet()).isEqualTo(Messages.of("nl").orElseThrow().keySet());
    }

    @Test
    void otherLanguagesAreNotServed() {
        assertThat(Messages.of("de")).isEmpty();
        assertThat(Messages.of("")).isEmpty();
        assertThat(Messages.of("../x")).isEmpty();
    }

    @Test
    void everyKeyTheScriptsUseExists() throws IOException {
        Set<String> keys = Messages.of("nl").orElseThrow().keySet();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SCRIPTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        for (String key : used) {
            assertThat(keys.contains(key) || keys.contains(key + ".one") && keys.contains(key + ".other"))
                    .as("text %s used in the scripts", key).isTrue();
        }
        for (String prefix : new String[] {"status.", "deployment.", "kind.", "direction.", "rollUp.", "pace.", "live.bundle."}) {
            assertThat(keys).as("texts starting with %s", prefix).anyMatch(k -> k.startsWith(prefix));
        }
        assertThat(keys).contains("status.OFF_TRACK", "status.AT_RISK", "status.ON_TRACK", "status.ACHIEVED", "status.NO_DATA",
                "deployment.RUNNING", "deployment.STARTING", "deployment.WAITING", "deployment.FAILED", "deployment.INVALID",
                "pace.day", "pace.month", "pace.year", "projection.inTime", "projection.late",
                "live.bundle.INSTALLED", "live.bundle.UPDATED", "live.bundle.REMOVED", "live.bundle.FAILED");
    }

    @Test
    void jsonEscapesEverythingThatCouldEndTheString() {
        assertThat(Messages.json("nl", Map.of("k", "a\"b\\c\n<d>&"))).isEqualTo(
                "{\"lang\":\"nl\",\"messages\":{\"k\":\"a\\\"b\\\\c\\n\\u003cd\\u003e\\u0026\"}}");
    }

    @Test
    void propertiesAreUtf8() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/nl/proeftuin/ui/internal/messages_nl.properties"))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(properties.getProperty("live.bundle.INSTALLED")).contains("geïnstalleerd");
    }
}
