package nl.proeftuin.distribution.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Logging in and out of the dashboard in headless Chromium, and what each role is offered: the login page says what
 * is wrong, leads on to the page asked for (only on this site), the session ends with the logout button (the API then
 * answers 401), a session that ends while a page is open leads back to the login page, an editor is offered data
 * entry for their own region only and a viewer no change at all; changing one's own password. The throttling test
 * runs last: it leaves the client address throttled for a while.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardLoginIT {

    private static final String EDITOR = "ed";
    private static final String EDITOR_PASSWORD = "redacteur-van-zeeland";
    private static final String VIEWER = "lezer";
    private static final String VIEWER_PASSWORD = "alleen-maar-lezen";

    @TempDir
    static Path temp;

    private Platform platform;
    private ChromeDriver driver;

    @BeforeAll
    void start() throws Exception {
        Chromium.require();
        platform = Platform.start(temp.resolve("home"), "proeftuin-pilot-zeeland", "proeftuin-pilot-groningen-versterking");
        platform.await("the example regions", "/api/v1/regions",
                body -> body.contains("\"zeeland\"") && body.contains("\"groningen\""));
        platform.createUser(EDITOR, "editor", List.of("zeeland"), EDITOR_PASSWORD);
        platform.createUser(VIEWER, "viewer", List.of(), VIEWER_PASSWORD);
        driver = Chromium.start(temp.resolve("profile"), 1280, 900);
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

    @BeforeEach
    void logOut() {
        driver.get(platform.url("/ui/login"));
        driver.manage().deleteAllCookies();
    }

    @Test
    @Order(1)
    void aWrongPasswordIsSaidBesideTheFieldAndTheRightOneLeadsToThePageAskedFor() {
        String page = "/ui/leerpunten?thema=energietransitie";
        driver.get(platform.url(page));
        Chromium.awaitPage(driver, "login");
        assertThat(driver.getCurrentUrl()).isEqualTo(platform.url("/ui/login?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8)));
        assertThat(main()).contains("Log in om deze pagina te bekijken.");

        Login.submit(driver, Platform.ADMIN, "niet-het-goede-wachtwoord");
        assertThat(Login.awaitError(driver)).contains("Inloggen is niet gelukt", "De gebruikersnaam of het wachtwoord klopt niet.");
        WebElement password = driver.findElement(By.id("login-password"));
        assertThat(password.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(password.getDomAttribute("aria-describedby")).isEqualTo("login-password-error");
        assertThat(driver.findElement(By.id("login-password-error")).getText()).contains("klopt niet");
        assertThat(password.getDomProperty("value")).as("the wrong password is cleared").isEmpty();
        WebElement summary = driver.findElement(By.cssSelector(".login-form .error-summary"));
        assertThat(summary.getDomAttribute("role")).as("a live region").isEqualTo("alert");
        Chromium.waiting(driver).withMessage("the error summary to take the focus")
                .until(d -> summary.equals(d.switchTo().activeElement()));

        Login.submit(driver, Platform.ADMIN, Platform.ADMIN_PASSWORD);
        Chromium.waiting(driver).withMessage("to land on " + page)
                .until(d -> d.getCurrentUrl().equals(platform.url(page)));
        Chromium.awaitPage(driver, "lessons");
        assertThat(driver.findElement(By.cssSelector(".user-menu")).getText()).contains("Ingelogd als", "admin", "beheerder");
        assertThat(new Select(driver.findElement(By.id("lesson-theme"))).getFirstSelectedOption().getDomProperty("value"))
                .isEqualTo("energietransitie");
    }

    @Test
    @Order(2)
    void aNextThatLeavesTheSiteIsNotFollowed() {
        for (String next : List.of("//example.org/x", "https://example.org/", "/\\example.org", "javascript:alert(1)")) {
            driver.manage().deleteAllCookies();
            driver.get(platform.url("/ui/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            Chromium.awaitPage(driver, "login");
            Login.submit(driver, Platform.ADMIN, Platform.ADMIN_PASSWORD);
            Chromium.waiting(driver).withMessage("the overview instead of " + next)
                    .until(d -> d.getCurrentUrl().equals(platform.url("/ui/")));
            Chromium.awaitPage(driver, "overview");
        }
    }

    @Test
    @Order(3)
    void theLogoutButtonEndsTheSessionAndTheApiThenAnswers401() {
        Login.as(driver, platform, Platform.ADMIN, Platform.ADMIN_PASSWORD);
        Cookie cookie = driver.manage().getCookieNamed("proeftuin_session");
        assertThat(cookie).as("the session cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(status("/api/v1/session")).isEqualTo(200);
        assertThat((List<?>) Chromium.script(driver, "return Object.keys(localStorage).filter(k => k !== 'proeftuin.lang')"
                + ".concat(Object.keys(sessionStorage));")).as("nothing of the session in web storage").isEmpty();

        driver.findElement(By.cssSelector(".user-menu button.logout")).click();
        Chromium.waiting(driver).withMessage("the login page after logging out")
                .until(d -> d.getCurrentUrl().equals(platform.url("/ui/login?uitgelogd=1")));
        Chromium.awaitPage(driver, "login");
        assertThat(main()).contains("U bent uitgelogd.");
        assertThat(status("/api/v1/session")).isEqualTo(401);
        assertThat(status("/api/v1/overview")).isEqualTo(401);

        driver.get(platform.url("/ui/regio/zeeland"));
        Chromium.awaitPage(driver, "login");
        assertThat(driver.getCurrentUrl()).isEqualTo(platform.url("/ui/login?next=%2Fui%2Fregio%2Fzeeland"));
    }

    @Test
    @Order(4)
    void aSessionThatEndsWhileAPageIsOpenLeadsToTheLoginPage() {
        Login.as(driver, platform, Platform.ADMIN, Platform.ADMIN_PASSWORD);
        driver.get(platform.url("/ui/leerpunten"));
        Chromium.awaitPage(driver, "lessons");
        driver.manage().deleteCookieNamed("proeftuin_session");
        new Select(driver.findElement(By.id("lesson-theme"))).selectByValue("energietransitie");
        Chromium.waiting(driver).withMessage("the login page with the page to come back to")
                .until(d -> d.getCurrentUrl().equals(platform.url("/ui/login?next=%2Fui%2Fleerpunten%3Fthema%3Denergietransitie")));
        Chromium.awaitPage(driver, "login");
    }

    @Test
    @Order(5)
    void anEditorOfOneRegionIsOfferedDataEntryForThatRegionOnly() {
        Login.as(driver, platform, EDITOR, EDITOR_PASSWORD);
        assertThat(driver.findElement(By.cssSelector(".user-menu")).getText()).contains("ed", "redacteur van Zeeland");

        open("/ui/invoer", "entry");
        List<String> kpis = new Select(driver.findElement(By.id("entry-kpi"))).getOptions().stream()
                .map(o -> o.getDomProperty("value")).filter(v -> !v.isEmpty()).toList();
        assertThat(kpis).isNotEmpty().allMatch(id -> id.startsWith("zeeland-"));
        assertThat(driver.findElements(By.cssSelector("#entry-kpi optgroup")).stream().map(g -> g.getDomAttribute("label")))
                .containsExactly("Zeeland");

        open("/ui/invoer?indicator=groningen-woningen-versterkt", "entry");
        assertThat(driver.findElements(By.id("entry-period"))).as("no form for Groningen").isEmpty();
        assertThat(main()).contains("U mag geen gegevens invoeren voor");

        open("/ui/indicator/groningen-woningen-versterkt", "kpi");
        assertThat(driver.findElements(By.cssSelector("main a[href^='/ui/invoer']"))).as("no data entry link").isEmpty();
        open("/ui/indicator/zeeland-woningen-geisoleerd", "kpi");
        assertThat(driver.findElements(By.cssSelector("main a[href^='/ui/invoer']"))).hasSize(1);

        open("/ui/leerpunten", "lessons");
        assertThat(new Select(driver.findElement(By.id("lesson-region"))).getOptions().stream()
                .map(o -> o.getDomProperty("value")).toList()).containsExactly("", "zeeland");

        open("/ui/beheer", "admin");
        assertThat(driver.findElements(By.cssSelector("main .sub-nav"))).as("no users or audit log").isEmpty();
        assertThat(driver.findElements(By.id("upload-file"))).as("an editor may upload pilots of their region").hasSize(1);
        List<WebElement> rows = driver.findElements(By.cssSelector(".bundle-table tbody tr"));
        assertThat(rows).hasSize(2);
        for (WebElement row : rows) {
            boolean zeeland = row.getText().contains("zeeland");
            assertThat(row.findElements(By.cssSelector(".row-actions button"))).as(row.getText()).hasSize(zeeland ? 2 : 0);
            assertThat(row.getText()).as(row.getText()).contains(zeeland ? "Vervangen" : "Alleen lezen");
        }

        // and what is offered works: a value for Zeeland, through the form (a write with the session's CSRF token)
        open("/ui/invoer?indicator=zeeland-woningen-geisoleerd", "entry");
        driver.findElement(By.id("entry-period")).sendKeys("2031-01");
        driver.findElement(By.id("entry-value")).sendKeys("12.345");
        driver.findElement(By.cssSelector("form[aria-labelledby=entry-single-title] button[type=submit]")).click();
        Chromium.waiting(driver).withMessage("the value to be saved").until(d ->
                !d.findElements(By.cssSelector(".success-message")).isEmpty() || !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(driver.findElements(By.cssSelector(".error-summary"))).as("errors").isEmpty();
        assertThat(platform.get("/api/v1/kpis/zeeland-woningen-geisoleerd/measurements")).contains("12345");
    }

    @Test
    @Order(6)
    void aViewerIsOfferedNoChangeAtAll() {
        Login.as(driver, platform, VIEWER, VIEWER_PASSWORD);
        assertThat(driver.findElement(By.cssSelector(".user-menu")).getText()).contains("lezer", "(lezer)");
        assertThat(driver.findElements(By.cssSelector("nav.site-nav a[data-page=entry]"))).as("no data entry in the menu").isEmpty();

        open("/ui/indicator/zeeland-woningen-geisoleerd", "kpi");
        assertThat(driver.findElements(By.cssSelector("main a[href^='/ui/invoer']"))).isEmpty();
        open("/ui/leerpunten", "lessons");
        assertThat(driver.findElements(By.cssSelector(".lessons-form, main form button[type=submit]"))).isEmpty();
        open("/ui/invoer", "entry");
        assertThat(driver.findElements(By.cssSelector("main select, main input"))).isEmpty();
        assertThat(main()).contains("Uw account mag geen gegevens invoeren.");
        open("/ui/beheer", "admin");
        assertThat(driver.findElements(By.cssSelector("main input[type=file], .row-actions, main .sub-nav"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".bundle-table button"))).isEmpty();
        assertThat(main()).contains("U kunt de pilots bekijken");

        // a page the viewer has no link to says what the platform refused, in its own words
        driver.get(platform.url("/ui/beheer/gebruikers"));
        Chromium.waiting(driver).until(d -> "error".equals(d.findElement(By.cssSelector("main#content"))
                .getDomAttribute("data-state")));
        assertThat(main()).contains("User \"lezer\" may not");
    }

    @Test
    @Order(7)
    void aUserChangesTheirOwnPasswordAndKeepsWorking() {
        String fresh = "een-nieuw-en-lang-wachtwoord";
        Login.as(driver, platform, VIEWER, VIEWER_PASSWORD);
        driver.findElement(By.linkText("Wachtwoord wijzigen")).click();
        Chromium.awaitPage(driver, "password");

        changePassword("niet-mijn-wachtwoord", fresh);
        Chromium.waiting(driver).until(d -> !d.findElements(By.cssSelector("main .error-summary")).isEmpty());
        WebElement current = driver.findElement(By.id("password-current"));
        assertThat(current.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(current.getDomAttribute("aria-describedby")).isEqualTo("password-current-error");
        assertThat(driver.findElement(By.id("password-current-error")).getText()).contains("is wrong");

        changePassword(VIEWER_PASSWORD, fresh);
        Chromium.waiting(driver).until(d -> !d.findElements(By.cssSelector("main .success-message")).isEmpty());
        assertThat(main()).contains("Uw wachtwoord is gewijzigd.");

        // the platform renewed the session with the new password; logging out is a write with its new CSRF token
        driver.findElement(By.cssSelector(".user-menu button.logout")).click();
        Chromium.waiting(driver).until(d -> d.getCurrentUrl().equals(platform.url("/ui/login?uitgelogd=1")));
        assertThat(status("/api/v1/session")).isEqualTo(401);
        Login.submit(driver, VIEWER, VIEWER_PASSWORD);
        assertThat(Login.awaitError(driver)).contains("De gebruikersnaam of het wachtwoord klopt niet.");
        Login.as(driver, platform, VIEWER, fresh);
    }

    @Test
    @Order(100)
    void tooManyFailedLoginsSayWhenToTryAgain() {
        driver.get(platform.url("/ui/login"));
        Chromium.awaitPage(driver, "login");
        String error = "";
        for (int attempt = 0; attempt < 10 && !error.contains("Te veel"); attempt++) {
            Chromium.script(driver, "document.querySelectorAll('.login-form .error-summary').forEach(e => e.remove());");
            Login.submit(driver, "gast", "fout-" + attempt);
            error = Login.awaitError(driver);
        }
        assertThat(error).matches("(?s).*Te veel mislukte pogingen\\. Probeer het over \\d+ seconden? opnieuw\\..*");
    }

    private void changePassword(String current, String fresh) {
        for (String id : List.of("password-current", "password-new", "password-repeat")) {
            driver.findElement(By.id(id)).clear();
        }
        driver.findElement(By.id("password-current")).sendKeys(current);
        driver.findElement(By.id("password-new")).sendKeys(fresh);
        driver.findElement(By.id("password-repeat")).sendKeys(fresh);
        Chromium.script(driver, "document.querySelectorAll('main .error-summary, main .success-message').forEach(e => e.remove());");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    private void open(String path, String page) {
        driver.get(platform.url(path));
        Chromium.awaitPage(driver, page);
    }

    private String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /** The status of a GET from the page, as the dashboard sends it. */
    private long status(String path) {
        return (Long) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {headers: {'X-Requested-With': 'proeftuin-ui'}}).then(r => done(r.status), e => done(-1));", path);
    }
}
