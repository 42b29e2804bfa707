package io.basira.server.dashboard;

import static io.basira.server.dashboard.BrowserPages.NARROW;
import static io.basira.server.dashboard.BrowserPages.WIDE;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.demo.DemoStoreGenerator;
import io.basira.demo.DemoStoreSpec;
import io.basira.server.importing.ImportFolder;
import io.basira.server.jdbc.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * The analytics pages, the overview's period figures and the card's predictions in the system's
 * headless Chromium, on H2 with a demo store: the card says "not refreshed" until the owner presses the
 * refresh button; every tab draws its charts and tables from the store's data; a customer opened from
 * the churn-risk list shows her predictions; and every new page in both languages at 1280 and 390 px,
 * checked for sideways scrolling and unlabelled inputs, saved under {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2026-03-31T09:00:00Z", "basira.demo.enabled=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    static ChromeDriver browser;
    static DashboardFixture fixture;
    static String churnCustomer;

    @LocalServerPort int port;
    BrowserPages pages;
    @Autowired ImportFolder importer;
    @Autowired JdbcStores stores;
    @Autowired AddDashboardUser addUser;

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
            Path folder = Files.createTempDirectory("basira-analytics-store");
            new DemoStoreGenerator().write(DemoStoreSpec.defaults().withCustomers(200).withOrders(900)
                    .withPeriod(LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31)), folder);
            fixture = DashboardFixture.create(importer, stores, addUser, folder, "متجر التحليلات");
        }
    }

    @Test
    @Order(1)
    void the_card_says_not_refreshed_until_the_owner_refreshes_the_analytics() {
        pages.resize(WIDE);
        pages.open("/login?lang=en");
        browser.findElement(By.id("email")).sendKeys(fixture.ownerEmail());
        browser.findElement(By.id("password")).sendKeys(fixture.ownerPassword(), Keys.ENTER);
        pages.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-kpi=customers]")));
        pages.open("/analytics/clv");
        String customer = browser.findElement(By.cssSelector("#churn-table .customer-link")).getText();
        pages.open("/customers/" + customer);
        assertThat(browser.findElement(By.id("predictions")).getText()).contains("Not refreshed yet");

        pages.open("/analytics/rfm");
        browser.findElement(By.id("refresh")).click();
        pages.waitFor().until(d -> !d.findElements(By.cssSelector("p.notice[role=status]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("p.notice[role=status]")).getText())
                .isEqualTo("Refreshed the analytics of 200 customers as of 31 Mar 2026.");
        assertThat(browser.getCurrentUrl()).endsWith("/analytics/rfm");
    }

    @Test
    @Order(2)
    void every_analysis_draws_its_charts_and_tables_from_the_store() {
        tab("pareto", "#pareto-chart", "#pareto-table tbody tr", 5);
        assertThat(browser.findElement(By.cssSelector("[data-kpi=buyers]")).getText()).isNotEqualTo("0");
        tab("cohorts", "#cohort-share-chart", "#cohort-table tbody tr", 12);
        assertThat(browser.findElements(By.cssSelector("#cohort-revenue-chart canvas"))).isNotEmpty();
        tab("rfm", "#rfm-chart", "#rfm-grid tbody tr", 5);
        assertThat(browser.findElements(By.cssSelector("#rfm-groups tbody tr"))).hasSize(11);
        assertThat(browser.findElement(By.cssSelector("#rfm-grid tbody tr:first-child td:last-child")).getAttribute("data-group"))
                .isEqualTo("champions");
        tab("types", "#types-chart", "#types-table tbody tr", 5);
        assertThat(browser.findElements(By.cssSelector("#regularity-chart canvas"))).isNotEmpty();
        tab("discounts", "#discount-split-chart", "#discount-table tbody tr", 3);
        assertThat(browser.findElements(By.cssSelector("#discount-distribution-chart canvas"))).isNotEmpty();
        tab("regions", "#regions-chart", "#regions-table tbody tr", 1);
        assertThat(browser.findElements(By.cssSelector("#cities-table tbody tr"))).isNotEmpty();
        tab("clv", "#clv-chart", "#churn-table tbody tr", 1);
        assertThat(browser.findElement(By.cssSelector("[data-kpi=clv-customers]")).getText()).isNotEqualTo("0");
    }

    @Test
    @Order(3)
    void the_period_form_changes_the_figures_and_a_bad_period_is_explained() {
        pages.open("/analytics/pareto?lang=en");
        String whole = browser.findElement(By.cssSelector("[data-kpi=buyers]")).getText();
        WebElement from = browser.findElement(By.id("from"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-03-01'", from);
        browser.findElement(By.cssSelector("form.period button[type=submit]")).click();
        pages.waitFor().until(ExpectedConditions.urlContains("from=2026-03-01"));
        assertThat(browser.findElement(By.cssSelector("[data-kpi=buyers]")).getText()).isNotEqualTo(whole);
        assertThat(browser.findElement(By.cssSelector(".tabs a[data-tab=rfm]")).getAttribute("href"))
                .contains("from=2026-03-01");
        pages.open("/analytics/pareto?from=2026-03-20&to=2026-03-01");
        assertThat(browser.findElement(By.cssSelector(".notice.error")).getText()).contains("from (2026-03-20) is after to");
    }

    @Test
    @Order(4)
    void a_customer_opened_from_the_churn_risk_list_shows_her_predictions() {
        pages.open("/analytics/clv?lang=en");
        browser.findElement(By.id("sort-value")).click();
        pages.waitFor().until(ExpectedConditions.urlContains("direction=asc"));
        assertThat(browser.findElement(By.cssSelector("th[aria-sort=ascending]")).getText()).contains("Predicted value");
        WebElement first = browser.findElement(By.cssSelector("#churn-table .customer-link"));
        churnCustomer = first.getText();
        first.click();
        pages.waitFor().until(ExpectedConditions.urlContains("/customers/" + churnCustomer));
        assertThat(browser.findElement(By.cssSelector("[data-field=churn_risk] dd")).getText()).isEqualTo("high");
        assertThat(browser.findElement(By.cssSelector("[data-field=rfm_group] dd")).getText()).isNotEqualTo("—");
        assertThat(browser.findElement(By.cssSelector("[data-field=predicted_value_12m] dd")).getText()).startsWith("SAR");
        assertThat(browser.findElement(By.id("predictions")).getText()).contains("As of the refresh of 31 Mar 2026");
    }

    @Test
    @Order(5)
    void the_overview_shows_the_period_figures_and_new_versus_returning_customers() {
        pages.open("/?lang=en");
        assertThat(browser.findElement(By.cssSelector("[data-kpi=period-orders]")).getText()).isNotEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("[data-kpi=period-repeat_purchase_rate]")).getText()).endsWith("%");
        assertThat(browser.findElements(By.cssSelector("#customers-chart canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#months-table tbody tr"))).hasSize(12);
    }

    @Test
    @Order(6)
    void every_new_page_in_both_languages_fits_both_widths_and_labels_its_inputs() {
        List<String[]> views = new java.util.ArrayList<>();
        views.add(new String[] {"overview-period", "/"});
        views.add(new String[] {"customer-predictions", "/customers/" + churnCustomer});
        for (String tab : AnalyticsPages.TABS) {
            views.add(new String[] {"analytics-" + tab, "/analytics/" + tab});
        }
        for (int width : new int[] {WIDE, NARROW}) {
            for (String lang : new String[] {"ar", "en"}) {
                for (String[] page : views) {
                    pages.open(page[1] + "?lang=" + lang);
                    assertThat(pages.direction()).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
                    pages.assertLatinDigits(page[0], lang);
                    pages.checkLayout(page[0], lang, width);
                }
            }
        }
        pages.resize(WIDE);
    }

    private void tab(String name, String chart, String rows, int minRows) {
        pages.open("/analytics/" + name + "?lang=en");
        pages.waitFor().until(d -> !d.findElements(By.cssSelector(chart + " canvas")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(rows))).as(name + " rows").hasSizeGreaterThanOrEqualTo(minRows);
        assertThat(browser.findElement(By.cssSelector(".tabs a[aria-current=page]")).getAttribute("data-tab")).isEqualTo(name);
    }
}
