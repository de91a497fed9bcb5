package nl.proeftuin.itest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.proeftuin.itest.fixture.FixturePilot;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.Await;
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
 * Every answer carries the headers that keep a browser from sniffing types, leaking addresses, being framed by
 * another site, and running inline or foreign script: API answers, problems (401, 404, 405), redirects, the live
 * events, the dashboard's pages (with a policy of their own that is at least as strict), and the pages pilots ship,
 * which in addition run sandboxed.
 */
class SecurityHeadersTest {

    static final String DEFAULT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'";

    @InjectBundleContext
    static BundleContext context;

    static Api api;
    static DeployFolder deploy;
    static FixtureJars.Builder pilot;

    @BeforeAll
    static void deployAPilotWithAPage() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
        pilot = FixtureJars.pilot(Ids.unique("headers")).page();
        deploy.track(pilot.fileName());
        assertThat(api.post("/api/v1/bundles", PilotRegion.JAR, pilot.build()).status()).isEqualTo(201);
        Await.await("the pilot's page", () -> api.get(page("")).status() == 200);
    }

    @AfterAll
    static void removePilot() {
        deploy.removeAll();
    }

    static String page(String file) {
        return "/pilots/" + pilot.regionId() + "/" + FixturePilot.PAGE + "/" + file;
    }

    @ParameterizedTest(name = "GET {0} as admin")
    @ValueSource(strings = {"/api/v1/regions", "/api/v1/overview", "/api/v1/nothing-here", "/api/health",
        "/api/openapi.json", "/api/v1/kpis/no-such-kpi"})
    void apiAnswersAndProblemsCarryTheHeaders(String path) {
        assertSecure(api.get(path).headers(), DEFAULT_POLICY);
    }

    @Test
    void anonymous401CarriesTheHeaders() {
        ApiResponse response = api.send(api.anonymousRequest("/api/v1/regions").GET());

        assertThat(response.status()).isEqualTo(401);
        assertSecure(response.headers(), DEFAULT_POLICY);
    }

    @Test
    void problemAfterAResetCarriesTheHeaders() {
        ApiResponse response = api.send(api.request("/api/openapi.json").POST(BodyPublishers.ofString("{}")));

        assertThat(response.status()).isEqualTo(405);
        assertSecure(response.headers(), DEFAULT_POLICY);
    }

    @Test
    void redirectToTheLoginPageCarriesTheHeaders() {
        ApiResponse response = api.send(api.anonymousRequest(page("")).GET());

        assertThat(response.status()).isEqualTo(303);
        assertSecure(response.headers(), DEFAULT_POLICY + "; sandbox allow-scripts allow-forms");
    }

    @Test
    void theLiveEventsCarryTheHeaders() throws Exception {
        HttpRequest request = api.request("/api/v1/events").GET().build();
        HttpResponse<InputStream> response = api.client().send(request, BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertSecure(response.headers(), DEFAULT_POLICY);
        }
    }

    @Test
    void aPilotsPageRunsSandboxedWithoutTheSameOrigin() {
        ApiResponse document = api.get(page(""));
        ApiResponse script = api.get(page("page.js"));

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).isEqualTo(FixtureJars.PAGE_HTML);
        String policy = document.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).endsWith("; sandbox allow-scripts allow-forms").doesNotContain("allow-same-origin")
                .doesNotContain("unsafe-inline");
        assertSecure(document.headers(), DEFAULT_POLICY + "; sandbox allow-scripts allow-forms");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.mediaType()).isEqualTo("text/javascript");
        assertSecure(script.headers(), DEFAULT_POLICY + "; sandbox allow-scripts allow-forms");
    }

    @Test
    void aSandboxedPageGetsItsScriptAndStyleWithoutTheSessionButNotItsDocuments() {
        // the browser sends no SameSite=Strict cookie for what a sandboxed (opaque-origin) page requests
        ApiResponse script = api.send(api.anonymousRequest(page("page.js")).GET());
        ApiResponse style = api.send(api.anonymousRequest(page("page.css")).GET());
        ApiResponse document = api.send(api.anonymousRequest(page("index.html")).GET());
        ApiResponse written = api.send(api.anonymousRequest(page("page.js")).POST(BodyPublishers.ofString("x")));

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("dataset.loaded");
        assertSecure(script.headers(), DEFAULT_POLICY + "; sandbox allow-scripts allow-forms");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.mediaType()).isEqualTo("text/css");
        assertThat(document.status()).as("the page itself needs a user").isEqualTo(303);
        assertThat(written.status()).isEqualTo(401);
    }

    @Test
    void aPilotPageThatIsNotThereIs404WithTheHeaders() {
        ApiResponse response = api.get(page("missing.html"));

        assertThat(response.status()).isEqualTo(404);
        assertSecure(response.headers(), DEFAULT_POLICY + "; sandbox allow-scripts allow-forms");
    }

    @ParameterizedTest(name = "GET {0} as admin")
    @ValueSource(strings = {"/ui/", "/ui/regio/testland", "/ui/login", "/ui/i18n/nl.json"})
    void theDashboardsDocumentsKeepTheirOwnPolicyWhichIsAtLeastAsStrict(String path) {
        ApiResponse response = api.get(path);

        assertThat(response.status()).isEqualTo(200);
        List<String> policies = response.headers().allValues("Content-Security-Policy");
        assertThat(policies).as("one policy: the dashboard's own").hasSize(1);
        assertThat(policies.get(0)).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        Map<String, String> dashboard = directives(policies.get(0));
        directives(DEFAULT_POLICY).forEach((directive, value) -> assertThat(dashboard.get(directive))
                .as("%s of the dashboard's policy, against the platform's %s", directive, value).isIn(value, "'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
    }

    @Test
    void theDashboardsFilesTheRootAndUnknownPathsCarryTheHeaders() {
        ApiResponse style = api.send(api.anonymousRequest("/ui/assets/css/app.css").GET());
        ApiResponse root = api.send(api.anonymousRequest("/").GET());
        ApiResponse unknown = api.get("/no-such-page");
        ApiResponse unknownFile = api.get("/ui/no-such-file.js");

        assertThat(style.status()).as("the login page's style sheet needs no login").isEqualTo(200);
        assertSecure(style.headers(), DEFAULT_POLICY);
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).get().asString().endsWith("/ui/");
        assertSecure(root.headers(), DEFAULT_POLICY);
        assertThat(unknown.status()).isEqualTo(404);
        assertSecure(unknown.headers(), DEFAULT_POLICY);
        assertThat(unknownFile.status()).isEqualTo(404);
        assertSecure(unknownFile.headers(), DEFAULT_POLICY);
    }

    @Test
    void anonymousVisitorsOfTheDashboardAreSentToTheLoginPage() {
        ApiResponse home = api.send(api.anonymousRequest("/ui/").GET());
        ApiResponse region = api.send(api.anonymousRequest("/ui/regio/testland?tab=kpi").GET());
        ApiResponse unknown = api.send(api.anonymousRequest("/no-such-page").GET());
        ApiResponse login = api.send(api.anonymousRequest("/ui/login").GET());

        assertThat(home.status()).isEqualTo(303);
        assertThat(home.headers().firstValue("Location")).get().asString().endsWith("/ui/login");
        assertThat(region.headers().firstValue("Location")).get().asString()
                .endsWith("/ui/login?next=%2Fui%2Fregio%2Ftestland%3Ftab%3Dkpi");
        assertThat(unknown.status()).as("nobody learns which pages exist").isEqualTo(303);
        assertThat(login.status()).isEqualTo(200);
        assertSecure(home.headers(), DEFAULT_POLICY);
    }

    /** A policy's directives by name. */
    static Map<String, String> directives(String policy) {
        Map<String, String> directives = new TreeMap<>();
        for (String directive : policy.split(";")) {
            String[] parts = directive.strip().split("\\s+", 2);
            directives.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return directives;
    }

    static void assertSecure(HttpHeaders headers, String policy) {
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(headers.firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(headers.allValues("Content-Security-Policy")).containsExactly(policy);
    }
}
