package nl.proeftuin.distribution.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Every page of the dashboard, with the three example pilots, audited by axe-core in headless Chromium: zero
 * violations of any rule axe runs by default (WCAG 2.0/2.1 A and AA and best practices), no Content-Security-Policy
 * violation and no script error. One browser logs in as admin through the login page and sees every page; a second
 * one, never logged in, audits the login page. Also writes the screenshot of the overview to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardAccessibilityIT {

    private static final Path REPORT = Path.of("target/ui-audit.txt");
    private static final Path SCREENSHOT = Path.of("target/screenshots/overview.png");

    /**
     * A page in a state: where to go, in which language, and what to do there before the audit; anonymous pages are
     * seen by the browser that is not logged in.
     */
    record Case(String name, String path, String language, Consumer<WebDriver> action, boolean anonymous) {
        Case(String name, String path, String language, Consumer<WebDriver> action) {
            this(name, path, language, action, false);
        }

        static Case anonymous(String name, String path, String language, Consumer<WebDriver> action) {
            return new Case(name, path, language, action, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    static Path temp;

    private Platform platform;
    private ChromeDriver driver;
    private ChromeDriver anonymousDriver;

    @BeforeAll
    void start() throws Exception {
        Chromium.require();
        platform = Platform.start(temp.resolve("home"), "proeftuin-pilot-zeeland", "proeftuin-pilot-groningen-versterking",
                "proeftuin-pilot-utrecht-aardgasvrij");
        platform.await("the three example regions", "/api/v1/regions",
                body -> body.contains("\"zeeland\"") && body.contains("\"groningen\"") && body.contains("\"utrecht\""));
        platform.await("the example data of Zeeland", "/api/v1/kpis/zeeland-woningen-geisoleerd/measurements",
                body -> body.contains("\"period\""));
        platform.createUser("lezer", "viewer", List.of(), "lezer-wachtwoord-1");
        platform.createUser("redacteur", "editor", List.of("zeeland", "utrecht"), "redacteur-wachtwoord-1");
        driver = Chromium.start(temp.resolve("profile"), 1440, 1000);
        Login.as(driver, platform, Platform.ADMIN, Platform.ADMIN_PASSWORD);
        anonymousDriver = Chromium.start(temp.resolve("profile-anonymous"), 1440, 1000);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, "axe-core audit of the dashboard (violations per page)\n", StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (anonymousDriver != null) {
            anonymousDriver.quit();
        }
        if (platform != null) {
            platform.close();
        }
    }

    Stream<Case> pages() {
        return Stream.of(
                new Case("overview", "/ui/", "nl", d -> { }),
                new Case("overview (English)", "/ui/", "en", d -> { }),
                new Case("overview, theme filter", "/ui/?thema=energietransitie", "nl", d -> { }),
                new Case("region: opgaven and KPIs", "/ui/regio/zeeland", "nl", d -> { }),
                new Case("region: widget screen", "/ui/regio/zeeland/scherm/overzicht", "nl", d -> { }),
                new Case("region: the pilot's own page", "/ui/regio/groningen/scherm/wanneer-ben-ik-aan-de-beurt", "nl", d -> { }),
                new Case("region: unknown screen", "/ui/regio/utrecht/scherm/bestaat-niet", "nl", d -> { }),
                new Case("KPI", "/ui/indicator/zeeland-woningen-geisoleerd", "nl", d -> { }),
                new Case("KPI (English)", "/ui/indicator/groningen-woningen-versterkt", "en", d -> { }),
                new Case("compare by theme", "/ui/vergelijken?op=thema:energietransitie", "nl", d -> { }),
                new Case("compare by standard indicator", "/ui/vergelijken?op=indicator:woningen-versterkt", "nl", d -> { }),
                new Case("lessons", "/ui/leerpunten", "nl", d -> { }),
                new Case("lessons, form with errors", "/ui/leerpunten", "nl", DashboardAccessibilityIT::submitEmptyLesson),
                new Case("data entry", "/ui/invoer?indicator=zeeland-vermogen-zon", "nl", d -> { }),
                new Case("data entry, CSV errors per row", "/ui/invoer?indicator=zeeland-vermogen-zon", "nl", this::uploadBadCsv),
                new Case("admin", "/ui/beheer", "nl", d -> { }),
                new Case("admin, remove dialog", "/ui/beheer", "nl", DashboardAccessibilityIT::openRemoveDialog),
                new Case("users", "/ui/beheer/gebruikers", "nl", d -> { }),
                new Case("users (English)", "/ui/beheer/gebruikers", "en", d -> { }),
                new Case("users, new user with errors", "/ui/beheer/gebruikers", "nl", DashboardAccessibilityIT::submitEmptyUser),
                new Case("users, change dialog of an editor", "/ui/beheer/gebruikers", "nl", d -> openDialog(d, "edit-redacteur")),
                new Case("users, set password dialog", "/ui/beheer/gebruikers", "nl", d -> openDialog(d, "password-lezer")),
                new Case("users, delete dialog", "/ui/beheer/gebruikers", "nl", d -> openDialog(d, "delete-lezer")),
                new Case("audit log", "/ui/beheer/audit", "nl", d -> { }),
                new Case("audit log, filtered on an action", "/ui/beheer/audit?action=login", "en", d -> { }),
                new Case("own password", "/ui/wachtwoord", "nl", d -> { }),
                new Case("own password, errors", "/ui/wachtwoord", "nl", DashboardAccessibilityIT::submitMismatchedPasswords),
                Case.anonymous("login", "/ui/login", "nl", d -> { }),
                Case.anonymous("login (English)", "/ui/login", "en", d -> { }),
                Case.anonymous("login, asked for a page", "/ui/login?next=%2Fui%2Fleerpunten", "nl", d -> { }),
                Case.anonymous("login, empty fields", "/ui/login", "nl", DashboardAccessibilityIT::submitEmptyLogin),
                Case.anonymous("login, wrong password", "/ui/login", "nl", DashboardAccessibilityIT::submitWrongLogin),
                new Case("page not found", "/ui/bestaat-niet", "nl", d -> { }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void hasNoAccessibilityViolations(Case page) throws IOException {
        ChromeDriver driver = page.anonymous() ? anonymousDriver : this.driver;
        open(driver, page.path(), page.language(), page.anonymous());
        page.action().accept(driver);
        Chromium.script(driver, "document.querySelectorAll('details').forEach(d => { d.open = true; });");
        Chromium.awaitCharts(driver);

        Results results = new AxeBuilder().analyze(driver);
        List<Rule> violations = results.getViolations();
        String line = "%-40s %s  %d violations, %d rules passed%n".formatted(page.name(), page.path(), violations.size(),
                results.getPasses().size());
        Files.writeString(REPORT, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        System.out.print("axe: " + line);

        assertThat(violations).as("axe violations on %s (%s):%n%s", page.name(), page.path(), describe(violations)).isEmpty();
        assertThat(results.getPasses()).as("axe ran its rules").isNotEmpty();
        assertThat((List<?>) Chromium.script(driver, "return window.proeftuinCspViolations;")).as("CSP violations").isEmpty();
        assertThat((List<?>) Chromium.script(driver, "return window.proeftuinErrors;")).as("script errors").isEmpty();
        assertThat(driver.findElement(By.cssSelector("html")).getDomAttribute("lang")).isEqualTo(page.language());
    }

    @Test
    void theSkipLinkComesFirstAndLeadsToTheContent() {
        open("/ui/", "nl");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement first = driver.switchTo().activeElement();
        assertThat(first.getDomAttribute("class")).isEqualTo("skip-link");
        assertThat(first.getText()).isEqualTo("Direct naar de inhoud");
        first.sendKeys(Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("content");
    }

    @Test
    void theLanguageSwitchShowsEnglishAndIsRemembered() {
        open("/ui/", "nl");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Landelijk overzicht");
        driver.findElement(By.cssSelector("button.language-switch")).click();
        Chromium.waiting(driver).until(d -> d.findElement(By.tagName("h1")).getText().equals("National overview"));
        assertThat(driver.findElement(By.cssSelector("html")).getDomAttribute("lang")).isEqualTo("en");
        driver.navigate().refresh();
        Chromium.awaitPage(driver, "overview");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("National overview");
        Chromium.script(driver, "localStorage.setItem('proeftuin.lang', 'nl');");
    }

    @Test
    void numbersAndDatesFollowTheLanguage() throws IOException {
        Latest latest = Latest.of(platform, "zeeland-woningen-geisoleerd");
        assertThat(latest.value()).as("a value with thousands, to see the grouping").isGreaterThanOrEqualTo(1000);
        for (String language : List.of("nl", "en")) {
            open("/ui/indicator/zeeland-woningen-geisoleerd", language);
            String period = (String) Chromium.script(driver, "return new Intl.DateTimeFormat(arguments[0], {day: 'numeric', "
                    + "month: 'short', year: 'numeric', timeZone: 'UTC'}).format(new Date(arguments[1] + 'T00:00:00Z'));",
                    language.equals("nl") ? "nl-NL" : "en-GB", latest.period());
            List<String> row = driver.findElements(By.cssSelector(".kpi-history .data-table tbody tr")).stream()
                    .map(WebElement::getText).filter(text -> text.startsWith(period)).toList();
            assertThat(row).as("the row of %s in %s", latest.period(), language).hasSize(1);
            assertThat(row.get(0)).contains(latest.value(language.equals("nl") ? "nl-NL" : "en-GB"));
        }
        assertThat(latest.value("nl-NL")).contains(".");
        assertThat(latest.value("en-GB")).contains(",");
    }

    @Test
    void writesAScreenshotOfTheOverview() throws IOException {
        open("/ui/", "nl");
        Chromium.awaitCharts(driver);
        long height = (Long) Chromium.script(driver, "return document.documentElement.scrollHeight;");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1440, (int) Math.min(height, 6000)));
        Chromium.awaitCharts(driver);
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(before);
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(50_000);
    }

    private void open(String path, String language) {
        open(driver, path, language, false);
    }

    /** Sets the language on a page of the dashboard the browser may see, then opens the page. */
    private void open(WebDriver browser, String path, String language, boolean anonymous) {
        browser.get(platform.url(anonymous ? "/ui/login" : "/ui/bestaat-niet"));
        Chromium.awaitPage(browser, anonymous ? "login" : "notFound");
        Chromium.script(browser, "localStorage.setItem('proeftuin.lang', arguments[0]);", language);
        browser.get(platform.url(path));
        Chromium.awaitPage(browser, pageOf(path));
    }

    private static String pageOf(String path) {
        String bare = path.replaceFirst("\\?.*$", "");
        if (bare.equals("/ui/")) {
            return "overview";
        }
        if (bare.startsWith("/ui/regio/")) {
            return "region";
        }
        if (bare.startsWith("/ui/indicator/")) {
            return "kpi";
        }
        return switch (bare) {
            case "/ui/vergelijken" -> "compare";
            case "/ui/leerpunten" -> "lessons";
            case "/ui/invoer" -> "entry";
            case "/ui/beheer" -> "admin";
            case "/ui/beheer/gebruikers" -> "users";
            case "/ui/beheer/audit" -> "audit";
            case "/ui/wachtwoord" -> "password";
            case "/ui/login" -> "login";
            default -> "notFound";
        };
    }

    private static void submitEmptyLesson(WebDriver driver) {
        driver.findElement(By.cssSelector(".lessons-form button[type=submit]")).click();
        Chromium.waiting(driver).until(d -> !d.findElements(By.cssSelector(".lessons-form .error-summary")).isEmpty());
    }

    private void uploadBadCsv(WebDriver driver) {
        try {
            Path csv = temp.resolve("wrong.csv");
            Files.writeString(csv, "period,value,source\n2025-13,12,CBS\n2025-Q2,veel,CBS\n2025-Q3,1400,CBS\n");
            driver.findElement(By.id("entry-file")).sendKeys(csv.toAbsolutePath().toString());
            driver.findElement(By.cssSelector("form[aria-labelledby=entry-csv-title] button[type=submit]")).click();
            Chromium.waiting(driver).until(d -> !d.findElements(By.cssSelector(".error-summary .data-table")).isEmpty());
            assertThat(driver.findElements(By.cssSelector(".error-summary .data-table tbody th")).stream().map(WebElement::getText))
                    .as("the lines with an error").containsExactly("2", "3");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void submitEmptyUser(WebDriver driver) {
        driver.findElement(By.cssSelector("form[aria-labelledby=user-new-title] button[type=submit]")).click();
        Chromium.waiting(driver).until(d -> !d.findElements(By.cssSelector("form .error-summary")).isEmpty());
        assertThat(driver.findElement(By.id("user-new-name")).getDomAttribute("aria-describedby")).contains("user-new-name-error");
    }

    private static void openDialog(WebDriver driver, String key) {
        driver.findElement(By.cssSelector("button[data-key='" + key + "']")).click();
        Chromium.waiting(driver).until(d -> !d.findElements(By.cssSelector("dialog[open]")).isEmpty());
    }

    private static void submitMismatchedPasswords(WebDriver driver) {
        driver.findElement(By.id("password-current")).sendKeys("iets");
        driver.findElement(By.id("password-new")).sendKeys("een-nieuw-wachtwoord");
        driver.findElement(By.id("password-repeat")).sendKeys("een-ander-wachtwoord");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        Chromium.waiting(driver).until(d -> !d.findElements(By.cssSelector("main .error-summary")).isEmpty());
        assertThat(driver.findElement(By.id("password-repeat")).getDomAttribute("aria-invalid")).isEqualTo("true");
    }

    private static void submitEmptyLogin(WebDriver driver) {
        driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        Login.awaitError(driver);
        assertThat(driver.findElement(By.id("login-username")).getDomAttribute("aria-describedby")).isEqualTo("login-username-error");
    }

    private static void submitWrongLogin(WebDriver driver) {
        Login.submit(driver, "niemand", "geen-goed-wachtwoord");
        assertThat(Login.awaitError(driver)).contains("De gebruikersnaam of het wachtwoord klopt niet.");
    }

    private static void openRemoveDialog(WebDriver driver) {
        driver.findElement(By.cssSelector(".row-actions .button-danger")).click();
        Chromium.waiting(driver).until(d -> !d.findElements(By.cssSelector("dialog[open]")).isEmpty());
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                + rule.getNodes().stream().map(node -> "    " + node.getTarget() + "  " + node.getFailureSummary())
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }
}
