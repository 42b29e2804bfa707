package io.basira.server.browsing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.basira.server.browsing.BrowsingIntake;
import io.basira.server.browsing.jdbc.JdbcBrowsingSites;
import io.basira.server.dashboard.BrowserPages;
import io.basira.server.dashboard.Chromium;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.security.Role;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The snippet in a real browser (docs/browsing.md): headless Chromium opens a storefront served by this test on
 * another port (a real cross-origin page) with the one line a merchant pastes; it visits three pages and a
 * product, then logs in. The events, their one session, the visitor's link to the customer and the card
 * fields (through a group on {@code page_views_30d}) appear. With the site in consent mode nothing is sent
 * until the page says consent was given.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.demo.enabled=false"})
class BrowsingBrowserTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    static ChromeDriver browser;
    static HttpServer storefront;
    static volatile String script;

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    JdbcBrowsingSites sites;

    @Autowired
    BrowsingIntake intake;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AddDashboardUser users;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start("--disable-blink-features=AutomationControlled", "--user-agent=" + BROWSER);
        storefront = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        storefront.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String call = switch (path) {
                case "/product/P1" -> "basira('product', {product: 'P1', category: 'shoes'});";
                case "/account" -> "basira('identify', {customer: 'C7'});";
                default -> "";
            };
            byte[] page = ("<!doctype html><html><head><title>" + path + "</title>"
                            + "<script>window.basira=window.basira||function(){(basira.q=basira.q||[]).push(arguments)};"
                            + call + "</script>" + script + "</head><body><h1>" + path + "</h1></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        storefront.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (storefront != null) {
            storefront.stop(0);
        }
    }

    @Test
    void a_shopper_browses_logs_in_and_the_card_follows_and_consent_mode_sends_nothing_before_consent()
            throws Exception {
        Store store = stores.create(
                "shop-" + UUID.randomUUID().toString().substring(0, 8),
                "متجر",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        api.postJson(
                "/api/v1/customers", "{\"customer_id\":\"C7\",\"first_name\":\"Nora\",\"created_at\":\"2024-01-01\"}");
        api.postJson(
                "/api/v1/groups",
                "{\"key\":\"browsers\",\"name\":\"browsers\",\"rule\":\"page_views_30d >= 4 "
                        + "AND product_views_30d = 1 AND sessions_30d = 1\"}");
        String shop = "http://127.0.0.1:" + storefront.getAddress().getPort();
        String key = sites.of(store.id()).siteKey();
        script = merchantSetsUpTracking(store, shop);
        assertThat(script)
                .isEqualTo("<script async src=\"http://localhost:" + port + "/t.js?k=" + key + "\"></script>");
        assertThat(sites.of(store.id()).allowedOrigins()).containsExactly(shop);

        for (String page : List.of("/", "/shoes", "/about", "/product/P1")) {
            long expected = countOf(store) + (page.startsWith("/product") ? 2 : 1);
            browser.get(shop + page);
            waitForEvents(store, expected);
        }
        List<Map<String, Object>> events = jdbc.queryForList(
                "SELECT visitor_id, session_id, kind, path, product_id, "
                        + "category FROM browsing_events WHERE store_id = ? ORDER BY occurred_at, kind",
                store.id().value());
        assertThat(events)
                .extracting(e -> e.get("KIND") == null ? e.get("kind") : e.get("KIND"))
                .containsExactlyInAnyOrder("page", "page", "page", "page", "product");
        assertThat(distinct(store, "session_id")).as("one session").hasSize(1);
        String visitor = (String) browser.executeScript("return localStorage.getItem('basira_vid')");
        assertThat(distinct(store, "visitor_id")).containsExactly(visitor);
        assertThat(members(api)).isEmpty();

        browser.get(shop + "/account");
        waitFor(() -> !jdbc.queryForList(
                        "SELECT customer_external_id FROM browsing_customers WHERE store_id = ?",
                        String.class,
                        store.id().value())
                .isEmpty());
        assertThat(jdbc.queryForObject(
                        "SELECT customer_external_id FROM browsing_visitors WHERE store_id = ? AND " + "visitor_id = ?",
                        String.class,
                        store.id().value(),
                        visitor))
                .isEqualTo("C7");
        Map<String, Object> card = jdbc.queryForMap(
                "SELECT page_views_30d, product_views_30d, sessions_30d FROM "
                        + "browsing_customers WHERE store_id = ?",
                store.id().value());
        assertThat(card.values()).extracting(v -> ((Number) v).intValue()).containsExactly(5, 1, 1);
        waitFor(() -> members(api).equals(List.of("C7")));
        BrowserPages dashboard = new BrowserPages(browser, port);
        dashboard.open("/tracking?lang=ar");
        assertThat(browser.findElement(By.id("ba-visitors")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("ba-pages")).getText()).contains("/shoes", "/product/P1");
        assertThat(browser.findElement(By.id("ba-products")).getText()).contains("P1");
        waitFor(() ->
                !browser.findElements(By.cssSelector("#sessions-chart canvas")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#visitors-chart canvas")))
                .isNotEmpty();
        assertThat(browser.findElement(By.id("visitors-chart")).getAttribute("aria-label"))
                .contains("1 جديد");
        dashboard.screenshot("tracking-analytics", "ar", BrowserPages.WIDE);

        sites.update(store.id(), List.of(shop), true, false, 13);
        script = "<script async src=\"http://localhost:" + port + "/t.js?k=" + key + "&amp;consent\"></script>";
        long before = countOf(store);
        browser.get(shop + "/consent");
        waitFor(() -> Boolean.TRUE.equals(browser.executeScript("return !!(window.basira && window.basira.loaded)")));
        Thread.sleep(1_000);
        assertThat(intake.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(countOf(store)).as("nothing before consent").isEqualTo(before);
        browser.executeScript("basira('consent', true)");
        waitForEvents(store, before + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT path FROM browsing_events WHERE store_id = ? AND path = '/consent'",
                        String.class,
                        store.id().value()))
                .isEqualTo("/consent");
    }

    /** The merchant allows the storefront's origin on the tracking page and copies the line it shows. */
    private String merchantSetsUpTracking(Store store, String shop) {
        AddDashboardUser.Added owner = users.add(store.id(), "owner@" + store.slug() + ".test", Role.OWNER);
        BrowserPages pages = new BrowserPages(browser, port);
        pages.signIn(owner.user().email(), owner.password());
        pages.open("/tracking?lang=en");
        assertThat(browser.findElements(By.id("no-origins"))).hasSize(1);
        org.openqa.selenium.WebElement noOrigins = browser.findElement(By.id("no-origins"));
        browser.findElement(By.id("origins")).sendKeys(shop + "/");
        browser.findElement(By.id("save-tracking")).click();
        // the "no origins" notice is itself a status notice: wait for the page the save answers with
        pages.waitFor().until(ExpectedConditions.stalenessOf(noOrigins));
        pages.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice[role=status]")));
        assertThat(browser.findElements(By.id("no-origins"))).isEmpty();
        String line = browser.findElement(By.id("snippet-line")).getText();
        pages.everyWay("tracking", "/tracking");
        return line;
    }

    private List<String> distinct(Store store, String column) {
        return jdbc.queryForList(
                "SELECT DISTINCT " + column + " FROM browsing_events WHERE store_id = ?",
                String.class,
                store.id().value());
    }

    private long countOf(Store store) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM browsing_events WHERE store_id = ?",
                Long.class,
                store.id().value());
    }

    private void waitForEvents(Store store, long count) {
        waitFor(() -> countOf(store) >= count);
        assertThat(countOf(store)).isEqualTo(count);
    }

    private static List<String> members(Api api) {
        List<String> ids = new ArrayList<>();
        JsonMapper.builder()
                .build()
                .readTree(api.get("/api/v1/groups/browsers/members").body())
                .get("items")
                .forEach(c -> ids.add(c.get("customer_id").asString()));
        return ids;
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new BrowserPages(browser, port).waitFor().until(d -> {
            try {
                intake.flush(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return condition.getAsBoolean();
        });
    }
}
