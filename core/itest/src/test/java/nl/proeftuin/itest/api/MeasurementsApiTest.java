package nl.proeftuin.itest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * Recording and reading measurements: {@code GET|POST /api/v1/kpis/{id}/measurements} (JSON and CSV) and
 * {@code GET .../measurements.csv}. Every test writes to a KPI of its own, of a fixture pilot deployed for this
 * class with a fresh region id, so that data kept by the store from earlier runs cannot interfere.
 */
class MeasurementsApiTest {

    @InjectBundleContext
    static BundleContext context;

    static Api api;
    static DeployFolder deploy;
    static FixtureJars.Builder pilot;

    @BeforeAll
    static void deployAPilotWithTenKpis() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
        pilot = FixtureJars.pilot(Ids.unique("measured")).kpis(10);
        deploy.track(pilot.fileName());
        assertThat(api.post("/api/v1/bundles", "application/java-archive", pilot.build()).status()).isEqualTo(201);
    }

    @AfterAll
    static void removeIt() {
        deploy.removeAll();
    }

    @Test
    void postingAJsonListAnswersHowManyWereInserted() {
        String kpi = pilot.kpiId(1);

        ApiResponse response = api.postJson(measurements(kpi), """
                [{"period": "2024-01", "value": 120, "source": "CBS"},
                 {"period": "2024-02-29", "value": 130.5}]""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("kpiId").asText()).isEqualTo(kpi);
        assertThat(response.json().path("inserted").asInt()).isEqualTo(2);
        assertThat(response.json().path("replaced").asInt()).isEqualTo(0);
        assertThat(stored(kpi)).containsExactly(Map.entry("2024-01-31", 120.0), Map.entry("2024-02-29", 130.5));
    }

    @Test
    void repostingAPeriodReplacesItsValue() {
        String kpi = pilot.kpiId(2);
        api.postJson(measurements(kpi), "[{\"period\": \"2024-03\", \"value\": 10, \"source\": \"eerste telling\"}]");

        ApiResponse response = api.postJson(measurements(kpi),
                "[{\"period\": \"2024-03-31\", \"value\": 12, \"source\": \"herstelde telling\"}]");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("inserted").asInt()).isEqualTo(0);
        assertThat(response.json().path("replaced").asInt()).isEqualTo(1);
        JsonNode rows = api.get(measurements(kpi)).json();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("value").asDouble()).isEqualTo(12.0);
        assertThat(rows.get(0).path("source").asText()).isEqualTo("herstelde telling");
        assertThat(rows.get(0).path("recordedBy").asText()).as("the user who recorded it").isEqualTo("admin");
        assertThat(rows.get(0).path("recordedAt").asText()).isNotEmpty();
    }

    @Test
    void getHonoursFromAndToBounds() {
        String kpi = pilot.kpiId(3);
        api.postJson(measurements(kpi), """
                [{"period": "2023-12-31", "value": 1}, {"period": "2024-03-31", "value": 2},
                 {"period": "2024-06-30", "value": 3}]""");

        assertThat(periods(kpi, "?from=2024-01-01&to=2024-03-31")).containsExactly("2024-03-31");
        assertThat(periods(kpi, "?from=2024-03-31")).containsExactly("2024-03-31", "2024-06-30");
        assertThat(periods(kpi, "?to=2024-03-31")).containsExactly("2023-12-31", "2024-03-31");
        assertThat(periods(kpi, "")).hasSize(3);
        ApiResponse badBound = api.get(measurements(kpi) + "?from=31-12-2023");
        assertThat(badBound.status()).isEqualTo(400);
        assertThat(badBound.detail()).contains("from").contains("31-12-2023");
    }

    @Test
    void csvPeriodsAreStoredAsTheLastDayOfTheirPeriod() {
        String kpi = pilot.kpiId(4);

        ApiResponse response = api.post(measurements(kpi), "text/csv", """
                period,value,source
                2024-03,1,CBS
                2023-Q1,2,CBS
                2022,3,CBS
                2021-03-15,4,CBS
                2020-02,5,CBS
                """);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("inserted").asInt()).isEqualTo(5);
        assertThat(stored(kpi)).containsExactly(Map.entry("2020-02-29", 5.0), Map.entry("2021-03-15", 4.0),
                Map.entry("2022-12-31", 3.0), Map.entry("2023-03-31", 2.0), Map.entry("2024-03-31", 1.0));
    }

    @Test
    void semicolonCsvWithDecimalCommaIsRead() {
        String kpi = pilot.kpiId(5);

        ApiResponse response = api.post(measurements(kpi), "text/csv", """
                period;value;source
                2024-01;1234,5;Gemeente
                2024-02;1.234,75;Gemeente
                2024-03;7;Gemeente
                """);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(stored(kpi)).containsExactly(Map.entry("2024-01-31", 1234.5), Map.entry("2024-02-29", 1234.75),
                Map.entry("2024-03-31", 7.0));
    }

    @Test
    void semicolonCsvKeepsAPlainDecimalPoint() {
        // MeasurementInput's contract: "a number with a decimal point; in a file separated by semicolons also a
        // decimal comma". 12.5 cannot be a thousands separator (that needs three digits after the dot).
        String kpi = pilot.kpiId(10);

        ApiResponse response = api.post(measurements(kpi), "text/csv", "period;value;source\n2024-01;12.5;Gemeente\n");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(stored(kpi)).as("12.5 must not be stored as 125").containsExactly(Map.entry("2024-01-31", 12.5));
    }

    @Test
    void csvWithBadRowsIsRefusedWholeListingEachRowAndStoresNothing() {
        String kpi = pilot.kpiId(6);
        api.postJson(measurements(kpi), "[{\"period\": \"2020-12\", \"value\": 7, \"source\": \"vooraf\"}]");
        Map<String, Double> before = stored(kpi);

        ApiResponse response = api.post(measurements(kpi), "text/csv", """
                period,value,source
                2024-01,10,goed
                2024-13,11,maand bestaat niet
                2024-02,veel,geen getal
                2024-03,12,goed
                ,13,geen periode
                2024-04,14,goed""");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.detail()).contains("nothing was recorded");
        List<String> errors = texts(response.json().path("errors"));
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("Line 3:").contains("2024-13");
        assertThat(errors.get(1)).startsWith("Line 4:").contains("veel").contains("not a number");
        assertThat(errors.get(2)).startsWith("Line 6:").contains("period is empty");
        assertThat(stored(kpi)).as("all or nothing").isEqualTo(before);
    }

    @Test
    void csvWithAWrongHeaderIsRefused() {
        String kpi = pilot.kpiId(7);

        ApiResponse response = api.post(measurements(kpi), "text/csv", "datum,waarde\n2024-01,1\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.detail()).contains("period,value,source").contains("datum,waarde");
        assertThat(stored(kpi)).isEmpty();
    }

    @Test
    void unsupportedContentTypeIs415() {
        String kpi = pilot.kpiId(8);

        ApiResponse response = api.sendAlone(api.request(measurements(kpi)).header("Content-Type", "application/xml")
                .POST(BodyPublishers.ofString("<measurements/>")));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.detail()).contains("text/csv").contains("application/json");
    }

    @Test
    void measurementsCsvExportHasTheHeaderAndEveryRow() {
        String kpi = pilot.kpiId(9);
        api.postJson(measurements(kpi), """
                [{"period": "2024-01", "value": 10, "source": "CBS"}, {"period": "2024-02", "value": 20.25, "source": "eigen telling"}]""");

        ApiResponse response = api.get("/api/v1/kpis/" + kpi + "/measurements.csv");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("text/csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("period,value,source,recordedBy,recordedAt");
        assertThat(lines.get(1)).startsWith("2024-01-31,10,CBS,admin,");
        assertThat(lines.get(2)).startsWith("2024-02-29,20.25,eigen telling,admin,");
    }

    private static String measurements(String kpi) {
        return "/api/v1/kpis/" + kpi + "/measurements";
    }

    /** Period -> value, as GET returns them (in its order). */
    private static Map<String, Double> stored(String kpi) {
        Map<String, Double> values = new LinkedHashMap<>();
        ApiResponse response = api.get(measurements(kpi));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        response.json().forEach(m -> values.put(m.path("period").asText(), m.path("value").asDouble()));
        return values;
    }

    private static List<String> periods(String kpi, String query) {
        List<String> periods = new ArrayList<>();
        api.get(measurements(kpi) + query).json().forEach(m -> periods.add(m.path("period").asText()));
        return periods;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
