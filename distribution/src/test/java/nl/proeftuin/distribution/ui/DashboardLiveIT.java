package nl.proeftuin.distribution.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * End to end, as a person uses it: the built distribution starts without pilots; the admin logs in through the login
 * page; in one tab the overview is open, in another a pilot JAR is uploaded through the admin page's file input. The overview shows the new region without a
 * reload (live, over server-sent events), and its KPI page shows the chart's data table.
 */
class DashboardLiveIT {

    private static final String PILOT = "proeftuin-pilot-zeeland";

    @TempDir
    Path temp;

    private Platform platform;
    private ChromeDriver driver;

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aPilotUploadedInTheAdminPageAppearsOnTheOpenOverviewWithoutAReload() throws java.io.IOException {
        Chromium.require();
        try {
            platform = Platform.start(temp.resolve("home"));
            driver = Chromium.start(temp.resolve("profile"), 1280, 900);
        } catch (Exception e) {
            throw new AssertionError("the platform or the browser did not start", e);
        }

        // tab 1: log in, and land on the overview of a platform without pilots
        Login.as(driver, platform, Platform.ADMIN, Platform.ADMIN_PASSWORD);
        assertThat(driver.findElements(By.cssSelector(".region-card"))).isEmpty();
        String overviewTab = driver.getWindowHandle();
        Object loadId = Chromium.script(driver, "return window.proeftuinLoadId;");
        assertThat(loadId).isNotNull();
        Chromium.waiting(driver).withMessage("the live connection")
                .until(d -> "open".equals(d.findElement(By.cssSelector(".live-status")).getDomAttribute("data-state")));
        // every announcement, since a later update (the pilot's data arriving) may say something else after it
        Chromium.script(driver, "window.announced = []; const region = document.getElementById('announcer');"
                + "new MutationObserver(() => region.textContent && window.announced.push(region.textContent))"
                + ".observe(region, {childList: true, characterData: true, subtree: true});");

        // tab 2: to the admin page through the navigation, and upload the pilot with the page's file input
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(platform.url("/ui/"));
        Chromium.awaitPage(driver, "overview");
        driver.findElement(By.cssSelector("nav.site-nav a[data-page=admin]")).click();
        Chromium.awaitPage(driver, "admin");
        driver.findElement(By.id("upload-file")).sendKeys(Platform.examplePilot(PILOT).toString());
        driver.findElement(By.id("upload-file-submit")).click();
        Chromium.waiting(driver).withMessage("the upload to be confirmed").until(d -> {
            List<WebElement> done = d.findElements(By.cssSelector(".success-message"));
            return !done.isEmpty() && done.get(0).getText().contains("nl.proeftuin.pilot.zeeland");
        });
        Chromium.waiting(driver).withMessage("the pilot in the bundle table").until(d ->
                d.findElements(By.cssSelector(".bundle-table tbody tr")).stream().anyMatch(row -> row.getText().contains("Actief")));

        // tab 1: the region appears by itself
        driver.switchTo().window(overviewTab);
        Chromium.waiting(driver).withMessage("Zeeland to appear on the open overview").until(d ->
                !d.findElements(By.cssSelector(".region-card[data-region=zeeland]")).isEmpty());
        assertThat(Chromium.script(driver, "return window.proeftuinLoadId;")).as("the overview was not reloaded").isEqualTo(loadId);
        assertThat(driver.findElement(By.cssSelector(".region-card[data-region=zeeland] h3")).getText()).isEqualTo("Zeeland");
        Chromium.waiting(driver).withMessage("the new region to be announced").until(d ->
                ((List<?>) Chromium.script(d, "return window.announced;")).contains("Regio Zeeland is toegevoegd aan het overzicht."));

        // on to the region and one of its KPIs, client-side
        driver.findElement(By.cssSelector(".region-card[data-region=zeeland] h3 a")).click();
        Chromium.awaitPage(driver, "region");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Zeeland");
        driver.findElement(By.cssSelector("a[href='/ui/indicator/zeeland-woningen-geisoleerd']")).click();
        Chromium.awaitPage(driver, "kpi");
        assertThat(driver.getCurrentUrl()).endsWith("/ui/indicator/zeeland-woningen-geisoleerd");
        assertThat(Chromium.script(driver, "return window.proeftuinLoadId;")).as("no reload on the way").isEqualTo(loadId);

        // the chart's data table: a row with a period and a measured value
        WebElement table = driver.findElement(By.cssSelector(".kpi-history .data-table"));
        assertThat(table.findElement(By.tagName("caption")).getText()).contains("Woningen geïsoleerd");
        assertThat(table.findElements(By.cssSelector("thead th")).get(1).getText()).startsWith("Gemeten");
        List<List<String>> rows = table.findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(rows).as("rows of the chart's table").anySatisfy(cells -> {
            assertThat(cells.get(0)).as("period").matches("\\d{1,2} \\p{L}+\\.? \\d{4}");
            assertThat(cells.get(1)).as("measured value").matches("\\d{1,3}(\\.\\d{3})*(,\\d+)?");
        });
        Latest latest = Latest.of(platform, "zeeland-woningen-geisoleerd");
        assertThat(rows).as("the latest measurement, %s", latest).anySatisfy(cells -> {
            assertThat(cells.get(0)).contains(latest.period().substring(0, 4));
            assertThat(cells.get(1)).isEqualTo(latest.value("nl-NL"));
        });
        assertThat((List<?>) Chromium.script(driver, "return window.proeftuinErrors;")).as("script errors").isEmpty();
    }
}
