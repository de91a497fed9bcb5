package nl.proeftuin.distribution.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Hostile texts in headless Chromium. A pilot whose region name, opgave, KPI name and unit, KPI metadata, screen and
 * widget titles carry {@link XssPilot#PAYLOAD} (script elements, an attribute break-out with an event handler, script
 * URLs, a template expression) is deployed, with a measurement whose source and a lesson (posted through the API)
 * whose title, text and author carry it too, a second pilot that is refused with the payload in its reason and
 * its file name, and a failed login with the payload as the username (which the audit log shows). Every page that
 * shows them must show them as text: nothing runs ({@code window.pwned} stays undefined, no dialog opens), nothing is
 * blocked by the Content-Security-Policy either (which would mean markup got in), no element or script URL was made
 * from them, and the texts appear literally.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardXssIT {

    private static final String REGION = "xss";
    private static final String BROKEN = "xss-kapot";
    private static final String BROKEN_FILE = "xss-kapot-\"><img src=x onerror=alert(1)>.jar";
    private static final String LESSON_TITLE = "Leerpunt " + XssPilot.PAYLOAD;
    private static final String LESSON_TEXT = "Les " + XssPilot.PAYLOAD;
    private static final String LESSON_AUTHOR = "Auteur " + XssPilot.PAYLOAD;

    /** Elements and attributes the payload would have made had it been parsed as markup. */
    private static final String INJECTED = "script:not([src]), script[src]:not([src='/ui/assets/js/main.js']), img[src='x'], "
            + "[onerror], [onload], [onclick], a[href^='javascript:' i], iframe[src^='javascript:' i]";

    /** A page, and the texts it must show literally. */
    record Visit(String name, String path, String page, List<String> texts) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    static Path temp;

    private Platform platform;
    private ChromeDriver driver;

    @BeforeAll
    void start() throws Exception {
        Chromium.require();
        Path deploy = Files.createDirectories(temp.resolve("home").resolve("deploy"));
        XssPilotJar.write(deploy.resolve("xss.jar"), REGION, "valid");
        XssPilotJar.write(deploy.resolve(BROKEN_FILE), BROKEN, "invalid");
        platform = Platform.start(temp.resolve("home"));
        platform.await("the hostile region", "/api/v1/regions", body -> body.contains("\"" + REGION + "\""));
        platform.await("the refused pilot with its problem", "/api/v1/bundles",
                body -> body.contains("test.pilot." + BROKEN) && body.contains("not a CBS code"));
        String kpi = REGION + XssPilot.KPI_SUFFIX;
        platform.send("POST", "/api/v1/kpis/" + kpi + "/measurements", List.of(
                Map.of("period", "2023", "value", 120, "source", XssPilot.PAYLOAD),
                Map.of("period", "2024", "value", 260, "source", XssPilot.PAYLOAD)), 200);
        platform.send("POST", "/api/v1/lessons", Map.of("regionId", REGION, "opgaveId", REGION + "-opgave",
                "title", LESSON_TITLE, "text", LESSON_TEXT, "author", LESSON_AUTHOR), 201);
        // a failed login is logged with the name that was tried: the payload reaches the audit log
        platform.send("POST", "/api/v1/session", Map.of("username", XssPilot.PAYLOAD, "password", "geen-wachtwoord"), 401);
        driver = Chromium.start(temp.resolve("profile"), 1440, 1000);
        Login.as(driver, platform, Platform.ADMIN, Platform.ADMIN_PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (platform != null) {
            platform.close();
        }
    }

    Stream<Visit> visits() {
        String kpi = REGION + XssPilot.KPI_SUFFIX;
        return Stream.of(
                new Visit("overview", "/ui/", "overview", List.of(XssPilot.REGION_NAME, XssPilot.KPI_NAME)),
                new Visit("region", "/ui/regio/" + REGION, "region", List.of(XssPilot.REGION_NAME, XssPilot.OPGAVE_TITLE,
                        XssPilot.OPGAVE_DESCRIPTION, XssPilot.TREKKER, XssPilot.PARTNER, XssPilot.KPI_NAME, XssPilot.UNIT,
                        XssPilot.SCREEN_TITLE, XssPilot.PAGE_TITLE)),
                new Visit("the pilot's widget screen", "/ui/regio/" + REGION + "/scherm/" + XssPilot.WIDGET_SCREEN, "region",
                        List.of(XssPilot.SCREEN_TITLE, XssPilot.TEXT_TITLE, "Alinea " + XssPilot.PAYLOAD,
                                "Tweede alinea " + XssPilot.PAYLOAD, XssPilot.TILE_TITLE, XssPilot.CHART_TITLE,
                                XssPilot.TABLE_TITLE, XssPilot.MAP_TITLE, XssPilot.KPI_NAME, XssPilot.REGION_NAME)),
                new Visit("the pilot's own page", "/ui/regio/" + REGION + "/scherm/" + XssPilot.PAGE_SCREEN, "region",
                        List.of(XssPilot.PAGE_TITLE, XssPilot.REGION_NAME)),
                new Visit("KPI", "/ui/indicator/" + kpi, "kpi", List.of(XssPilot.KPI_NAME, XssPilot.UNIT, XssPilot.DEFINITION,
                        XssPilot.SOURCE, XssPilot.METHOD, XssPilot.REGION_NAME, XssPilot.OPGAVE_TITLE)),
                new Visit("compare by theme", "/ui/vergelijken?op=thema:energietransitie", "compare",
                        List.of(XssPilot.REGION_NAME, XssPilot.KPI_NAME)),
                new Visit("compare by standard indicator", "/ui/vergelijken?op=indicator:" + XssPilot.STANDARD_CODE, "compare",
                        List.of(XssPilot.REGION_NAME, XssPilot.KPI_NAME)),
                new Visit("lessons", "/ui/leerpunten", "lessons", List.of(LESSON_TITLE, LESSON_TEXT, LESSON_AUTHOR,
                        XssPilot.REGION_NAME)),
                new Visit("data entry", "/ui/invoer?indicator=" + kpi, "entry", List.of(XssPilot.KPI_NAME)),
                new Visit("admin", "/ui/beheer", "admin", List.of(XssPilot.BAD_CODE, BROKEN_FILE)),
                // the log keeps the first part of a long name
                new Visit("audit log", "/ui/beheer/audit", "audit", List.of(XssPilot.PAYLOAD.substring(0, 120))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("visits")
    void showsHostileTextsAsTextAndRunsNothing(Visit visit) {
        try {
            driver.get(platform.url(visit.path()));
            Chromium.awaitPage(driver, visit.page());
            Chromium.script(driver, "document.querySelectorAll('details').forEach(d => { d.open = true; });");
            Chromium.awaitCharts(driver);
            if (visit.name().equals("the pilot's own page")) {
                awaitFrame();
            }
        } catch (UnhandledAlertException e) {
            fail("a dialog opened on " + visit.path() + ": " + e.getAlertText());
        }
        assertNoDialog(visit);
        assertThat(Chromium.script(driver, "return typeof window.pwned;")).as("window.pwned on %s", visit.path()).isEqualTo("undefined");
        assertThat((List<?>) Chromium.script(driver, "return window.proeftuinCspViolations;")).as("CSP violations").isEmpty();
        assertThat((List<?>) Chromium.script(driver, "return window.proeftuinErrors;")).as("script errors").isEmpty();
        assertThat((List<?>) Chromium.script(driver, "return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => e.outerHTML.slice(0, 200));", INJECTED)).as("elements made from the payload").isEmpty();
        String text = (String) Chromium.script(driver, "return document.querySelector('main').textContent;");
        for (String expected : visit.texts()) {
            assertThat(text).as("the literal text on %s", visit.path()).contains(expected);
        }
        if (visit.name().equals("the pilot's own page")) {
            assertThat(driver.findElement(By.cssSelector("iframe.pilot-frame")).getDomAttribute("title")).isEqualTo(XssPilot.PAGE_TITLE);
        }
        if (visit.page().equals("region")) {
            assertThat(driver.getTitle()).as("the document title").contains(XssPilot.REGION_NAME);
        }
    }

    private void awaitFrame() {
        Chromium.waiting(driver).withMessage("the pilot's page in its frame")
                .until(d -> {
                    d.switchTo().frame(d.findElement(By.cssSelector("iframe.pilot-frame")));
                    try {
                        return d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals("Eigen pagina"));
                    } finally {
                        d.switchTo().defaultContent();
                    }
                });
    }

    private void assertNoDialog(Visit visit) {
        try {
            String alert = driver.switchTo().alert().getText();
            driver.switchTo().alert().dismiss();
            fail("a dialog opened on " + visit.path() + ": " + alert);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }
}
