package nl.proeftuin.distribution.ui;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven by Selenium through {@code /usr/bin/chromedriver}. Where they
 * are missing the browser tests are skipped, except in CI ({@code CI=true}), where that is a failure.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("proeftuin.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("proeftuin.chromedriver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * A wait of {@link #WAIT} that looks again when an element it read was replaced meanwhile: the pages re-render
     * (after loading their texts, on a language switch), and an element found just before is then stale.
     */
    static org.openqa.selenium.support.ui.FluentWait<WebDriver> waiting(WebDriver driver) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private Chromium() {
    }

    /** Skips the test (fails it in CI) when Chromium or chromedriver is not installed. */
    static void require() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "the dashboard's browser tests need Chromium at " + BROWSER + " and chromedriver at " + DRIVER
                + " (apt-get install -y chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + message);
        }
        assumeTrue(false, message);
    }

    /** A fresh headless browser with a profile of its own. */
    static ChromeDriver start(Path profile, int width, int height) throws IOException {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=nl-NL", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return driver;
    }

    static Object script(WebDriver driver, String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Waits until the page has been rendered by the dashboard's router (or has failed). */
    static void awaitPage(WebDriver driver, String page) {
        waiting(driver).withMessage(() -> "page " + page + " to be ready; at " + driver.getCurrentUrl()
                + ", main: " + mainState(driver)).until(d -> {
                    List<org.openqa.selenium.WebElement> main = d.findElements(By.cssSelector("main#content"));
                    return !main.isEmpty() && page.equals(main.get(0).getDomAttribute("data-page"))
                            && "ready".equals(main.get(0).getDomAttribute("data-state"))
                            && main.get(0).getDomAttribute("data-updating") == null;
                });
    }

    /** Brings every chart into view once (they draw when seen) and waits until all have been drawn. */
    static void awaitCharts(WebDriver driver) {
        script(driver, "document.querySelectorAll('.chart').forEach(c => c.scrollIntoView({block: 'center'}));"
                + "window.scrollTo(0, 0);");
        waiting(driver).withMessage("every chart to be drawn").until(d -> (Boolean) script(d,
                "return Array.from(document.querySelectorAll('.chart')).every(c => c.dataset.drawn === 'true'"
                        + " || (c.scrollIntoView({block: 'center'}), false));"));
        script(driver, "window.scrollTo(0, 0);");
    }

    private static String mainState(WebDriver driver) {
        Object state = script(driver, "const m = document.querySelector('main#content');"
                + "return m ? m.dataset.page + '/' + m.dataset.state + ': ' + m.innerText.slice(0, 300) : 'none';");
        return String.valueOf(state);
    }
}
