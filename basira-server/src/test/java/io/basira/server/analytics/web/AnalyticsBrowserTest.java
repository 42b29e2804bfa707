package io.basira.server.analytics.web;

import static io.basira.server.dashboard.BrowserPages.NARROW;
import static io.basira.server.dashboard.BrowserPages.WIDE;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics pages, the overview's period figures and the card's predictions in the system's
 * headless Chromium, on H2 with a demo store: the card says "not refreshed" until the owner presses the
 * refresh button; every tab draws its charts and tables from the store's data; a customer opened from
 * the churn-risk list shows her predictions; and every new page in both languages at 1280 and 390 px,
 * checked for sideways scrolling and unlabelled inputs, saved under {@code target/screenshots/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2026-03-31T09:00:00Z", "basira.demo.enabled=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ChromeDriver browser;
    static DashboardFixture fixture;
    static String churnCustomer;

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
    JdbcApiKeys keys;

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
            new DemoStoreGenerator()
                    .write(
                            DemoStoreSpec.defaults()
                                    .withCustomers(200)
                                    .withOrders(900)
                                    .withPeriod(LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31)),
                            folder);
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
        String customer = browser.findElement(By.cssSelector("#churn-table .customer-link"))
                .getText();
        pages.open("/customers/" + customer);
        assertThat(browser.findElement(By.id("predictions")).getText()).contains("Not refreshed yet");

        pages.open("/analytics/rfm");
        browser.findElement(By.id("refresh")).click();
        pages.waitFor()
                .until(d ->
                        !d.findElements(By.cssSelector("p.notice[role=status]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("p.notice[role=status]")).getText())
                .isEqualTo("Refreshed the analytics of 200 customers as of 31 Mar 2026.");
        assertThat(browser.getCurrentUrl()).endsWith("/analytics/rfm");
    }

    @Test
    @Order(2)
    void every_analysis_draws_its_charts_and_tables_from_the_store() {
        tab("pareto", "#pareto-chart", "#pareto-table tbody tr", 5);
        assertThat(browser.findElement(By.cssSelector("[data-kpi=buyers]")).getText())
                .isNotEqualTo("0");
        tab("cohorts", "#cohort-share-chart", "#cohort-table tbody tr", 12);
        assertThat(browser.findElements(By.cssSelector("#cohort-revenue-chart canvas")))
                .isNotEmpty();
        tab("rfm", "#rfm-chart", "#rfm-grid tbody tr", 5);
        assertThat(browser.findElements(By.cssSelector("#rfm-groups tbody tr"))).hasSize(11);
        assertThat(browser.findElement(By.cssSelector("#rfm-grid tbody tr:first-child td:last-child"))
                        .getAttribute("data-group"))
                .isEqualTo("champions");
        tab("types", "#types-chart", "#types-table tbody tr", 5);
        assertThat(browser.findElements(By.cssSelector("#regularity-chart canvas")))
                .isNotEmpty();
        tab("discounts", "#discount-split-chart", "#discount-table tbody tr", 3);
        assertThat(browser.findElements(By.cssSelector("#discount-distribution-chart canvas")))
                .isNotEmpty();
        tab("regions", "#regions-chart", "#regions-table tbody tr", 1);
        assertThat(browser.findElements(By.cssSelector("#cities-table tbody tr")))
                .isNotEmpty();
        tab("clv", "#clv-chart", "#churn-table tbody tr", 1);
        assertThat(browser.findElement(By.cssSelector("[data-kpi=clv-customers]"))
                        .getText())
                .isNotEqualTo("0");
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
        assertThat(browser.findElement(By.cssSelector("[data-kpi=buyers]")).getText())
                .isNotEqualTo(whole);
        assertThat(browser.findElement(By.cssSelector(".tabs a[data-tab=rfm]")).getAttribute("href"))
                .contains("from=2026-03-01");
        pages.open("/analytics/pareto?from=2026-03-20&to=2026-03-01");
        assertThat(browser.findElement(By.id("period-error")).getText())
                .contains("From (20 Mar 2026) is after the end of the period (1 Mar 2026).");

        // in Arabic the dates are typed year first, the placeholder in Arabic (not Chromium's mm/dd/yyyy),
        // Arabic-Indic digits read
        pages.open("/analytics/pareto?lang=ar");
        for (String id : List.of("from", "to", "as_of")) {
            WebElement field = browser.findElement(By.id(id));
            assertThat(field.getAttribute("type")).as(id).isEqualTo("text");
            assertThat(field.getAttribute("placeholder")).as(id).isEqualTo("سنة-شهر-يوم");
        }
        pages.checkLayout("analytics-period", "ar", BrowserPages.NARROW);
        pages.checkLayout("analytics-period", "ar", BrowserPages.WIDE);
        browser.findElement(By.id("from")).sendKeys("٢٠٢٦-٠٣-٠١");
        browser.findElement(By.cssSelector("form.period button[type=submit]")).click();
        pages.waitFor().until(ExpectedConditions.urlContains("from="));
        assertThat(browser.findElements(By.id("period-error"))).isEmpty();
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo("٢٠٢٦-٠٣-٠١");
        pages.open("/analytics/pareto?lang=ar&from=2026-13-01");
        assertThat(browser.findElement(By.id("period-error")).getText()).contains("سنة-شهر-يوم");

        // «مجموعات RFM», the caption of a table shown as cards on a phone, stays on one line at 390 px
        pages.open("/analytics/rfm?lang=ar");
        pages.resize(BrowserPages.NARROW);
        Number lines = (Number)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "const c = document.querySelector('#rfm-groups caption'); const s = getComputedStyle(c);"
                                        + "return (c.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)"
                                        + " - parseFloat(s.borderTopWidth) - parseFloat(s.borderBottomWidth)) / parseFloat(s.lineHeight);");
        assertThat(lines.doubleValue()).as("lines of the RFM groups' caption").isLessThan(1.5);
        pages.screenshot("analytics-rfm-caption", "ar", BrowserPages.NARROW);
        pages.resize(BrowserPages.WIDE);
        pages.open("/analytics/pareto?lang=en");
    }

    @Test
    @Order(4)
    void a_customer_opened_from_the_churn_risk_list_shows_her_predictions() {
        pages.open("/analytics/clv?lang=en");
        browser.findElement(By.id("sort-value")).click();
        pages.waitFor().until(ExpectedConditions.urlContains("direction=asc"));
        assertThat(browser.findElement(By.cssSelector("th[aria-sort=ascending]"))
                        .getText())
                .contains("Predicted value");
        WebElement first = browser.findElement(By.cssSelector("#churn-table .customer-link"));
        churnCustomer = first.getText();
        first.click();
        pages.waitFor().until(ExpectedConditions.urlContains("/customers/" + churnCustomer));
        assertThat(browser.findElement(By.cssSelector("[data-field=churn_risk] dd"))
                        .getText())
                .isEqualTo("high");
        assertThat(browser.findElement(By.cssSelector("[data-field=rfm_group] dd"))
                        .getText())
                .isNotEqualTo("—");
        assertThat(browser.findElement(By.cssSelector("[data-field=predicted_value_12m] dd"))
                        .getText())
                .startsWith("SAR");
        assertThat(browser.findElement(By.id("predictions")).getText()).contains("As of the refresh of 31 Mar 2026");
    }

    @Test
    @Order(5)
    void the_overview_shows_the_period_figures_and_new_versus_returning_customers() {
        pages.open("/?lang=en");
        assertThat(browser.findElement(By.cssSelector("[data-kpi=period-orders]"))
                        .getText())
                .isNotEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("[data-kpi=period-repeat_purchase_rate]"))
                        .getText())
                .endsWith("%");
        assertThat(browser.findElements(By.cssSelector("#customers-chart canvas")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#months-table tbody tr")))
                .hasSize(12);
    }

    @Test
    @Order(6)
    void every_analytics_page_shows_the_figures_of_the_api() {
        String period = "?lang=en&as_of=2026-03-31&from=2025-04-01&to=2026-03-31";
        String query = "?as_of=2026-03-31&from=2025-04-01&to=2026-03-31";
        String key = keys.create(fixture.store().id(), "analytics-browser-test")
                .secret()
                .value();
        Api api = new Api(port, key);
        Map<String, JsonNode> answers = new java.util.HashMap<>();
        for (String name : List.of("overview", "pareto", "cohorts", "rfm", "types", "discounts", "regions", "clv")) {
            Api.Response response = api.get("/api/v1/analytics/" + name + query);
            assertThat(response.status()).as(name).isEqualTo(200);
            answers.put(name, JSON.readTree(response.body()));
        }
        Set<String> compared = new java.util.TreeSet<>();

        pages.open("/" + period);
        JsonNode overview = answers.get("overview");
        assertThat(number("[data-kpi=period-orders]"))
                .isEqualTo(overview.get("orders").asLong())
                .isPositive();
        assertThat(number("[data-kpi=period-new_customers]"))
                .isEqualTo(overview.get("new_customers").asLong());
        compared.add("overview");

        pages.open("/analytics/pareto" + period);
        JsonNode pareto = answers.get("pareto");
        assertThat(number("#tab-pareto [data-kpi=buyers]"))
                .isEqualTo(pareto.get("buyers").asLong())
                .isPositive();
        JsonNode top20 = pareto.get("top")
                .valueStream()
                .filter(t -> t.get("percent").asInt() == 20)
                .findFirst()
                .orElseThrow();
        List<WebElement> paretoRows = browser.findElements(By.cssSelector("#pareto-table tbody tr"));
        assertThat(paretoRows)
                .extracting(row -> cell(row, 1))
                .contains(top20.get("customers").asLong());
        compared.add("pareto");

        pages.open("/analytics/cohorts" + period);
        JsonNode cohorts = answers.get("cohorts").get("cohorts");
        List<WebElement> cohortRows = browser.findElements(By.cssSelector("#cohort-table tbody tr"));
        assertThat(cohortRows).hasSize(cohorts.size());
        assertThat(cohortRows.stream().mapToLong(row -> cell(row, 0)).sum())
                .isEqualTo(cohorts.valueStream()
                        .mapToLong(c -> c.get("customers").asLong())
                        .sum())
                .isPositive();
        compared.add("cohorts");

        pages.open("/analytics/rfm" + period);
        JsonNode rfm = answers.get("rfm").get("groups");
        assertThat(browser.findElements(By.cssSelector("#rfm-groups tbody tr")))
                .hasSize(rfm.size())
                .allSatisfy(row -> assertThat(cell(row, 1))
                        .as(row.getAttribute("data-group"))
                        .isEqualTo(rfm.get(row.getAttribute("data-group")).asLong()));
        assertThat(rfm.get("champions").asLong()).isPositive();
        compared.add("rfm");

        pages.open("/analytics/types" + period);
        JsonNode types = answers.get("types");
        assertThat(number("#tab-types [data-kpi=buyers]"))
                .isEqualTo(types.get("buyers").asLong())
                .isPositive();
        assertThat(browser.findElements(By.cssSelector("#types-table tbody tr")))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(cell(row, 1))
                        .as(row.getAttribute("data-type"))
                        .isEqualTo(types.get("types")
                                .get(row.getAttribute("data-type"))
                                .asLong()));
        compared.add("types");

        pages.open("/analytics/discounts" + period);
        JsonNode discounts = answers.get("discounts");
        assertThat(number("#tab-discounts [data-kpi=buyers]"))
                .isEqualTo(discounts.get("buyers").asLong())
                .isPositive();
        assertThat(browser.findElements(By.cssSelector("#discount-table tbody tr")))
                .hasSize(discounts.get("split").size())
                .allSatisfy(row -> assertThat(cell(row, 1))
                        .as(row.getAttribute("data-kind"))
                        .isEqualTo(discounts
                                .get("split")
                                .valueStream()
                                .filter(s -> s.get("kind").asString().equals(row.getAttribute("data-kind")))
                                .findFirst()
                                .orElseThrow()
                                .get("buyers")
                                .asLong()));
        compared.add("discounts");

        pages.open("/analytics/regions" + period);
        JsonNode regions = answers.get("regions").get("regions");
        List<WebElement> regionRows = browser.findElements(By.cssSelector("#regions-table tbody tr"));
        assertThat(regionRows).hasSize(regions.size());
        assertThat(regionRows.stream().mapToLong(row -> cell(row, 1)).sum())
                .isEqualTo(regions.valueStream()
                        .mapToLong(r -> r.get("customers").asLong())
                        .sum())
                .isPositive();
        compared.add("regions");

        pages.open("/analytics/clv" + period);
        JsonNode clv = answers.get("clv");
        assertThat(number("[data-kpi=clv-customers]"))
                .isEqualTo(clv.get("customers").asLong())
                .isPositive();
        clv.get("churn_risk")
                .propertyNames()
                .forEach(risk -> assertThat(number("[data-kpi=churn-" + risk + "]"))
                        .as("churn %s", risk)
                        .isEqualTo(clv.get("churn_risk").get(risk).asLong()));
        compared.add("clv");

        Set<String> everyPage = new java.util.TreeSet<>(AnalyticsPages.TABS);
        everyPage.add("overview");
        assertThat(compared).as("a page without a figure compared with the API").isEqualTo(everyPage);
    }

    @Test
    @Order(7)
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

    /** The whole number shown by the element at {@code css} ("1,234" in English). */
    private long number(String css) {
        return whole(browser.findElement(By.cssSelector(css)).getText());
    }

    /** The whole number of a table row's {@code index}th {@code td} (its text even inside a closed {@code details}). */
    private static long cell(WebElement row, int index) {
        return whole(row.findElements(By.tagName("td")).get(index).getDomProperty("textContent"));
    }

    private static long whole(String shown) {
        String digits = shown.replace(",", "").strip();
        assertThat(digits).as("'%s' is a whole number", shown).matches("[0-9]+");
        return Long.parseLong(digits);
    }

    private void tab(String name, String chart, String rows, int minRows) {
        pages.open("/analytics/" + name + "?lang=en");
        pages.waitFor()
                .until(d -> !d.findElements(By.cssSelector(chart + " canvas")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(rows)))
                .as(name + " rows")
                .hasSizeGreaterThanOrEqualTo(minRows);
        assertThat(browser.findElement(By.cssSelector(".tabs a[aria-current=page]"))
                        .getAttribute("data-tab"))
                .isEqualTo(name);
    }
}
