package io.basira.server.products.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.analytics.products.BoughtTogether;
import io.basira.demo.DemoStoreGenerator;
import io.basira.demo.DemoStoreSpec;
import io.basira.groups.GroupRules;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.text.RuleText;
import io.basira.server.analytics.web.DashboardAnalytics;
import io.basira.server.cards.jdbc.CustomerSort;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.dashboard.DashboardClient;
import io.basira.server.dashboard.DashboardFixture;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.products.ProductAnalytics;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The customer–product pages over real HTTP on a demo store with a saved group and refreshed analytics cards: the
 * affinity heat map by revenue and by buyers, the pairs bought together with their thresholds (and a threshold the
 * form cannot read), and the likely next products on the customer card, each against the service the API answers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2026-03-31T09:00:00Z", "basira.demo.enabled=false"})
class ProductPagesOnH2Test {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    ImportFolder importer;

    @Autowired
    JdbcStores stores;

    @Autowired
    AddDashboardUser addUser;

    @Autowired
    GroupRules groups;

    @Autowired
    FieldCatalogue fields;

    @Autowired
    DashboardAnalytics analytics;

    @Autowired
    ProductAnalytics products;

    @Autowired
    JdbcCustomerQueries customers;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static DashboardFixture fixture;
    DashboardClient browser;

    @BeforeEach
    void signedIn() throws IOException {
        if (fixture == null) {
            Path folder = Files.createTempDirectory("basira-products-pages");
            new DemoStoreGenerator()
                    .write(
                            DemoStoreSpec.defaults()
                                    .withCustomers(80)
                                    .withOrders(300)
                                    .withPeriod(LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31)),
                            folder);
            fixture = DashboardFixture.create(importer, stores, addUser, folder, "متجر المنتجات");
            groups.create(fixture.store(), "vip", "كبار العملاء", RuleText.parse("order_count > 3", fields));
            // a group that uses next_category: the refresh scores it only for stores that do
            groups.create(
                    fixture.store(),
                    "abaya-next",
                    "العباءات القادمة",
                    RuleText.parse("next_category = 'Abayas'", fields));
            analytics.refresh(fixture.store(), LocalDate.of(2026, 3, 31));
        }
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    /**
     * The visual rule builder offers {@code next_category} as a choice among the store's categories (the products
     * feed's, stripped, each once, in text order) on both pages that carry it, in both languages; another store's
     * categories are not offered.
     */
    @Test
    void the_rule_builder_offers_the_stores_categories_for_the_next_category() {
        Store other = stores.create(
                "products-other-" + System.nanoTime(),
                "Other",
                java.util.Currency.getInstance("SAR"),
                java.time.ZoneId.of("Asia/Riyadh"));
        jdbc.update(
                "INSERT INTO products (store_id, external_id, name, category) VALUES (?, 'X1', 'x', 'Secret category')",
                other.id().value());
        jdbc.update(
                "INSERT INTO products (store_id, external_id, name, category) VALUES (?, 'PAD-1', 'x', '  Abayas  ')",
                fixture.store().id().value());
        jdbc.update(
                "INSERT INTO products (store_id, external_id, name, category) VALUES (?, 'PAD-2', 'x', '   ')",
                fixture.store().id().value());
        List<String> expected = jdbc
                .queryForList(
                        "SELECT DISTINCT TRIM(category) FROM products WHERE store_id = ? "
                                + "AND category IS NOT NULL AND TRIM(category) <> ''",
                        String.class,
                        fixture.store().id().value())
                .stream()
                .sorted()
                .toList();
        assertThat(expected).contains("Abayas").hasSizeGreaterThan(1);
        assertThat(products.categoryChoices(fixture.store())).containsExactlyElementsOf(expected);
        assertThat(products.categoryChoices(other)).containsExactly("Secret category");
        for (String path : List.of("/groups/new", "/groups/new?lang=en", "/customers", "/customers?lang=en")) {
            String page = browser.get(path).body();
            int start = page.indexOf("id=\"rule-catalogue\"");
            assertThat(start).as(path).isPositive();
            String block = page.substring(page.indexOf('>', start) + 1, page.indexOf("</script>", start));
            var catalogue = new tools.jackson.databind.json.JsonMapper().readTree(block);
            List<String> offered = new java.util.ArrayList<>();
            catalogue.get("choices").get("next_category").forEach(c -> offered.add(c.asString()));
            assertThat(offered).as(path).containsExactlyElementsOf(expected).doesNotContain("Secret category");
        }
        jdbc.update(
                "DELETE FROM products WHERE store_id = ? AND external_id IN ('PAD-1', 'PAD-2')",
                fixture.store().id().value());
    }

    @Test
    void the_heat_map_shows_every_group_against_the_store_by_revenue_and_by_buyers() {
        Map<String, Object> json = products.affinity(fixture.store()).json();
        List<?> categories = (List<?>) json.get("categories");
        assertThat(categories).isNotEmpty();
        String arabic = browser.get("/products/affinity").body();
        assertThat(arabic)
                .contains(
                        "id=\"affinity-table\"",
                        "data-index=\"revenue\"",
                        "المتجر كله",
                        "كبار العملاء",
                        "مؤشر الإيرادات حسب الفئة",
                        "data-kind=\"rfm\"",
                        "data-kind=\"type\"",
                        "class=\"heat-");
        assertThat(arabic.indexOf("data-kind=\"group\""))
                .as("store, groups, RFM groups, customer types")
                .isLessThan(arabic.indexOf("data-kind=\"rfm\""))
                .isPositive();
        assertThat(arabic.lastIndexOf("data-kind=\"rfm\"")).isLessThan(arabic.indexOf("data-kind=\"type\""));
        for (Object category : categories) {
            assertThat(arabic)
                    .contains("<bdi translate=\"no\">"
                            + org.springframework.web.util.HtmlUtils.htmlEscape(String.valueOf(category)) + "</bdi>");
        }
        assertThat(arabic)
                .as("the store's own row is 1 in every category it sold")
                .contains("<strong>1</strong>");
        String english = browser.get("/products/affinity?index=buyers&lang=en").body();
        assertThat(english).contains("data-index=\"buyers\"", "Buyer index by category", "Whole store", "RFM group");
    }

    @Test
    void the_pairs_follow_the_thresholds_of_the_form() {
        var report = products.basket(fixture.store(), new BoughtTogether.Thresholds(1, 0, 0), 50);
        List<?> pairs = (List<?>) report.json().get("product_pairs");
        assertThat(pairs).isNotEmpty();
        Map<?, ?> first = (Map<?, ?>) pairs.get(0);
        String page = browser.get("/products/basket?min_count=1&lang=en").body();
        assertThat(page)
                .contains(
                        "id=\"product-pairs\"",
                        "id=\"category-pairs\"",
                        "value=\"1\"",
                        ">" + first.get("product_a") + "<",
                        ">" + first.get("product_b") + "<");
        int most = ((Number) first.get("orders")).intValue();
        String none = browser.get("/products/basket?min_count=" + (most + 1) + "&min_confidence=100&lang=en")
                .body();
        assertThat(none).contains("No pair passes the thresholds.", "value=\"100\"");
        HttpResponse<String> unreadable = browser.get("/products/basket?min_count=abc&lang=ar");
        assertThat(unreadable.statusCode()).isEqualTo(200);
        assertThat(unreadable.body()).contains("يجب أن يكون أقل عدد من الطلبات عددًا صحيحًا", "value=\"2\"");
        assertThat(browser.get("/products/basket?min_confidence=120&lang=en").body())
                .contains("The minimum confidence must be a percentage from 0 to 100");
        assertThat(browser.get("/products/basket?min_confidence=٥٠&lang=en").body())
                .contains("value=\"50\"");
    }

    @Test
    void a_products_page_lists_what_its_buyers_also_bought_in_figures_and_words_linked_from_the_pairs() {
        var pairs = (List<?>) products.basket(fixture.store(), new BoughtTogether.Thresholds(1, 0, 0), 50)
                .json()
                .get("product_pairs");
        String product = String.valueOf(((Map<?, ?>) pairs.get(0)).get("product_a"));
        String basket = browser.get("/products/basket?min_count=1&lang=en").body();
        assertThat(basket)
                .as("every product of the pairs links to its page")
                .contains("href=\"/products/basket/" + product + "\"", "class=\"also-bought-link\"");

        Map<String, Object> json = products.alsoBought(
                        fixture.store(), product, new BoughtTogether.Thresholds(1, 0, 0), 10)
                .json();
        List<?> also = (List<?>) json.get("also_bought");
        assertThat(also).isNotEmpty();
        String english = browser.get("/products/basket/" + product + "?lang=en").body();
        assertThat(english)
                .contains(
                        "id=\"also-bought\"",
                        "Customers who bought this also bought",
                        "data-kpi=\"product-orders\">" + json.get("orders") + "<",
                        "value=\"1\"",
                        "value=\"10\"");
        assertThat(english.split("<tr data-product=\"", -1)).hasSize(also.size() + 1);
        Map<?, ?> first = (Map<?, ?>) also.get(0);
        BigDecimal lift = (BigDecimal) first.get("lift");
        String words = lift.compareTo(new BigDecimal("1.25")) >= 0
                ? "times as often as chance would give"
                : lift.compareTo(new BigDecimal("0.8")) < 0
                        ? "less often than chance would give"
                        : "about as often as chance";
        assertThat(english)
                .contains(
                        "data-product=\"" + first.get("product_id") + "\"",
                        "Bought with it in " + first.get("orders") + " of its " + json.get("orders") + " orders",
                        words,
                        "href=\"/products/basket/" + first.get("product_id") + "\"");
        // the support is the share of all counted orders holding both, as the API gives it
        assertThat(((BigDecimal) first.get("support")).doubleValue())
                .isCloseTo(
                        ((Number) first.get("orders")).doubleValue()
                                / ((Number) json.get("store_orders")).doubleValue(),
                        org.assertj.core.data.Offset.offset(0.00005));

        String arabic = browser.get("/products/basket/" + product + "?lang=ar").body();
        assertThat(arabic).contains("العملاء الذين اشتروا هذا المنتج اشتروا أيضًا", "اشتُري معه في");
        int most = ((Number) first.get("orders")).intValue();
        assertThat(browser.get("/products/basket/" + product + "?min_count=" + (most + 1) + "&lang=en")
                        .body())
                .contains("No product passes the thresholds.");
        assertThat(browser.get("/products/basket/" + product + "?limit=0&lang=en")
                        .body())
                .contains("The products shown must be a whole number from 1 to 500", "value=\"10\"");
        HttpResponse<String> unknown = browser.get("/products/basket/NO-SUCH-PRODUCT?lang=en");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"also-missing\"", "NO-SUCH-PRODUCT");
    }

    @Test
    void the_lift_in_words_follows_the_bands_of_the_heat_map() {
        assertThat(ProductViews.liftBand(new BigDecimal("1.25"))).isEqualTo("more");
        assertThat(ProductViews.liftBand(new BigDecimal("1.2499"))).isEqualTo("even");
        assertThat(ProductViews.liftBand(new BigDecimal("0.8"))).isEqualTo("even");
        assertThat(ProductViews.liftBand(new BigDecimal("0.7999"))).isEqualTo("less");
        assertThat(ProductViews.liftBand(null)).isEqualTo("even");
    }

    @Test
    void the_card_shows_the_stored_next_category_among_the_predictions_as_the_merchants_text() {
        String customer = firstCustomer();
        Object category = products.next(fixture.store(), customer, 5).json().get("next_category");
        String card = browser.get("/customers/" + customer + "?lang=en").body();
        assertThat(card).contains("data-field=\"next_category\"", "Most likely next category");
        if (category != null) {
            assertThat(card)
                    .contains("<bdi translate=\"no\">"
                            + org.springframework.web.util.HtmlUtils.htmlEscape(String.valueOf(category))
                            + "</bdi></dd>");
        }
    }

    @Test
    void the_card_shows_the_five_likely_next_products_the_api_gives() {
        String customer = firstCustomer();
        Map<String, Object> next = products.next(fixture.store(), customer, 5).json();
        List<?> suggested = (List<?>) next.get("products");
        assertThat(suggested).hasSize(5);
        String card = browser.get("/customers/" + customer).body();
        assertThat(card).contains("id=\"next-products\"", "المنتجات المرجّح أن يشتريها");
        for (Object s : suggested) {
            Object id = ((Map<?, ?>) s).get("product_id");
            assertThat(card).contains("data-product=\"" + id + "\"", "href=\"/products/basket/" + id + "\"");
        }
        assertThat(card.split("data-product=\"", -1)).hasSize(6);
        if (next.get("next_category") != null) {
            assertThat(card).contains("id=\"next-category\"");
        }
    }

    @Test
    void the_bands_say_the_index_without_colour() {
        assertThat(ProductViews.Band.of(null)).isEqualTo(ProductViews.Band.NONE);
        assertThat(ProductViews.Band.of(new BigDecimal("0.49"))).isEqualTo(ProductViews.Band.FAR_BELOW);
        assertThat(ProductViews.Band.of(new BigDecimal("0.5"))).isEqualTo(ProductViews.Band.BELOW);
        assertThat(ProductViews.Band.of(new BigDecimal("1"))).isEqualTo(ProductViews.Band.EVEN);
        assertThat(ProductViews.Band.of(new BigDecimal("1.25"))).isEqualTo(ProductViews.Band.ABOVE);
        assertThat(ProductViews.Band.of(new BigDecimal("2"))).isEqualTo(ProductViews.Band.FAR_ABOVE);
        assertThat(ProductViews.Band.FAR_ABOVE.css()).isEqualTo("heat-far-above");
    }

    /** The customer with the most orders. */
    private String firstCustomer() {
        return customers
                .page(fixture.store().id(), null, CustomerSort.ORDER_COUNT, true, 0, 1)
                .items()
                .get(0)
                .customer()
                .externalId();
    }
}
