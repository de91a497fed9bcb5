package nl.proeftuin.itest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;
import org.osgi.test.common.annotation.InjectBundleContext;

/** {@code /api/openapi.json} describes exactly what is served: no documented path is missing, no served one undocumented. */
class OpenApiTest {

    static final String FALLBACK_PATTERN = "/api/*";
    static final String FALLBACK_WORDS = "There is no endpoint";

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
    void documentIsServedAsOpenApi3() {
        ApiResponse response = api.get("/api/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("application/json");
        assertThat(response.json().path("openapi").asText()).startsWith("3.");
        assertThat(response.json().path("paths").size()).isPositive();
    }

    @Test
    void everyDocumentedPathIsServed() throws IOException, InterruptedException {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("openapi"));
        deploy.track(pilot.fileName());
        assertThat(api.post("/api/v1/bundles", "application/java-archive", pilot.build()).status()).isEqualTo(201);
        List<String> unserved = new ArrayList<>();
        JsonNode paths = api.get("/api/openapi.json").json().path("paths");

        for (String template : documentedPaths()) {
            String path = template.replace("{id}", template.startsWith("/api/v1/regions/") ? TestPilot.REGION : TestPilot.KPI)
                    .replace("{symbolicName}", pilot.symbolicName()).replace("{username}", "admin");
            assertThat(path).as("every path parameter filled").doesNotContain("{");
            if (paths.path(template).has("get")) {
                HttpResponse<InputStream> response = api.client().send(api.request(path).GET().build(), BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    String text = response.statusCode() == 404 ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "";
                    if (response.statusCode() == 404 && text.contains(FALLBACK_WORDS)) {
                        unserved.add(template + " reaches the fallback");
                    } else if (response.statusCode() >= 400) {
                        unserved.add(template + " answers " + response.statusCode());
                    }
                }
            } else {
                // a path without GET (a password change): its documented method, with a body that changes nothing
                String method = paths.path(template).fieldNames().next().toUpperCase(Locale.ROOT);
                ApiResponse response = api.send(api.request(path).header("Content-Type", "application/json")
                        .method(method, BodyPublishers.ofString("{}")));
                if (response.status() == 404 || response.status() == 405 || response.status() >= 500) {
                    unserved.add(template + " answers " + method + " with " + response);
                }
            }
        }

        assertThat(unserved).as("documented paths that are not served").isEmpty();
    }

    @Test
    void everyServedApiPatternIsDocumented() {
        List<String> documented = documentedPaths();
        TreeSet<String> undocumented = new TreeSet<>();

        for (ServletContextDTO servletContext : api.runtime().getRuntimeDTO().servletContextDTOs) {
            for (ServletDTO servlet : servletContext.servletDTOs) {
                for (String pattern : servlet.patterns) {
                    if (!pattern.startsWith("/api") || pattern.equals(FALLBACK_PATTERN)) {
                        continue;
                    }
                    boolean described = pattern.endsWith("/*")
                            ? documented.stream().anyMatch(p -> p.startsWith(pattern.substring(0, pattern.length() - 1)))
                            : documented.contains(pattern);
                    if (!described) {
                        undocumented.add(pattern + " (" + servlet.name + ")");
                    }
                }
            }
        }

        assertThat(undocumented).as("servlet patterns under /api missing from /api/openapi.json").isEmpty();
    }

    private List<String> documentedPaths() {
        List<String> paths = new ArrayList<>();
        JsonNode document = api.get("/api/openapi.json").json();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).isNotEmpty();
        return paths;
    }
}
