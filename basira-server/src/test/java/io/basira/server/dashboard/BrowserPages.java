package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the page-level browser tests share: signing in, waiting, and the layout check of every page
 * (no sideways scrolling, a label for every input, a full-page screenshot under {@code target/screenshots/}).
 */
public final class BrowserPages {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    public static final int WIDE = 1280;
    public static final int NARROW = 390;

    private final ChromeDriver browser;
    private final int port;

    public BrowserPages(ChromeDriver browser, int port) {
        this.browser = browser;
        this.port = port;
    }

    public void signIn(String email, String password) {
        resize(WIDE);
        open("/login?lang=ar");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-kpi=customers]")));
    }

    public void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    public WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    public String direction() {
        return browser.findElement(By.tagName("html")).getAttribute("dir");
    }

    public void resize(int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
    }

    /** Opens {@code path} in both languages at both widths, checks the layout and saves a screenshot of each. */
    public void everyWay(String name, String path) {
        for (int width : new int[] {WIDE, NARROW}) {
            for (String lang : new String[] {"ar", "en"}) {
                open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                assertThat(direction()).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
                checkLayout(name, lang, width);
            }
        }
        resize(WIDE);
    }

    /** The page shows Latin digits only, in both languages (docs/dashboard.md). */
    public void assertLatinDigits(String name, String lang) {
        String text = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
        assertThat(text)
                .as(name + " " + lang + ": Latin digits only")
                .doesNotContainPattern("[\u0660-\u0669\u06F0-\u06F9]");
    }

    public void checkLayout(String name, String lang, int width) {
        resize(width);
        JavascriptExecutor js = browser;
        waitFor().until(d -> "complete".equals(js.executeScript("return document.readyState")));
        Number overflow = (Number)
                js.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue())
                .as(name + " " + lang + " at " + width + " px scrolls sideways")
                .isLessThanOrEqualTo(0);
        Object unlabelled = js.executeScript("return Array.from(document.querySelectorAll('input, select, textarea'))"
                + ".filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                + ".map(e => e.id || e.name || e.className)");
        assertThat((List<?>) unlabelled).as(name + ": inputs without a label").isEmpty();
        // Chromium draws these in the browser's language (mm/dd/yyyy in an Arabic page): dates are typed text
        Object browserDates = js.executeScript("return Array.from(document.querySelectorAll("
                + "'input[type=date], input[type=datetime-local], input[type=month], input[type=week], input[type=time]'))"
                + ".map(e => e.id || e.name)");
        assertThat((List<?>) browserDates)
                .as(name + ": date and time fields drawn by the browser (docs/dashboard.md)")
                .isEmpty();
        screenshot(name, lang, width);
    }

    /** A full-page screenshot (up to 4000 px high) of the page as it is, {@code <name>-<lang>-<width>.png}. */
    public void screenshot(String name, String lang, int width) {
        JavascriptExecutor js = browser;
        Number height = (Number) js.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(width, Math.min(Math.max(height.intValue(), 700), 4000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(
                    SCREENSHOTS.resolve(name + "-" + lang + "-" + width + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        resize(width);
    }
}
