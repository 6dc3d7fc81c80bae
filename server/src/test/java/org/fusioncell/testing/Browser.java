package org.fusioncell.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Debian Chromium driven by Selenium (no browser mocks, nothing downloaded:
 * {@code SE_OFFLINE}). Where Chromium is missing the test is skipped with a clear message, except on
 * CI ({@code CI=true}) where that is a failure.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("FUSIONCELL_CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Paths.get(System.getenv().getOrDefault("FUSIONCELL_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER + ")");
        }
        Assumptions.assumeTrue(present, "SKIPPED: browser tests need Debian's chromium and chromium-driver: "
                + "apt-get install chromium chromium-driver");
        System.setProperty("SE_OFFLINE", "true");
        try {
            Path profile = Files.createTempDirectory("fusioncell-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a Chromium profile directory", e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * A wait that polls through page changes: an element found just before the page it belongs to is
     * replaced goes stale, which is a reason to look again, not a failure.
     */
    public WebDriverWait waiting(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Saves a PNG screenshot under {@code target/screenshots/} and returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = Paths.get("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
