package nl.proeftuin.itest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/** Every failure of the API is an {@code application/problem+json} answer a person can read. */
class ErrorsApiTest {

    @InjectBundleContext
    BundleContext context;

    Api api;

    @BeforeEach
    void connect() {
        api = Api.connect(context);
    }

    @Test
    void unknownPathIs404ProblemPointingToTheDescription() {
        ApiResponse response = api.get("/api/v1/nothing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(404);
        assertThat(response.json().path("instance").asText()).isEqualTo("/api/v1/nothing");
        assertThat(response.detail()).contains("/api/v1/nothing").contains("/api/openapi.json");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "DELETE, /api/v1/regions",
        "PUT,    /api/v1/overview",
        "PATCH,  /api/v1/kpis",
        "DELETE, /api/v1/lessons",
        "PUT,    /api/v1/bundles",
        "POST,   /api/openapi.json",
        "POST,   /api/v1/events"})
    void methodNotAllowedIs405Problem(String method, String path) {
        ApiResponse response = api.send(api.request(path).method(method, BodyPublishers.noBody()));

        assertThat(response.status()).as(response.toString()).isEqualTo(405);
        assertThat(response.mediaType()).as(response.toString()).isEqualTo("application/problem+json");
        assertThat(response.detail()).contains(method);
    }

    @Test
    void refusingARequestWithoutReadingItsBodyKeepsTheConnectionUsable() throws InterruptedException {
        // a client of its own: a connection broken here must not fail other tests
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> failures = new ArrayList<>();

        int sent = 0;
        for (int i = 0; i < 300; i++) {
            for (HttpRequest request : List.of(
                    api.request("/api/v1/overview").method("PUT", BodyPublishers.ofString("{\"refused\": true}")).build(),
                    api.request("/api/v1/lessons").method("DELETE", BodyPublishers.ofString("{\"refused\": true}")).build())) {
                sent++;
                try {
                    assertThat(client.send(request, BodyHandlers.discarding()).statusCode()).isEqualTo(405);
                } catch (IOException e) {
                    failures.add("request " + sent + " " + request.method() + " " + request.uri().getPath() + ": " + e);
                }
            }
        }

        assertThat(failures).as("requests that failed on a kept-alive connection, out of %d", sent).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/kpis/" + TestPilot.KPI + "/measurements", "/api/v1/lessons"})
    void malformedJsonIs400WithAReadableDetail(String path) {
        ApiResponse response = api.postJson(path, "[{\"period\": \"2024-01\", \"value\": ");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.detail()).startsWith("The JSON cannot be read").doesNotContain("com.fasterxml").doesNotContain("\tat ");
    }
}
