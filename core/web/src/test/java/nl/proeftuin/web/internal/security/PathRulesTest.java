package nl.proeftuin.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import nl.proeftuin.web.internal.security.PathRules.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathRulesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "/, PUBLIC",
        "/api/health, PUBLIC",
        "/api/openapi.json, PUBLIC",
        "/ui/login, PUBLIC",
        "/ui/assets/js/main.js, PUBLIC",
        "/ui/i18n/nl.json, PUBLIC",
        "/api/v1/session, SESSION",
        "/api/v1/regions, API",
        "/api/v1/users/admin/password, API",
        "/api/health/more, API",
        "/api, API",
        "/ui/, PAGE",
        "/ui/admin, PAGE",
        "/ui/loginx, PAGE",
        "/ui/assets, PAGE",
        "/pilots/groningen/planning/, PAGE",
        "/pilots/groningen/planning/index.html, PAGE",
        "/pilots/groningen/planning/data.json, PAGE",
        "/pilots/groningen/planning/planning.js, PUBLIC",
        "/pilots/groningen/planning/css/planning.css, PUBLIC",
        "/pilots/groningen/planning/img/Kaart.SVG, PUBLIC",
        "/pilots/groningen/planning.js, PAGE",
        "/pilots/groningen/planning/.js, PAGE",
        "/nothing-here, PAGE"})
    void classifiesPaths(String path, Kind kind) {
        assertThat(PathRules.kind(path)).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ui/", "/ui/regio/zeeland?tab=kpi", "/pilots/g/p/index.html"})
    void localPathsAreSafe(String next) {
        assertThat(PathRules.isLocalPath(next)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ui/", "//evil.example/x", "/\\evil.example", "https://evil.example/", "/ui/\nx", "/ui/ x"})
    void otherTargetsAreNot(String next) {
        assertThat(PathRules.isLocalPath(next)).isFalse();
    }

    @ParameterizedTest(name = "{0}?{1} -> {2}")
    @CsvSource(value = {
        "/ui/regio/zeeland | tab=kpi | /ui/login?next=%2Fui%2Fregio%2Fzeeland%3Ftab%3Dkpi",
        "/pilots/g/p/ | | /ui/login?next=%2Fpilots%2Fg%2Fp%2F",
        "/ui/ | | /ui/login",
        "//evil.example/x | | /ui/login"}, delimiter = '|')
    void anonymousVisitorsGoToTheLoginPageWithTheirPage(String uri, String query, String location) {
        assertThat(PathRules.loginLocation(new FakeRequest().uri(uri, query).build())).isEqualTo(location);
    }
}
