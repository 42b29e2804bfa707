package io.basira.server.dashboard;

import static io.basira.server.dashboard.BrowserPages.NARROW;
import static io.basira.server.dashboard.BrowserPages.WIDE;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.demo.DemoStoreGenerator;
import io.basira.demo.DemoStoreSpec;
import io.basira.server.cards.jdbc.CustomerSort;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in the system's headless Chromium against the running server, on H2 with a small
 * demo store: sign in, search customers, open a card, switch language, upload an import and read
 * its report; then every page in both languages at 1280 and 390 px, checked for horizontal
 * scrolling and unlabelled inputs and saved under {@code target/screenshots/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2026-03-31T09:00:00Z", "basira.demo.enabled=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    static ChromeDriver browser;
    static DashboardFixture fixture;
    static String importJobPath;

    @LocalServerPort
    int port;

    BrowserPages pages;

    @Autowired
    ImportFolder importer;

    @Autowired
    JdbcStores stores;

    @Autowired
    AddDashboardUser addUser;

    @Autowired
    JdbcCustomerQueries customers;

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
            Path folder = Files.createTempDirectory("basira-browser-store");
            new DemoStoreGenerator()
                    .write(
                            DemoStoreSpec.defaults()
                                    .withCustomers(120)
                                    .withOrders(400)
                                    .withPeriod(LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31)),
                            folder);
            fixture = DashboardFixture.create(importer, stores, addUser, folder, "متجر المتصفح");
        }
    }

    @Test
    @Order(1)
    void signs_in_through_the_arabic_form() {
        pages.open("/login?lang=ar");
        assertThat(pages.direction()).isEqualTo("rtl");
        for (int width : new int[] {WIDE, NARROW}) {
            for (String lang : new String[] {"ar", "en"}) {
                pages.open("/login?lang=" + lang);
                pages.checkLayout("login", lang, width);
            }
        }
        pages.resize(WIDE);
        pages.open("/login?lang=ar");
        browser.findElement(By.id("email")).sendKeys(fixture.ownerEmail());
        browser.findElement(By.id("password")).sendKeys(fixture.ownerPassword(), Keys.ENTER);
        pages.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-kpi=customers]")));
        assertThat(browser.findElement(By.cssSelector("[data-kpi=customers]")).getText())
                .isEqualTo("120");
        assertThat(browser.findElements(By.cssSelector("#orders-chart canvas"))).isNotEmpty();
    }

    @Test
    @Order(2)
    void searches_customers_as_one_types() {
        var best = customers
                .page(fixture.store().id(), null, CustomerSort.TOTAL_SPENT, true, 0, 1)
                .items()
                .get(0);
        pages.open("/customers");
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys(best.customer().externalId());
        pages.waitFor()
                .until(d -> d.findElements(By.cssSelector("#results tbody tr")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#results .customer-link"))
                        .getText())
                .isEqualTo(best.customer().externalId());
        assertThat(browser.getCurrentUrl()).contains("q=" + best.customer().externalId());
    }

    @Test
    @Order(3)
    void opens_a_member_card_from_the_list() {
        pages.open("/customers?sort=order_count&direction=desc");
        WebElement first = browser.findElement(By.cssSelector("#results .customer-link"));
        String id = first.getText();
        first.click();
        pages.waitFor().until(ExpectedConditions.urlContains("/customers/" + id));
        assertThat(browser.findElement(By.cssSelector("[data-field=order_count] dd"))
                        .getText())
                .isNotEqualTo("0");
        assertThat(browser.findElements(By.cssSelector(".timeline > li"))).isNotEmpty();
        assertThat(browser.findElement(By.id("groups-title")).getText()).isEqualTo("المجموعات");
    }

    @Test
    @Order(4)
    void switches_language_and_direction_with_one_click() {
        pages.open("/customers?lang=ar");
        assertThat(pages.direction()).isEqualTo("rtl");
        browser.findElement(By.cssSelector(".lang-switch")).click();
        pages.waitFor().until(d -> "ltr".equals(pages.direction()));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Customers");
        browser.findElement(By.cssSelector(".lang-switch")).click();
        pages.waitFor().until(d -> "rtl".equals(pages.direction()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("العملاء");
    }

    @Test
    @Order(5)
    void uploads_an_import_and_reads_the_report_of_its_bad_rows() throws IOException {
        Path folder = Files.createTempDirectory("basira-browser-upload");
        Path customersCsv = Files.writeString(
                folder.resolve("customers.csv"),
                "customer_id,first_name,created_at\nNEW-1,ليلى,2026-01-05\n",
                StandardCharsets.UTF_8);
        Path ordersCsv = Files.writeString(
                folder.resolve("orders.csv"),
                "order_id,customer_id,created_at,status,total\n"
                        + "NEW-O1,NEW-1,2026-02-01,completed,10.00\nNEW-O2,NEW-1,2026-02-02,completed,-5.00\n"
                        + "NEW-O3,NEW-1,yesterday,shipped,10.00\n",
                StandardCharsets.UTF_8);
        pages.open("/import");
        browser.findElement(By.id("files")).sendKeys(customersCsv + "\n" + ordersCsv);
        browser.findElement(By.cssSelector("form button[type=submit].primary")).click();
        pages.waitFor().until(d -> {
            List<WebElement> status = d.findElements(By.cssSelector("#job-status[data-state=refused]"));
            return !status.isEmpty();
        });
        // every problem in the page's language (Arabic), its place as in the file (issue 14, item 5)
        assertThat(browser.findElement(By.cssSelector(".errors")).getText().replaceAll("[\u2068\u2069]", ""))
                .contains("orders.csv:3: total: «-5.00» سالب: لا يكون المبلغ أقل من صفر")
                .contains("orders.csv:4: created_at: «yesterday» ليس تاريخًا ووقتًا")
                .contains("orders.csv:4: status: «shipped» ليست حالة طلب معروفة")
                .doesNotContain("is negative");
        assertThat(browser.findElements(By.cssSelector("#import-errors [lang=en]")))
                .isEmpty();
        importJobPath =
                browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/import/jobs/"));
    }

    @Test
    @Order(6)
    void the_skip_link_is_the_first_stop_of_the_keyboard() {
        pages.open("/customers");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("skip-link");
        assertThat(focused.getRect().getY()).isGreaterThanOrEqualTo(0);
        focused.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }

    @Test
    @Order(7)
    void every_page_in_both_languages_fits_both_widths_and_labels_its_inputs() {
        String card = "/customers/"
                + customers
                        .page(fixture.store().id(), null, CustomerSort.ORDER_COUNT, true, 0, 1)
                        .items()
                        .get(0)
                        .customer()
                        .externalId();
        List<String[]> views = new ArrayList<>(List.of(
                new String[] {"overview", "/"},
                new String[] {"customers", "/customers"},
                new String[] {"customer", card},
                new String[] {"groups", "/groups"},
                new String[] {"policies", "/policies"},
                new String[] {"analytics", "/analytics"},
                new String[] {"import", "/import"}));
        if (importJobPath != null) {
            views.add(new String[] {"import-report", importJobPath});
        }
        for (int width : new int[] {WIDE, NARROW}) {
            for (String lang : new String[] {"ar", "en"}) {
                for (String[] page : views) {
                    pages.open(page[1] + (page[1].contains("?") ? "&" : "?") + "lang=" + lang);
                    assertThat(pages.direction()).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
                    pages.checkLayout(page[0], lang, width);
                }
            }
        }
        pages.resize(WIDE);
    }
}
