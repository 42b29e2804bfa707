package io.basira.server.checkout.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.demo.DemoStoreGenerator;
import io.basira.demo.DemoStoreSpec;
import io.basira.server.dashboard.BrowserPages;
import io.basira.server.dashboard.Chromium;
import io.basira.server.dashboard.DashboardFixture;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.server.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policies pages in headless Chromium: a free-shipping policy for the VIP group and a coupon made
 * through the forms (and seen by the API and in the audit), a refused form shows the API's reason, and
 * the checkout simulator gives a VIP customer free shipping naming the policy; every policies page in
 * both languages at both widths.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2026-03-31T09:00:00Z", "basira.demo.enabled=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoliciesBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    static ChromeDriver browser;
    static DashboardFixture fixture;
    static String vipCustomer;
    static String simulation;

    @LocalServerPort
    int port;

    @Autowired
    ImportFolder importer;

    @Autowired
    JdbcStores stores;

    @Autowired
    AddDashboardUser addUser;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    JsonMapper json;

    BrowserPages pages;
    Api api;

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

    @BeforeEach
    void demoStore() throws IOException {
        pages = new BrowserPages(browser, port);
        if (fixture == null) {
            Path folder = Files.createTempDirectory("basira-policies-store");
            new DemoStoreGenerator()
                    .write(
                            DemoStoreSpec.defaults()
                                    .withCustomers(120)
                                    .withOrders(600)
                                    .withPeriod(LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31)),
                            folder);
            fixture = DashboardFixture.create(importer, stores, addUser, folder, "متجر السياسات");
            api = new Api(
                    port, keys.create(fixture.store().id(), "browser").secret().value());
            assertThat(api.postJson("/api/v1/groups", "{\"template\": \"vip\"}").status())
                    .isEqualTo(201);
            JsonNode members =
                    json.readTree(api.get("/api/v1/groups/vip/members?size=1").body());
            vipCustomer = members.get("items").get(0).get("customer_id").asString();
            pages.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        }
        api = new Api(
                port, keys.create(fixture.store().id(), "browser").secret().value());
    }

    @Test
    @Order(1)
    void a_free_shipping_policy_for_vip_customers_is_made_through_the_form() {
        pages.open("/policies/new?lang=en");
        browser.findElement(By.id("name")).sendKeys("VIP ships free");
        new Select(browser.findElement(By.id("kind"))).selectByValue("free_shipping");
        assertThat(browser.findElement(By.id("percent")).isDisplayed())
                .as("fields of other kinds are hidden")
                .isFalse();
        browser.findElement(By.cssSelector("input[name=any_of][value=vip]")).click();
        browser.findElement(By.id("save")).click();
        pages.waitFor().until(ExpectedConditions.urlContains("/policies"));
        assertThat(browser.findElement(By.id("policies")).getText())
                .contains("VIP ships free", "Free shipping", "in كبار العملاء");
        JsonNode saved =
                json.readTree(api.get("/api/v1/checkout/policies").body()).get(0);
        assertThat(saved.get("kind").asString()).isEqualTo("free_shipping");
        assertThat(saved.get("groups").get("any_of").get(0).asString()).isEqualTo("vip");
    }

    @Test
    @Order(2)
    void a_coupon_is_made_and_a_refused_one_shows_the_reason() {
        pages.open("/policies/coupons/new?lang=en");
        browser.findElement(By.id("code")).sendKeys("welcome10");
        new Select(browser.findElement(By.id("benefit"))).selectByValue("percent_off");
        browser.findElement(By.id("percent")).sendKeys("10");
        browser.findElement(By.id("maximum_discount")).sendKeys("1.005");
        browser.findElement(By.id("save")).click();
        // the refusal is a new page: wait for it, not for the form still on screen
        pages.waitFor().until(d -> !d.findElements(By.id("form-error")).isEmpty());
        assertThat(browser.findElement(By.id("form-error")).getText()).contains("maximum_discount", "1.005");
        WebElement cap = browser.findElement(By.id("maximum_discount"));
        cap.clear();
        cap.sendKeys("50");
        browser.findElement(By.id("save")).click();
        pages.waitFor().until(d -> !d.findElements(By.id("coupon-list")).isEmpty());
        assertThat(browser.findElement(By.id("coupon-list")).getText()).contains("WELCOME10");
        pages.open("/policies/audit?lang=en");
        assertThat(browser.findElement(By.id("audit")).getText())
                .contains("dashboard:" + fixture.ownerEmail(), "WELCOME10");
    }

    @Test
    @Order(3)
    void the_simulator_gives_a_vip_customer_free_shipping_and_names_the_policy() {
        pages.open("/policies/simulator?lang=en");
        browser.findElement(By.id("customer_id")).sendKeys(vipCustomer);
        browser.findElement(By.id("product-0")).sendKeys("P1");
        WebElement quantity = browser.findElement(By.id("quantity-0"));
        quantity.clear();
        quantity.sendKeys("2");
        browser.findElement(By.id("price-0")).sendKeys("100.00");
        browser.findElement(By.id("add-line")).click();
        browser.findElement(By.id("product-3")).sendKeys("P2");
        browser.findElement(By.id("quantity-3")).sendKeys("1");
        browser.findElement(By.id("price-3")).sendKeys("50");
        browser.findElement(By.id("coupon_code")).sendKeys("WELCOME10");
        browser.findElement(By.id("shipping_fee")).sendKeys("25");
        browser.findElement(By.id("run")).click();
        pages.waitFor().until(d -> !d.findElements(By.id("decision")).isEmpty());
        WebElement shipping = browser.findElement(By.id("free-shipping"));
        assertThat(shipping.getAttribute("data-free")).isEqualTo("true");
        assertThat(shipping.findElement(By.cssSelector(".reason")).getText()).contains("VIP ships free");
        assertThat(browser.findElement(By.id("coupon-verdict")).getAttribute("data-reason"))
                .isEqualTo("valid");
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("SAR225.00");
        simulation = browser.getCurrentUrl()
                .substring(browser.getCurrentUrl().indexOf("/policies/simulator"))
                .replaceAll("&?lang=en", "");
        pages.open("/policies/simulator?anonymous=on&run=1&product_id=P1&quantity=1&unit_price=10&lang=en");
        assertThat(browser.findElement(By.id("free-shipping")).getAttribute("data-free"))
                .isEqualTo("false");
    }

    @Test
    @Order(4)
    void every_policies_page_fits_both_widths_in_both_languages() {
        long id = json.readTree(api.get("/api/v1/checkout/policies").body())
                .get(0)
                .get("id")
                .asLong();
        pages.everyWay("policies", "/policies");
        pages.everyWay("policy-editor", "/policies/" + id + "/edit");
        pages.everyWay("coupon-editor", "/policies/coupons/WELCOME10/edit");
        pages.everyWay("policies-audit", "/policies/audit");
        pages.everyWay("simulator", simulation);
    }

    /** Offer simulator (issue 18 item 4): the panel under the form follows the form and warns loudly. */
    @Test
    @Order(5)
    void the_policy_form_shows_reach_cost_and_the_loud_warning_before_saving_in_both_languages() {
        assertThat(api.postJson("/api/v1/groups", "{\"template\": \"low-basket\"}")
                        .status())
                .isEqualTo(201);
        for (String lang : new String[] {"en", "ar"}) {
            for (int width : new int[] {BrowserPages.WIDE, BrowserPages.NARROW}) {
                pages.resize(width);
                pages.open("/policies/new?lang=" + lang);
                new Select(browser.findElement(By.id("kind"))).selectByValue("percent_off");
                browser.findElement(By.id("percent")).sendKeys("30");
                browser.findElement(By.cssSelector("input[name=any_of][value=low-basket]"))
                        .click();
                try {
                    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60))
                            .until(d -> !d.findElements(By.cssSelector(
                                                    "#simulation [data-warning=anonymous_visitors_qualify]"))
                                            .isEmpty()
                                    && !d.findElements(By.id("sim-discount")).isEmpty());
                } catch (org.openqa.selenium.TimeoutException e) {
                    pages.screenshot("policy-simulation-failed", lang, width);
                    throw new AssertionError(
                            "the panel holds: "
                                    + browser.findElement(By.id("simulation")).getAttribute("innerHTML")
                                    + " | the form: "
                                    + browser.findElement(By.id("policy-form"))
                                            .getAttribute("outerHTML")
                                            .substring(0, 600),
                            e);
                }
                String warning = browser.findElement(By.cssSelector("[data-warning=anonymous_visitors_qualify]"))
                        .getText();
                assertThat(warning).startsWith(lang.equals("en") ? "EVERY ANONYMOUS VISITOR" : "كل زائر غير مسجّل");
                assertThat(browser.findElement(By.id("sim-anonymous")).getText())
                        .isEqualTo(lang.equals("en") ? "qualify" : "يستفيدون");
                assertThat(browser.findElement(By.id("sim-members")).getText()).contains(lang.equals("en") ? "%" : "٪");
                pages.checkLayout("policy-simulation", lang, width);
            }
        }
        // a policy for VIPs only: nobody anonymous, no loud warning; the panel follows the form as it changes
        pages.open("/policies/new?lang=en");
        new Select(browser.findElement(By.id("kind"))).selectByValue("percent_off");
        browser.findElement(By.id("percent")).sendKeys("30");
        browser.findElement(By.cssSelector("input[name=any_of][value=vip]")).click();
        pages.waitFor()
                .until(d -> !d.findElements(By.id("sim-anonymous")).isEmpty()
                        && d.findElement(By.id("sim-anonymous")).getText().equals("do not qualify"));
        assertThat(browser.findElements(By.cssSelector("[data-warning=anonymous_visitors_qualify]")))
                .isEmpty();

        pages.open("/policies/coupons/new?lang=ar");
        browser.findElement(By.id("percent")).sendKeys("10");
        pages.waitFor().until(d -> !d.findElements(By.id("sim-discount")).isEmpty());
        assertThat(browser.findElement(By.id("sim-discount")).getText())
                .as("amounts as the dashboard writes money")
                .contains("ر.س.")
                .doesNotContain("SAR");
        pages.checkLayout("coupon-simulation", "ar", BrowserPages.WIDE);
        pages.resize(BrowserPages.WIDE);
    }
}
