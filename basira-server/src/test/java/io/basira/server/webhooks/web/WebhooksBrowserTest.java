package io.basira.server.webhooks.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.dashboard.BrowserPages;
import io.basira.server.dashboard.Chromium;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.security.Role;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import io.basira.server.webhooks.StandardWebhooksVerifier;
import io.basira.server.webhooks.WebhookReceiver;
import io.basira.shared.Store;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhooks page in headless Chromium, with the server's own dispatch loop sending to a receiver on loopback:
 * register an endpoint through the form, copy the secret shown once, send a test event with the button (htmx
 * replaces the log) and watch it become delivered; then both pages in both languages at both widths.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.demo.enabled=false", "basira.webhooks.allow-private-addresses=true"})
class WebhooksBrowserTest {

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

    @Test
    void a_merchant_adds_an_endpoint_and_sends_it_a_test_event() {
        Store store = stores.create(
                "hooks-" + UUID.randomUUID().toString().substring(0, 8),
                "متجر الويب هوك",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        AddDashboardUser.Added owner = users.add(store.id(), "owner@" + store.slug() + ".test", Role.OWNER);
        BrowserPages pages = new BrowserPages(browser, port);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            pages.signIn(owner.user().email(), owner.password());
            pages.open("/webhook-endpoints?lang=en");
            browser.findElement(By.id("url")).sendKeys(receiver.url("/browser"));
            browser.findElement(By.id("description")).sendKeys("CRM");
            browser.findElement(By.cssSelector("input[name=event_types][value='group.entered']"))
                    .click();
            browser.findElement(By.id("save")).click();

            String secret = pages.waitFor()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#secret code")))
                    .getText();
            assertThat(secret).startsWith("whsec_");
            String page = browser.getCurrentUrl().replaceAll("\\?.*$", "");
            pages.checkLayout("webhook-endpoint-secret", "en", BrowserPages.WIDE);

            browser.findElement(By.id("send-test")).click();
            pages.waitFor()
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#delivery-log tr[data-status]")));
            pages.waitFor().until(d -> !receiver.at("/browser").isEmpty()); // the server's loop sent it
            browser.findElement(By.id("refresh-log")).click();
            pages.waitFor()
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("delivery-log"))
                                            .findElements(By.cssSelector("tr[data-status=delivered]"))
                                            .size()
                                    == 1
                            && d.findElement(By.id("delivery-log")).getText().contains("200"));
            assertThat(browser.findElement(By.id("delivery-log")).getText()).contains("webhook.test");
            WebhookReceiver.Request got = receiver.at("/browser").get(0);
            assertThat(StandardWebhooksVerifier.verifies(
                            secret, got.id(), got.timestamp(), got.body(), got.signature()))
                    .isTrue();

            pages.open(page.replaceAll("^https?://[^/]+", ""));
            assertThat(browser.findElements(By.id("secret")))
                    .as("the secret is shown once")
                    .isEmpty();
            pages.everyWay("webhooks", "/webhook-endpoints");
            pages.everyWay("webhook-endpoint", page.replaceAll("^https?://[^/]+", ""));
        }
    }
}
