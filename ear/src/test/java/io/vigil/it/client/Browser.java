package io.vigil.it.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium for the console tests, and signing in and out through the real Keycloak login page. */
final class Browser implements AutoCloseable {

    final WebDriver driver;
    final WebDriverWait wait;
    /** Who the browser is signed in as, so that a test after a failed one never runs as the wrong person. */
    private String signedInAs;

    Browser() {
        this(new String[0]);
    }

    /** With more Chromium flags, for example fake media devices. */
    Browser(String... moreArguments) {
        // the driver path is set, so Selenium Manager never tries to download a browser
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("vigil.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("vigil.chromium", "/usr/bin/chromium"));
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1000",
                    "--user-data-dir=" + Files.createTempDirectory("vigil-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.addArguments(moreArguments);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, options);
        // ajax updates replace elements while a condition reads them: such a read is simply tried again
        wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
    }

    /** Opens a console path; when Keycloak asks, signs in as this demo user. */
    void open(String path, String username) {
        if (signedInAs != null && !signedInAs.equals(username)) {
            driver.get(TestStack.baseUrl() + "/");
            signOut();
        }
        driver.get(TestStack.baseUrl() + path);
        wait.until(d -> d.getCurrentUrl().contains("/realms/vigil/") || d.getCurrentUrl().startsWith(TestStack.baseUrl()));
        if (driver.getCurrentUrl().contains("/realms/vigil/")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(TestStack.demoPassword());
            driver.findElement(By.id("kc-login")).click();
            wait.until(d -> d.getCurrentUrl().startsWith(TestStack.baseUrl()));
            // after sign-in the console starts at the person's start page; go on to the page asked for
            driver.get(TestStack.baseUrl() + path);
        }
        signedInAs = username;
    }

    void signOut() {
        signedInAs = null;
        driver.findElement(By.id("sign-out")).click();
        wait.until(d -> d.getCurrentUrl().contains("/realms/vigil/") || d.findElements(By.id("username")).size() > 0
                || d.getCurrentUrl().equals(TestStack.baseUrl() + "/"));
    }

    /** For docs/console.md: the page as it is now, written to docs/images when the tests run from the source tree. */
    void screenshot(String name) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir.resolve("docs/images"));
            Files.write(dir.resolve("docs/images/" + name),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
