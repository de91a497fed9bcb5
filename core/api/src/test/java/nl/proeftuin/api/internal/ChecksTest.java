package nl.proeftuin.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared rules: every record that takes a slug, CBS code or path relies on these. */
class ChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "7", "homes-insulated", "a1-b2-c3", "2030-doel"})
    void acceptsSlugs(String value) {
        assertThat(Checks.slug("Kpi", "id", value)).isEqualTo(value);
    }

    @Test
    void acceptsSlugOf64Characters() {
        String value = "a".repeat(64);
        assertThat(Checks.slug("Kpi", "id", value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Homes", "homes insulated", "-homes", "homes-", "homes--insulated",
        "", "homes_insulated", "wo\u00f6ning", " homes"})
    void rejectsNonSlugs(String value) {
        assertThatThrownBy(() -> Checks.slug("Kpi", "id", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Kpi.id: \"" + value + "\" is not a slug");
    }

    @Test
    void theSlugCheckAgreesWithTheDocumentedPatternOnEveryShortText() {
        // the check is a loop for speed; the documented rule is this pattern
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
        char[] alphabet = {'a', 'z', '0', '9', '-', 'A', '_', '\u00f6', '`', '{', '/', ':'};
        List<String> texts = new ArrayList<>(List.of(""));
        for (int length = 1; length <= 4; length++) {
            List<String> longer = new ArrayList<>();
            for (String text : texts) {
                if (text.length() == length - 1) {
                    for (char c : alphabet) {
                        longer.add(text + c);
                    }
                }
            }
            texts.addAll(longer);
        }
        assertThat(texts).hasSize(1 + 12 + 144 + 1728 + 20736);
        for (String text : texts) {
            assertThat(Checks.isSlug(text)).as("\"%s\"", text).isEqualTo(rule.matcher(text).matches());
        }
    }

    @Test
    void rejectsSlugOf65Characters() {
        String value = "a".repeat(65);
        assertThatThrownBy(() -> Checks.slug("Kpi", "id", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.id: \"" + value + "\"")
                .hasMessageContaining("1-64 characters");
    }

    @Test
    void rejectsNullSlugButOptionalSlugAllowsIt() {
        assertThatThrownBy(() -> Checks.slug("Kpi", "id", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Kpi.id: null");
        assertThat(Checks.optionalSlug("Kpi", "standardCode", null)).isNull();
        assertThatThrownBy(() -> Checks.optionalSlug("Kpi", "standardCode", "Bad Code"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Kpi.standardCode: \"Bad Code\"");
    }

    @Test
    void nonBlankKeepsTextAsGiven() {
        assertThat(Checks.nonBlank("Kpi", "name", "  Woningen  ")).isEqualTo("  Woningen  ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void rejectsBlankText(String value) {
        assertThatThrownBy(() -> Checks.nonBlank("Kpi", "name", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Kpi.name: \"" + value + "\" is blank");
    }

    @Test
    void rejectsNullText() {
        assertThatThrownBy(() -> Checks.nonBlank("Kpi", "name", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Kpi.name: null");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsNonFiniteNumbers(double value) {
        assertThatThrownBy(() -> Checks.finite("DataPoint", "value", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DataPoint.value: value " + value + " is not a finite number");
    }

    @Test
    void listIsAnUnmodifiableCopy() {
        List<String> given = new ArrayList<>(List.of("a", "b"));
        List<String> copy = Checks.list("Opgave", "partners", given);
        given.add("c");

        assertThat(copy).containsExactly("a", "b");
        assertThatThrownBy(() -> copy.add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listRejectsNullAndNamesTheNullElement() {
        assertThatThrownBy(() -> Checks.list("Opgave", "partners", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Opgave.partners: null");
        assertThatThrownBy(() -> Checks.list("Opgave", "partners", Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Opgave.partners[1]: null");
    }

    @Test
    void nonEmptyListRejectsEmpty() {
        assertThatThrownBy(() -> Checks.nonEmptyList("Kpi", "targets", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Kpi.targets: [] is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PV29", "GM0014", "WK001401", "BU00140000"})
    void acceptsCbsCodes(String value) {
        assertThat(Checks.cbsCode("Region", "cbsCodes[0]", value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pv29", "PV2", "GM123456789", "XX12", "PV 29", "GM0014 ", ""})
    void rejectsNonCbsCodes(String value) {
        assertThatThrownBy(() -> Checks.cbsCode("Region", "cbsCodes[0]", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Region.cbsCodes[0]: \"" + value + "\" is not a CBS code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/web", "/geo/zeeland.geojson", "/a..b/c"})
    void acceptsAbsolutePaths(String value) {
        assertThat(Checks.absolutePath("PageScreen", "resourceRoot", value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "/", "/web/", "//web", "/web/../OSGI-INF", "/..", "/./web", ""})
    void rejectsPathsThatAreNotAbsoluteOrLeaveTheFolder(String value) {
        assertThatThrownBy(() -> Checks.absolutePath("PageScreen", "resourceRoot", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("PageScreen.resourceRoot: \"" + value + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "pages/start.html"})
    void acceptsRelativePaths(String value) {
        assertThat(Checks.relativePath("PageScreen", "entry", value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/index.html", "../index.html", "pages/../../x.html", "a//b.html",
        "pages/", ""})
    void rejectsPathsThatAreNotRelativeOrLeaveTheFolder(String value) {
        assertThatThrownBy(() -> Checks.relativePath("PageScreen", "entry", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("PageScreen.entry: \"" + value + "\"");
    }
}
