package io.basira.server.groups.web;

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
 * The groups pages in headless Chromium: a rule built in the visual builder (OR at the top, a nested
 * AND) counts what the API counts, survives a trip through the text mode, saves and is listed; a wrong
 * typed rule shows the parser's position; a member's card shows the group with why; a template is
 * created with one click; every groups page in both languages at both widths.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2026-03-31T09:00:00Z", "basira.demo.enabled=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupsBrowserTest {

    private static final String RULE = "total_spent > 1500 OR (order_count > 10 AND cancelled_orders < 100)";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    static ChromeDriver browser;
    static DashboardFixture fixture;
    static String memberId;

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

    @Autowired
    io.basira.server.products.ProductAnalytics products;

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
            Path folder = Files.createTempDirectory("basira-groups-store");
            new DemoStoreGenerator()
                    .write(
                            DemoStoreSpec.defaults()
                                    .withCustomers(120)
                                    .withOrders(600)
                                    .withPeriod(LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31)),
                            folder);
            fixture = DashboardFixture.create(importer, stores, addUser, folder, "متجر المجموعات");
            pages.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        }
        api = new Api(
                port, keys.create(fixture.store().id(), "browser").secret().value());
    }

    @Test
    @Order(1)
    void a_rule_built_in_the_visual_builder_counts_what_the_api_counts_and_is_saved() {
        JsonNode preview = json.readTree(api.postJson("/api/v1/groups/preview", "{\"rule\": \"" + RULE + "\"}")
                .body());
        int expected = preview.get("count").asInt();
        pages.open("/groups/new?lang=en");
        pages.waitFor().until(d -> d.findElement(By.id("builder")).isDisplayed());
        browser.findElement(By.id("name")).sendKeys("Big spenders");
        browser.findElement(By.cssSelector("#key-details summary"))
                .click(); // a key of one's own (else made from the name)
        browser.findElement(By.id("key")).sendKeys("big");
        new Select(root().findElement(By.cssSelector(":scope > .rb-head .rb-op"))).selectByValue("any");
        assertThat(browser.findElement(By.cssSelector(".rb-value")).getAttribute("value"))
                .isEqualTo("1500");
        root().findElement(By.cssSelector(":scope > .rb-actions .rb-add-group")).click();
        condition(nested(), 0, "order_count", ">", "10");
        nested().findElement(By.cssSelector(":scope > .rb-actions .rb-add-condition"))
                .click();
        condition(nested(), 1, "cancelled_orders", "<", "100");
        waitForCount(expected);

        browser.findElement(By.id("mode-text")).click();
        pages.waitFor().until(d -> d.findElement(By.id("rule")).isDisplayed());
        assertThat(browser.findElement(By.id("rule")).getAttribute("value"))
                .isEqualTo(preview.get("rule").asString());
        browser.findElement(By.id("mode-builder")).click();
        pages.waitFor().until(d -> d.findElement(By.id("builder")).isDisplayed());
        assertThat(nested().findElements(By.cssSelector(".rb-condition"))).hasSize(2);
        assertThat(new Select(root().findElement(By.cssSelector(":scope > .rb-head .rb-op")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("any");
        waitForCount(expected);
        pages.checkLayout("group-builder", "en", BrowserPages.WIDE);

        browser.findElement(By.id("save")).click();
        pages.waitFor().until(ExpectedConditions.urlContains("/groups/big"));
        assertThat(browser.findElement(By.id("member-count")).getAttribute("data-count"))
                .isEqualTo(Integer.toString(expected));
        pages.open("/groups");
        WebElement row = browser.findElement(By.cssSelector("tr[data-group=big]"));
        assertThat(row.findElement(By.cssSelector(".member-count")).getText()).isEqualTo(Integer.toString(expected));
        JsonNode saved = json.readTree(api.get("/api/v1/groups/big").body());
        assertThat(saved.get("rule").asString()).isEqualTo(preview.get("rule").asString());
        assertThat(saved.get("member_count").asInt()).isEqualTo(expected).isPositive();
    }

    @Test
    @Order(2)
    void a_wrong_typed_rule_shows_the_position_the_parser_gives() {
        pages.open("/groups/new?lang=en");
        pages.waitFor().until(d -> d.findElement(By.id("builder")).isDisplayed());
        browser.findElement(By.id("mode-text")).click();
        pages.waitFor().until(d -> d.findElement(By.id("rule")).isDisplayed());
        WebElement rule = browser.findElement(By.id("rule"));
        rule.clear();
        rule.sendKeys("total_spent >");
        pages.waitFor().until(d -> "1".equals(d.findElement(By.id("rule-error")).getAttribute("data-line")));
        String expected = json.readTree(api.postJson("/api/v1/groups/preview", "{\"rule\": \"total_spent >\"}")
                        .body())
                .get("detail")
                .asString();
        assertThat(browser.findElement(By.id("rule-error")).getText())
                .isEqualTo(expected)
                .startsWith("line 1, column 14");
        assertThat(rule.getAttribute("aria-invalid")).isEqualTo("true");
        pages.checkLayout("group-text-error", "en", BrowserPages.NARROW);
        browser.findElement(By.id("mode-builder")).click();
        assertThat(browser.findElement(By.id("rule")).isDisplayed())
                .as("stays in text mode while the rule is wrong")
                .isTrue();
    }

    @Test
    @Order(3)
    void a_member_card_shows_the_group_and_why() {
        pages.open("/groups/big?lang=en");
        WebElement first = browser.findElement(By.cssSelector("#members .customer-link"));
        memberId = first.getText();
        first.click();
        pages.waitFor().until(ExpectedConditions.urlContains("/customers/" + memberId));
        WebElement group = browser.findElement(By.cssSelector("#customer-groups [data-group=big]"));
        assertThat(group.getText()).contains("Big spenders");
        List<WebElement> conditions = group.findElements(By.cssSelector(".why-list li"));
        assertThat(conditions)
                .extracting(e -> e.getAttribute("data-condition"))
                .containsExactly("total_spent > 1500", "order_count > 10", "cancelled_orders < 100");
        assertThat(group.findElements(By.cssSelector(".why-list li.held"))).isNotEmpty();
        assertThat(conditions.get(0).getText()).contains("Total spent more than SAR1,500.00", "has SAR");
    }

    @Test
    @Order(4)
    void a_template_is_created_with_one_click_and_a_customer_excluded_by_hand() {
        pages.open("/groups?lang=ar");
        browser.findElement(By.cssSelector("[data-template=vip] button")).click();
        pages.waitFor().until(ExpectedConditions.urlContains("/groups/vip"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("كبار العملاء");
        pages.open("/groups/big?lang=en");
        browser.findElement(By.id("manual-customer")).sendKeys(memberId);
        new Select(browser.findElement(By.id("manual-action"))).selectByValue("exclude");
        browser.findElement(By.cssSelector("#manual-customer")).submit();
        pages.waitFor()
                .until(d ->
                        !d.findElements(By.cssSelector(".notice[role=status]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#history tbody tr")).getText())
                .contains(memberId, "By hand");
    }

    @Test
    @Order(5)
    void every_groups_page_fits_both_widths_in_both_languages() {
        pages.everyWay("groups", "/groups");
        pages.everyWay("group-editor", "/groups/new");
        pages.everyWay("group-edit", "/groups/big/edit");
        pages.everyWay("group", "/groups/big");
        pages.everyWay("customer-groups", "/customers/" + memberId);
    }

    /**
     * The likely next category is chosen, not typed: in Arabic, its value is a list of the store's categories (as
     * the products feed spells them, untranslated), and "in" offers one checkbox per category; what is chosen is the
     * rule the API counts.
     */
    @Test
    @Order(6)
    void the_next_category_is_chosen_among_the_stores_categories() {
        List<String> categories = products.categoryChoices(fixture.store());
        assertThat(categories).hasSizeGreaterThan(1);
        pages.open("/groups/new?lang=ar");
        pages.waitFor().until(d -> d.findElement(By.id("builder")).isDisplayed());
        new Select(rootCondition().findElement(By.cssSelector(".rb-field"))).selectByValue("next_category");
        new Select(rootCondition().findElement(By.cssSelector(".rb-operator"))).selectByValue("=");
        WebElement value = rootCondition().findElement(By.cssSelector(".rb-value"));
        assertThat(value.getTagName()).isEqualTo("select");
        assertThat(value.getDomAttribute("translate")).isEqualTo("no");
        List<String> offered = new Select(value)
                .getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(offered.subList(1, offered.size())).containsExactlyElementsOf(categories);
        new Select(value).selectByValue(categories.get(1));
        String one = "next_category = '" + categories.get(1) + "'";
        waitForCount(json.readTree(api.postJson("/api/v1/groups/preview", "{\"rule\": \"" + one + "\"}")
                        .body())
                .get("count")
                .asInt());

        new Select(rootCondition().findElement(By.cssSelector(".rb-operator"))).selectByValue("in");
        List<WebElement> boxes = rootCondition().findElements(By.cssSelector(".rb-choices .rb-choice"));
        assertThat(boxes).extracting(b -> b.getAttribute("value")).containsExactlyElementsOf(categories);
        assertThat(rootCondition()
                        .findElement(By.cssSelector(".rb-choices legend"))
                        .getText())
                .isEqualTo("القيم");
        rootCondition()
                .findElement(By.cssSelector("label[for='" + boxes.get(0).getAttribute("id") + "']"))
                .click();
        rootCondition()
                .findElement(By.cssSelector("label[for='" + boxes.get(1).getAttribute("id") + "']"))
                .click();
        JsonNode preview = json.readTree(api.postJson(
                        "/api/v1/groups/preview",
                        "{\"rule\": \"next_category IN ('" + categories.get(0) + "', '" + categories.get(1) + "')\"}")
                .body());
        waitForCount(preview.get("count").asInt());
        browser.findElement(By.id("mode-text")).click();
        pages.waitFor().until(d -> d.findElement(By.id("rule")).isDisplayed());
        assertThat(browser.findElement(By.id("rule")).getAttribute("value"))
                .isEqualTo(preview.get("rule").asString());
        browser.findElement(By.id("mode-builder")).click();
        pages.waitFor().until(d -> d.findElement(By.id("builder")).isDisplayed());
        assertThat(rootCondition().findElements(By.cssSelector(".rb-choices .rb-choice")).stream()
                        .filter(WebElement::isSelected)
                        .map(b -> b.getAttribute("value"))
                        .toList())
                .as("the choice survives a trip through the text")
                .containsExactly(categories.get(0), categories.get(1));
        pages.checkLayout("group-builder-categories", "ar", BrowserPages.NARROW);
    }

    private static WebElement rootCondition() {
        return root().findElements(By.cssSelector(":scope > .rb-children > li > .rb-condition"))
                .get(0);
    }

    private static WebElement root() {
        return browser.findElement(By.cssSelector("#builder .rb-group[data-depth='0']"));
    }

    @Test
    @Order(10)
    void viewed_within_n_days_is_a_field_with_a_days_box_in_the_builder() {
        pages.open("/groups/new?lang=en");
        pages.waitFor().until(d -> d.findElement(By.id("builder")).isDisplayed());
        WebElement first = browser.findElement(By.cssSelector("#builder .rb-condition"));
        new Select(first.findElement(By.cssSelector(".rb-field"))).selectByValue("family:viewed_products");
        WebElement days = browser.findElement(By.cssSelector("#builder .rb-days"));
        assertThat(days.getAttribute("value")).isEqualTo("14");
        days.clear();
        days.sendKeys("45");
        WebElement value = browser.findElement(By.cssSelector("#builder .rb-value"));
        value.sendKeys("P1");
        waitForCount(0);
        browser.findElement(By.id("mode-text")).click();
        pages.waitFor().until(d -> d.findElement(By.id("rule")).isDisplayed());
        assertThat(browser.findElement(By.id("rule")).getAttribute("value")).isEqualTo("viewed_products_45d = 'P1'");
        browser.findElement(By.id("mode-builder")).click();
        pages.waitFor().until(d -> d.findElement(By.id("builder")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector("#builder .rb-days")).getAttribute("value"))
                .isEqualTo("45");
        assertThat(new Select(browser.findElement(By.cssSelector("#builder .rb-field")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("family:viewed_products");
    }

    private static WebElement nested() {
        return browser.findElement(By.cssSelector("#builder .rb-group[data-depth='1']"));
    }

    /** Sets the {@code index}th condition of {@code group} (re-finding elements after each re-render). */
    private void condition(WebElement group, int index, String field, String operator, String value) {
        new Select(conditionOf(index).findElement(By.cssSelector(".rb-field"))).selectByValue(field);
        new Select(conditionOf(index).findElement(By.cssSelector(".rb-operator"))).selectByValue(operator);
        WebElement input = conditionOf(index).findElement(By.cssSelector(".rb-value"));
        input.clear();
        input.sendKeys(value);
    }

    private static WebElement conditionOf(int index) {
        return nested().findElements(By.cssSelector(":scope > .rb-children > li > .rb-condition"))
                .get(index);
    }

    private void waitForCount(int expected) {
        pages.waitFor()
                .until(d -> Integer.toString(expected)
                        .equals(d.findElement(By.id("rule-count")).getAttribute("data-count")));
    }
}
