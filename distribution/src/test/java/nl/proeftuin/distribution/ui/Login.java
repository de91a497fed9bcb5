package nl.proeftuin.distribution.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Logging in through the dashboard's own login page ({@code /ui/login}), as a person does. */
final class Login {

    private Login() {
    }

    /** Opens the login page, logs in and waits for the overview, where a login without {@code next} leads. */
    static void as(WebDriver driver, Platform platform, String username, String password) {
        driver.get(platform.url("/ui/login"));
        Chromium.awaitPage(driver, "login");
        submit(driver, username, password);
        Chromium.waiting(driver).withMessage(() -> "the login of " + username + " to lead away from the "
                + "login page; at " + driver.getCurrentUrl() + ": " + driver.findElement(By.tagName("main")).getText())
                .until(d -> !d.getCurrentUrl().contains("/ui/login"));
        Chromium.awaitPage(driver, "overview");
    }

    /** Fills in the login form on the page shown and sends it. */
    static void submit(WebDriver driver, String username, String password) {
        WebElement name = driver.findElement(By.id("login-username"));
        name.clear();
        name.sendKeys(username);
        WebElement secret = driver.findElement(By.id("login-password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
    }

    /** Waits until the login page shows its error summary, and returns its text. */
    static String awaitError(WebDriver driver) {
        Chromium.waiting(driver).withMessage("the login page's error summary")
                .until(d -> !d.findElements(By.cssSelector(".login-form .error-summary")).isEmpty());
        return driver.findElement(By.cssSelector(".login-form .error-summary")).getText();
    }
}
