package nl.proeftuin.pilot.groningen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page "Wanneer ben ik aan de beurt?" as the core will serve it from the bundle. */
class PlanningPageTest {

    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);

    private final String html = read(GroningenScreens.ENTRY);

    @Test
    void isDutchWithATitleAndOneMainHeading() {
        assertThat(html).contains("<html lang=\"nl\">").contains("<title>").contains("<main>");
        assertThat(html.split("<h1>", -1)).hasSize(2);
        assertThat(html).contains("<h1>Wanneer ben ik aan de beurt?</h1>");
    }

    @Test
    void planningTableHasACaptionHeadersAndARowPerArea() {
        assertThat(html).contains("<caption>").contains("<th scope=\"col\">Dorp of wijk</th>");
        assertThat(count("<th scope=\"row\">")).isEqualTo(count("<tr>") - 1).isGreaterThanOrEqualTo(10);
    }

    @Test
    void saysItIsExampleData() {
        assertThat(html).contains("Voorbeelddata");
    }

    @Test
    void linksOnlyToItsOwnFilesAndTheyExist() {
        Matcher links = LINKED.matcher(html);
        int found = 0;
        while (links.find()) {
            String target = links.group(1);
            assertThat(target).as("relative link").doesNotContain(":").doesNotStartWith("/").doesNotContain("..");
            assertThat(GroningenPilot.class.getResource(GroningenScreens.WEB_ROOT + "/" + target))
                    .as("resource %s", target).isNotNull();
            found++;
        }
        assertThat(found).as("the stylesheet and the script").isEqualTo(2);
    }

    @Test
    void hasNoInlineScriptOrStyle() {
        Matcher scripts = SCRIPT.matcher(html);
        while (scripts.find()) {
            assertThat(scripts.group(1)).contains("src=");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(html).doesNotContain("<style").doesNotContain(" style=").doesNotContain(" onclick=")
                .doesNotContain(" oninput=");
    }

    @Test
    void scriptAndStylesheetLoadNothingFromElsewhere() {
        for (String file : List.of("planning.js", "planning.css")) {
            assertThat(read(file)).as(file).doesNotContain("http:").doesNotContain("https:")
                    .doesNotContain("@import").doesNotContain("url(");
        }
    }

    private int count(String text) {
        return html.split(Pattern.quote(text), -1).length - 1;
    }

    private static String read(String file) {
        String path = GroningenScreens.WEB_ROOT + "/" + file;
        try (InputStream in = GroningenPilot.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(path, e);
        }
    }
}
