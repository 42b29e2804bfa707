package io.basira.server.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium for browser tests (docs/dashboard.md). Paths come from
 * {@code BASIRA_CHROMIUM} / {@code BASIRA_CHROMEDRIVER} or Debian's defaults, and are given to
 * Selenium explicitly so Selenium Manager never downloads anything. Without them the tests are
 * skipped with a message (CI installs them and fails on skipped browser tests).
 */
public final class Chromium {

    private Chromium() {}

    public static ChromeDriver start() throws IOException {
        return start(new String[0]);
    }

    /** With these arguments added (a storefront test passes itself off as an ordinary browser). */
    public static ChromeDriver start(String... extraArguments) throws IOException {
        Path binary = Path.of(env("BASIRA_CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(env("BASIRA_CHROMEDRIVER", "/usr/bin/chromedriver"));
        Assumptions.assumeTrue(
                Files.isExecutable(binary) && Files.isExecutable(driver),
                "browser tests skipped: Chromium (" + binary + ") or chromedriver (" + driver + ") is not installed; "
                        + "apt-get install -y chromium chromium-driver");
        Path profile = Files.createTempDirectory("basira-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + profile,
                "--lang=en-US");
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
