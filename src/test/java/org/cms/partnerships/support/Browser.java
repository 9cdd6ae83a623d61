package org.cms.partnerships.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver ({@code apt-get install chromium
 * chromium-driver}; {@code .ci/run} installs them). Both paths are set explicitly, so Selenium never
 * downloads a browser or a driver. Without Chromium the browser tests are skipped with that message,
 * except on CI (environment variable {@code CI} set), where they fail.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Starts Chromium for the application at {@code base}, or skips the calling test class (fails on CI). */
    public static Browser startOrSkip(String base) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install -y chromium chromium-driver";
        if (!installed && System.getenv("CI") != null) {
            Assertions.fail(missing);
        }
        Assumptions.assumeTrue(installed, missing + "; skipping the browser tests");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, base);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code path} of the application. */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** A fresh browser session: no login, no cookies. */
    public void forgetSession() {
        driver.get(base + "/camunda/app/welcome/default/");
        driver.manage().deleteAllCookies();
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public WebElement await(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void awaitPath(String pathAndQuery) {
        try {
            waiting().withMessage(() -> "expected " + pathAndQuery + ", at " + driver.getCurrentUrl())
                    .until(d -> d.getCurrentUrl().equals(base + pathAndQuery));
        } catch (RuntimeException e) {
            screenshot("failed-at-" + pathAndQuery.replaceAll("[^A-Za-z0-9-]", "_"));
            throw e;
        }
    }

    /** Clicks the element in the middle of the window (Tasklist's footer and notifications cover its bottom). */
    public void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        waiting().until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /**
     * Logs in on the webapps' login page, which the browser is on or is going to. AngularJS may render the
     * login view again right after it appears (typing then lands in a view that is replaced), and after a
     * refused attempt the webapps delay the next one: so the fields are filled and checked, and an attempt
     * the page refuses is made again after the delay.
     */
    public void logInOnWebappsLoginPage(String user, String password) {
        By name = By.cssSelector("input[ng-model='username']");
        By secret = By.cssSelector("form input[type='password'][ng-model='password']");
        for (int attempt = 1; ; attempt++) {
            await(name);
            waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                type(d.findElement(name), user);
                type(d.findElement(secret), password);
                return user.equals(d.findElement(name).getAttribute("value"))
                        && password.equals(d.findElement(secret).getAttribute("value"));
            });
            driver.findElement(secret).sendKeys(org.openqa.selenium.Keys.ENTER);
            String outcome = new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                    !d.getCurrentUrl().contains("#/login") ? "logged in"
                            : d.findElements(By.xpath("//*[contains(., 'Login Failed')]")).isEmpty() ? null : "refused");
            if ("logged in".equals(outcome) || attempt == 3) {
                return;
            }
            driver.navigate().refresh();
            sleep(Duration.ofSeconds(3));
        }
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String text(By locator) {
        return await(locator).getText();
    }

    /** Saves a screenshot under target/browser-screenshots/{name}.png, to look at the pages. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What an accessibility checker would flag on the page in the browser: the checks of
     * {@code accessibility-check.js} (language, one h1, heading order, labels, table headers, link text,
     * skip link, text contrast of at least 4.5:1, 3:1 for large text). Empty when the page passes.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityProblems() {
        try (var script = Browser.class.getResourceAsStream("/accessibility-check.js")) {
            String js = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            return (List<String>) ((JavascriptExecutor) driver).executeScript(js);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
