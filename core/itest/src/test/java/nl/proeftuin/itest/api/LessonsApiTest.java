package nl.proeftuin.itest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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
 * Lessons (leerpunten): {@code GET /api/v1/lessons?region=&theme=} and {@code POST}. Each test works in a region of
 * its own (a fixture pilot that ships one lesson), since the store keeps entered lessons between runs.
 */
class LessonsApiTest {

    @InjectBundleContext
    static BundleContext context;

    static Api api;
    static DeployFolder deploy;

    @BeforeAll
    static void connect() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
    }

    @AfterAll
    static void removePilots() {
        deploy.removeAll();
    }

    @Test
    void postingAValidLessonAnswers201WithTheStoredLesson() {
        FixtureJars.Builder pilot = deployPilot("lesson-post");

        ApiResponse response = api.postJson("/api/v1/lessons", """
                {"regionId": "%s", "theme": "leefbaarheid", "title": "Samen werkt beter",
                 "text": "Gemeenten en provincie aan één tafel.", "author": "itest"}""".formatted(pilot.regionId()));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("origin").asText()).isEqualTo("entered");
        JsonNode lesson = response.json().path("lesson");
        assertThat(lesson.path("id").asText()).startsWith("samen-werkt-beter-");
        assertThat(lesson.path("regionId").asText()).isEqualTo(pilot.regionId());
        assertThat(lesson.path("theme").path("id").asText()).isEqualTo("leefbaarheid");
        assertThat(lesson.path("text").asText()).isEqualTo("Gemeenten en provincie aan één tafel.");
        assertThat(lesson.path("date").asText()).isNotEmpty();
        assertThat(lessonIds("?region=" + pilot.regionId())).contains(lesson.path("id").asText());
    }

    @Test
    void lessonWithoutRegionAndThemeIs400ListingBothProblems() {
        ApiResponse response = api.postJson("/api/v1/lessons", "{\"title\": \"Zonder plek\", \"text\": \"Tekst.\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        List<String> errors = new ArrayList<>();
        response.json().path("errors").forEach(e -> errors.add(e.asText()));
        assertThat(errors).hasSize(2);
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("regionId"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("theme"));
    }

    @Test
    void lessonsAreFilteredByRegionAndTheme() {
        FixtureJars.Builder pilot = deployPilot("lesson-filter");
        String wonen = postLesson(pilot.regionId(), "wonen", "Over wonen");
        String leefbaarheid = postLesson(pilot.regionId(), "leefbaarheid", "Over leefbaarheid");
        String elsewhere = postLesson(TestPilot.REGION, "wonen", "Elders over wonen");

        assertThat(lessonIds("?region=" + pilot.regionId())).contains(wonen, leefbaarheid).doesNotContain(elsewhere);
        assertThat(lessonIds("?region=" + pilot.regionId() + "&theme=wonen")).containsExactly(wonen);
        assertThat(lessonIds("?theme=wonen")).contains(wonen, elsewhere).doesNotContain(leefbaarheid);
        for (JsonNode view : api.get("/api/v1/lessons?theme=wonen").json()) {
            assertThat(view.path("lesson").path("theme").path("id").asText()).isEqualTo("wonen");
        }
    }

    @Test
    void pilotLessonsAndEnteredLessonsAppearWithTheirOrigin() {
        FixtureJars.Builder pilot = deployPilot("lesson-origin");
        String entered = postLesson(pilot.regionId(), "energietransitie", "Ingevoerd");

        JsonNode lessons = api.get("/api/v1/lessons?region=" + pilot.regionId()).json();

        assertThat(lessons).hasSize(2);
        assertThat(lessons).anySatisfy(view -> {
            assertThat(view.path("origin").asText()).isEqualTo("pilot");
            assertThat(view.path("lesson").path("id").asText()).isEqualTo(pilot.regionId() + "-les-1");
        });
        assertThat(lessons).anySatisfy(view -> {
            assertThat(view.path("origin").asText()).isEqualTo("entered");
            assertThat(view.path("lesson").path("id").asText()).isEqualTo(entered);
        });
    }

    private static FixtureJars.Builder deployPilot(String prefix) {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique(prefix)).lessons(1);
        deploy.track(pilot.fileName());
        assertThat(api.post("/api/v1/bundles", "application/java-archive", pilot.build()).status()).isEqualTo(201);
        return pilot;
    }

    private static String postLesson(String region, String theme, String title) {
        ApiResponse response = api.postJson("/api/v1/lessons", """
                {"regionId": "%s", "theme": "%s", "title": "%s", "text": "Wat we leerden."}""".formatted(region, theme, title));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("lesson").path("id").asText();
    }

    private static List<String> lessonIds(String query) {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/lessons" + query).json().forEach(view -> ids.add(view.path("lesson").path("id").asText()));
        return ids;
    }
}
