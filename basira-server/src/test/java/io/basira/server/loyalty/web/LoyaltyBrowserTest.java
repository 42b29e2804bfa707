package io.basira.server.loyalty.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.dashboard.BrowserPages;
import io.basira.server.dashboard.Chromium;
import io.basira.server.loyalty.LoyaltyService;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.security.Role;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The loyalty program form in headless Chromium (docs/loyalty.md, "Dashboard"): an owner switches the program on,
 * sets the rate, a tier with its perks and a reward in Arabic, saves, sees it again; a value out of range is
 * refused in Arabic with what was typed kept; then the page in both languages at both widths (screenshots in
 * target/screenshots).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.demo.enabled=false"})
class LoyaltyBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    AddDashboardUser users;

    @Autowired
    LoyaltyService loyalty;

    @BeforeAll
    static void startChromium() throws IOException {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    @Test
    void an_owner_sets_up_the_program_in_arabic_and_a_wrong_value_is_refused_in_arabic() {
        Store store = stores.create(
                "loyal-" + UUID.randomUUID().toString().substring(0, 8),
                "متجر الولاء",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        AddDashboardUser.Added owner = users.add(store.id(), "owner@" + store.slug() + ".test", Role.OWNER);
        BrowserPages pages = new BrowserPages(browser, port);
        pages.signIn(owner.user().email(), owner.password());
        pages.open("/loyalty");
        // no start set: the field is empty (not 01/01/1970 03:00), with its placeholder in Arabic
        WebElement startsAt = browser.findElement(By.id("starts_at"));
        assertThat(startsAt.getAttribute("value")).isEmpty();
        assertThat(startsAt.getAttribute("placeholder")).isEqualTo("سنة-شهر-يوم ساعة:دقيقة");
        pages.checkLayout("loyalty-unset", "ar", BrowserPages.NARROW);
        pages.checkLayout("loyalty-unset", "ar", BrowserPages.WIDE);
        browser.findElement(By.id("enabled")).click();
        type("earn_points", "٢");
        type("earn_per", "1.00");
        type("signup_points", "20");
        type("review_points", "٥");
        new Select(browser.findElement(By.id("tier_basis"))).selectByValue("spend_12m");
        type("tier-0-name", "فضي");
        type("tier-0-threshold", "0");
        type("tier-1-name", "ذهبي");
        type("tier-1-threshold", "5000");
        type("tier-1-multiplier", "1.5");
        browser.findElement(By.id("tier-1-free-shipping")).click();
        type("free_shipping_points", "300");
        browser.findElement(By.id("save-program")).click();
        pages.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("program-saved")));
        assertThat(loyalty.program(store).enabled()).isTrue();
        assertThat(loyalty.program(store).earnPoints()).isEqualTo(2);
        assertThat(loyalty.program(store).tierNamed("ذهبي").freeShipping()).isTrue();
        assertThat(browser.findElement(By.id("tier-1-name")).getAttribute("value"))
                .isEqualTo("ذهبي");
        assertThat(browser.findElement(By.id("signup_points")).getAttribute("value"))
                .isEqualTo("20");
        assertThat(loyalty.program(store).reviewPoints()).isEqualTo(5);
        assertThat(loyalty.program(store).startsAt())
                .as("saved unchanged: still unset")
                .isEqualTo(Instant.EPOCH);
        assertThat(browser.findElement(By.id("starts_at")).getAttribute("value"))
                .isEmpty();
        pages.checkLayout("loyalty-saved", "ar", BrowserPages.WIDE);

        // a start typed year first, with Arabic-Indic digits, is kept and shown back year first
        type("starts_at", "٢٠٢٦-٠٣-٠١ ٠٩:٠٠");
        browser.findElement(By.id("save-program")).click();
        pages.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("program-saved")));
        assertThat(loyalty.program(store).startsAt()).isEqualTo(Instant.parse("2026-03-01T06:00:00Z"));
        assertThat(browser.findElement(By.id("starts_at")).getAttribute("value"))
                .isEqualTo("2026-03-01 09:00");
        type("starts_at", "");
        browser.findElement(By.id("save-program")).click();
        pages.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("program-saved")));
        assertThat(loyalty.program(store).startsAt()).as("emptied: unset again").isEqualTo(Instant.EPOCH);

        type("pending_days", "400");
        browser.findElement(By.id("save-program")).click();
        WebElement error = pages.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        assertThat(error.getText()).contains("أيام تعليق النقاط", "خارج المدى من");
        assertThat(browser.findElement(By.id("pending_days")).getAttribute("value"))
                .isEqualTo("400");
        pages.checkLayout("loyalty-refused", "ar", BrowserPages.NARROW);
        assertThat(loyalty.program(store).pendingDays()).isEqualTo(14);

        pages.everyWay("loyalty", "/loyalty");
    }
}
