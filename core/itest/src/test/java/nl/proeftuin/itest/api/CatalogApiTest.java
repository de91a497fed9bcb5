package nl.proeftuin.itest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * The catalogue over HTTP: {@code /api/v1/regions}, {@code /regions/{id}}, {@code /opgaven} and {@code /kpis} with
 * their filters, against the test pilot (testland, theme energietransitie) and a fixture pilot with theme wonen.
 */
class CatalogApiTest {

    @InjectBundleContext
    static BundleContext context;

    static Api api;
    static DeployFolder deploy;
    static FixtureJars.Builder other;

    @BeforeAll
    static void deployASecondPilot() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
        other = FixtureJars.pilot(Ids.unique("catalog")).regionName("Catalogusland").theme("wonen").kpis(2)
                .standardCode(Ids.unique("code"));
        deploy.track(other.fileName());
        assertThat(api.post("/api/v1/bundles", "application/java-archive", other.build()).status()).isEqualTo(201);
    }

    @AfterAll
    static void removeIt() {
        deploy.removeAll();
    }

    @Test
    void regionsListsTheRegionOfEveryActivePilot() {
        ApiResponse response = api.get("/api/v1/regions");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("application/json");
        assertThat(Api.ids(response.json())).contains(TestPilot.REGION, other.regionId());
        JsonNode testland = find(response.json(), TestPilot.REGION);
        assertThat(testland.path("name").asText()).isEqualTo("Testland");
        assertThat(testland.path("kind").asText()).isEqualTo("REGIO");
    }

    @Test
    void regionDetailHasOpgavenKpisWithProgressAndTypedScreens() {
        JsonNode detail = api.get("/api/v1/regions/" + TestPilot.REGION).json();

        assertThat(detail.path("region").path("id").asText()).isEqualTo(TestPilot.REGION);
        assertThat(Api.ids(detail.path("opgaven"))).containsExactly(TestPilot.OPGAVE);
        assertThat(detail.path("opgaven").get(0).path("theme").path("id").asText()).isEqualTo(TestPilot.THEME);
        JsonNode kpi = find(detail.path("kpis"), TestPilot.KPI);
        assertThat(kpi.path("progress").path("status").asText()).isNotEmpty();
        assertThat(kpi.path("progress").path("kpiId").asText()).isEqualTo(TestPilot.KPI);
        assertThat(kpi.path("targets").get(0).path("value").asDouble()).isEqualTo(5000);
        assertThat(detail.path("screens")).hasSize(1);
        JsonNode screen = detail.path("screens").get(0);
        assertThat(screen.path("type").asText()).isEqualTo("widgets");
        assertThat(screen.path("widgets").get(0).path("type").asText()).isEqualTo("tile");
        assertThat(screen.path("widgets").get(0).path("kpiId").asText()).isEqualTo(TestPilot.KPI);
    }

    @Test
    void opgavenAreFilteredByRegionAndTheme() {
        assertThat(opgaven("")).contains(TestPilot.OPGAVE, other.opgaveId());
        assertThat(opgaven("?region=" + TestPilot.REGION)).containsExactly(TestPilot.OPGAVE);
        assertThat(opgaven("?theme=wonen")).contains(other.opgaveId()).doesNotContain(TestPilot.OPGAVE);
        assertThat(opgaven("?region=" + other.regionId() + "&theme=wonen")).containsExactly(other.opgaveId());
        assertThat(opgaven("?region=" + TestPilot.REGION + "&theme=wonen")).isEmpty();
    }

    @Test
    void kpisAreFilteredByRegionOpgaveThemeAndStandardCode() {
        List<String> otherKpis = List.of(other.kpiId(1), other.kpiId(2));
        assertThat(kpis("")).contains(TestPilot.KPI).containsAll(otherKpis);
        assertThat(kpis("?region=" + other.regionId())).containsExactlyElementsOf(otherKpis);
        assertThat(kpis("?opgave=" + TestPilot.OPGAVE)).containsExactly(TestPilot.KPI);
        assertThat(kpis("?theme=wonen")).containsAll(otherKpis).doesNotContain(TestPilot.KPI);
        assertThat(kpis("?standardCode=" + TestPilot.STANDARD_CODE)).contains(TestPilot.KPI).doesNotContainAnyElementsOf(otherKpis);
        assertThat(kpis("?region=" + TestPilot.REGION + "&theme=wonen")).isEmpty();
    }

    @Test
    void kpiByIdHasItsDefinitionPlaceAndProgress() {
        ApiResponse response = api.get("/api/v1/kpis/" + TestPilot.KPI);

        assertThat(response.status()).isEqualTo(200);
        JsonNode kpi = response.json();
        assertThat(kpi.path("id").asText()).isEqualTo(TestPilot.KPI);
        assertThat(kpi.path("regionId").asText()).isEqualTo(TestPilot.REGION);
        assertThat(kpi.path("opgaveId").asText()).isEqualTo(TestPilot.OPGAVE);
        assertThat(kpi.path("theme").asText()).isEqualTo(TestPilot.THEME);
        assertThat(kpi.path("standardCode").asText()).isEqualTo(TestPilot.STANDARD_CODE);
        assertThat(kpi.path("unit").asText()).isEqualTo("woningen");
        assertThat(kpi.path("direction").asText()).isEqualTo("HIGHER_IS_BETTER");
        assertThat(kpi.path("metadata").path("source").asText()).isEqualTo("Netbeheerder");
        assertThat(kpi.path("progress").path("status").asText()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/regions/%s", "/api/v1/kpis/%s", "/api/v1/kpis/%s/measurements",
        "/api/v1/kpis/%s/measurements.csv", "/api/v1/bundles/%s"})
    void unknownIdIs404ProblemNamingTheId(String template) {
        String unknown = Ids.unique("nowhere");

        ApiResponse response = api.get(template.formatted(unknown));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(404);
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.detail()).contains(unknown);
    }

    private static List<String> opgaven(String query) {
        return Api.ids(api.get("/api/v1/opgaven" + query).json());
    }

    private static List<String> kpis(String query) {
        return Api.ids(api.get("/api/v1/kpis" + query).json());
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (id.equals(node.path("id").asText())) {
                return node;
            }
        }
        throw new AssertionError("no element with id " + id + " in " + array);
    }
}
