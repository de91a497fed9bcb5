package nl.proeftuin.itest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/** {@code GET /api/v1/overview}: everything the combined dashboard shows, computed by the core. */
class OverviewApiTest {

    static final List<String> STATUSES = List.of("ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA");

    @InjectBundleContext
    BundleContext context;

    Api api;
    DeployFolder deploy;

    @BeforeEach
    void connect() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
    }

    @AfterEach
    void removeWhatWasDeployed() {
        deploy.removeAll();
    }

    @Test
    void overviewHasRegionsWithStatusKpisWithProgressRollUpsAndThemes() {
        ApiResponse response = api.get("/api/v1/overview");

        assertThat(response.status()).isEqualTo(200);
        JsonNode overview = response.json();
        JsonNode testland = find(overview.path("regions"), "id", TestPilot.REGION);
        assertThat(testland.path("name").asText()).isEqualTo("Testland");
        assertThat(STATUSES).contains(testland.path("status").asText());
        assertThat(testland.path("kpis").asInt()).isEqualTo(1);
        assertThat(testland.path("opgaven").asInt()).isEqualTo(1);
        JsonNode kpi = find(overview.path("kpis"), "id", TestPilot.KPI);
        assertThat(STATUSES).contains(kpi.path("progress").path("status").asText());
        JsonNode rollUp = find(overview.path("rollUps"), "standardCode", TestPilot.STANDARD_CODE);
        assertThat(Api.ids(overview.path("kpis"))).containsAll(texts(rollUp.path("kpiIds")));
        assertThat(texts(rollUp.path("kpiIds"))).contains(TestPilot.KPI);
        assertThat(rollUp.path("method").asText()).isEqualTo("SUM");
        JsonNode theme = find(overview.path("themes"), "key", TestPilot.THEME);
        assertThat(theme.path("total").asInt()).isPositive();
        assertThat(overview.path("catalogRevision").asLong()).isPositive();
        assertThat(overview.path("today").asText()).isNotEmpty();
    }

    @Test
    void sendsTheOverviewGzippedToClientsThatTakeIt() throws Exception {
        ApiResponse plain = api.get("/api/v1/overview");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<byte[]> gzipped = client.send(api.request("/api/v1/overview")
                .header("Accept-Encoding", "br, gzip;q=0.8").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        java.net.http.HttpResponse<byte[]> refused = client.send(api.request("/api/v1/overview")
                .header("Accept-Encoding", "gzip;q=0, identity").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().allValues("Vary")).contains("Accept-Encoding");
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        byte[] json;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            json = in.readAllBytes();
        }
        assertThat(gzipped.body().length).as("compressed size").isLessThan(json.length / 2);
        var unzipped = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        var expected = (com.fasterxml.jackson.databind.node.ObjectNode) plain.json();
        unzipped.remove("generatedAt");
        expected.remove("generatedAt");
        assertThat(unzipped).isEqualTo(expected);
        assertThat(refused.headers().firstValue("Content-Encoding")).as("gzip;q=0 means no gzip").isEmpty();
    }

    @Test
    void recordingDataMovesAKpiOutOfNoData() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("overview"));
        deploy.track(pilot.fileName());
        assertThat(api.post("/api/v1/bundles", "application/java-archive", pilot.build()).status()).isEqualTo(201);
        assertThat(kpiStatus(pilot.kpiId(1))).isEqualTo("NO_DATA");
        assertThat(regionStatus(pilot.regionId())).isEqualTo("NO_DATA");

        ApiResponse recorded = api.postJson("/api/v1/kpis/" + pilot.kpiId(1) + "/measurements",
                "[{\"period\": \"2024-06\", \"value\": 400, \"source\": \"CBS\"}]");
        assertThat(recorded.status()).isEqualTo(200);

        assertThat(kpiStatus(pilot.kpiId(1))).isIn("ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK");
        assertThat(regionStatus(pilot.regionId())).isEqualTo(kpiStatus(pilot.kpiId(1)));
        assertThat(find(api.get("/api/v1/overview").json().path("kpis"), "id", pilot.kpiId(1))
                .path("progress").path("latest").path("value").asDouble()).isEqualTo(400);
    }

    private String kpiStatus(String kpiId) {
        return find(api.get("/api/v1/overview").json().path("kpis"), "id", kpiId).path("progress").path("status").asText();
    }

    private String regionStatus(String regionId) {
        return find(api.get("/api/v1/overview").json().path("regions"), "id", regionId).path("status").asText();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " " + value + " in " + array);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
