package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.demo.DemoStoreGenerator;
import io.basira.demo.DemoStoreSpec;
import io.basira.groups.GroupRules;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.text.RuleText;
import io.basira.server.analytics.web.AnalyticsPages;
import io.basira.server.campaigns.api.CampaignRequest;
import io.basira.server.cards.jdbc.CustomerSort;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.checkout.CheckoutSetup;
import io.basira.server.checkout.web.CheckoutForms;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of the dashboard, as a merchant reads it in Arabic (issue 14, "How it is checked"): the pages are
 * taken from Spring MVC's mappings, so a new page fails this test until it has a concrete address below. Each is
 * opened in Arabic at 1280 and 390 px and fails on
 *
 * <ul>
 *   <li>a visible Latin word outside the allow-list (brand and product names) and outside what the merchant or
 *       the data typed, which pages mark {@code translate="no"} (customer ids and names, codes, e-mails): a raw key,
 *       code or rule shown instead of a name;</li>
 *   <li>an element wider than its container: the page scrolling sideways, a scrolling box (a table's wrapper)
 *       hiding columns, or an element sticking out of the page's main area.</li>
 * </ul>
 *
 * Screenshots of every page are written to {@code target/screenshots/} ({@code lang-<page>-<language>-<width>.png}):
 * Arabic at both widths, English at 1280 px (see {@link #ENGLISH_AT_BOTH_WIDTHS}). The store is a 120-customer demo store with groups, policies and a
 * coupon, so lists and names are filled.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2026-03-31T09:00:00Z", "basira.demo.enabled=false"})
class DashboardLanguageBrowserTest {

    /**
     * The English pages are only photographed here (nothing is checked on them), at 1280 px in the suite; {@code
     * -Dbasira.screenshots.english-narrow=true} adds 390 px for a review of the English layout.
     */
    static final boolean ENGLISH_AT_BOTH_WIDTHS = Boolean.getBoolean("basira.screenshots.english-narrow");

    /** Latin words a merchant may read on an Arabic page: brands, products and the names of methods. */
    static final Set<String> ALLOWED = Set.of(
            "RFM",
            "BG",
            "NBD",
            "Pareto",
            "Gamma",
            "CLV",
            "CSV",
            "API",
            "URL",
            "HTTPS",
            "Salla",
            "Zid",
            "Shopify",
            "Standard",
            "Webhooks",
            "mada",
            "Apple",
            "Pay",
            "STC",
            "SAR");

    /**
     * GET routes that are not pages (answers to htmx or scripts, files) or that need a record this test does not make
     * (covered by their own browser tests), each with why.
     */
    static final Map<String, String> NOT_PAGES = Map.of(
            "/customers/export", "a CSV file",
            "/groups/{key}/export", "a CSV file",
            "/customers/rules/check", "JSON for the rule builder",
            "/policies/simulator/customers", "<option>s for the simulator's customer field (htmx)",
            "/import/jobs/{id}", "an import's report: DashboardBrowserTest uploads one",
            "/import/jobs/{id}/status", "the report's live part (htmx)",
            "/webhook-endpoints/{id}", "an endpoint: WebhooksBrowserTest registers one",
            "/webhook-endpoints/{id}/deliveries", "the delivery log's live part (htmx)",
            "/customers/{customerId}/privacy-export", "a zip file",
            "/survey/{token}", "the public survey page of a campaign message: CampaignApiContract answers one");

    /** Pages whose Latin words another change of issue 14 deals with (their layout is still checked here). */
    static final Map<String, String> WORDS_CHECKED_ELSEWHERE = Map.of(
            "policies-audit", "the audit's definitions before and after are item 11 of issue 14 (the audit page)");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    ImportFolder importer;

    @Autowired
    JdbcStores stores;

    @Autowired
    AddDashboardUser addUser;

    @Autowired
    JdbcCustomerQueries customers;

    @Autowired
    GroupRules groups;

    @Autowired
    FieldCatalogue fields;

    @Autowired
    CheckoutSetup checkout;

    @Autowired
    io.basira.server.campaigns.CampaignService campaigns;

    @Autowired
    io.basira.server.products.ProductAnalytics products;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

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
    void every_page_reads_in_arabic_without_raw_codes_and_fits_both_widths() throws IOException {
        DashboardFixture fixture = storeWithGroupsAndPolicies();
        Map<String, String> pages = pages(fixture);
        BrowserPages browserPages = new BrowserPages(browser, port);
        browserPages.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {BrowserPages.WIDE, BrowserPages.NARROW}) {
            for (var page : pages.entrySet()) {
                browserPages.resize(width);
                browserPages.open(page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang=ar");
                builderReady(browserPages);
                if (!WORDS_CHECKED_ELSEWHERE.containsKey(page.getKey())) {
                    problems.addAll(latinWords(page.getKey(), width));
                }
                problems.addAll(tooWide(page.getKey(), width));
                problems.addAll(brokenFigures(page.getKey(), width));
                browserPages.screenshot("lang-" + page.getKey(), "ar", width);
                if (width == BrowserPages.WIDE || ENGLISH_AT_BOTH_WIDTHS) {
                    browserPages.open(page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang=en");
                    browserPages.screenshot("lang-" + page.getKey(), "en", width);
                }
            }
        }
        browserPages.resize(BrowserPages.WIDE);
        assertThat(problems).isEmpty();
    }

    @Test
    void the_check_sees_a_raw_code_and_a_hidden_column() throws IOException {
        openSignedIn("/groups?lang=ar");
        ((JavascriptExecutor) browser)
                .executeScript("var p = document.createElement('p'); p.textContent = 'في vip';"
                        + "document.querySelector('main').appendChild(p);"
                        + "var w = document.createElement('div'); w.className = 'table-wrap';"
                        + "w.innerHTML = '<table><tr><td style=\"min-inline-size: 3000px\">x</td></tr></table>';"
                        + "document.querySelector('main').appendChild(w);");
        assertThat(latinWords("groups", BrowserPages.WIDE)).anyMatch(problem -> problem.contains("vip in «في vip»"));
        assertThat(tooWide("groups", BrowserPages.WIDE)).anyMatch(problem -> problem.contains("hides"));
    }

    @Test
    void the_check_sees_a_figure_broken_inside_its_number() throws IOException {
        openSignedIn("/?lang=ar");
        ((JavascriptExecutor) browser)
                .executeScript(
                        "var k = document.createElement('div'); k.className = 'kpi'; k.style.inlineSize = '6rem';"
                                + "k.innerHTML = '<span class=\"kpi-value\">ر.س.\u00a0123,456,789,012.50</span>';"
                                + "document.querySelector('main').appendChild(k);");
        assertThat(brokenFigures("overview", BrowserPages.WIDE))
                .anyMatch(problem -> problem.contains("breaks inside 123,456,789,012.50"));
    }

    /**
     * A page with a rule opens it in the visual builder once its script has checked the rule with the server; the
     * text mode (the rule language, for those who write rules) is what the merchant sees only on asking for it.
     */
    private static void builderReady(BrowserPages browserPages) {
        browserPages.waitFor().until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("var b = document.getElementById('builder'), r = document.getElementById('rule');"
                        + "return !b || !r || r.value.trim() === '' || !b.hidden;"));
    }

    /** The GET pages of the dashboard with a concrete address each; a mapped page without one fails here. */
    private Map<String, String> pages(DashboardFixture fixture) {
        String customer = customers
                .page(fixture.store().id(), null, CustomerSort.ORDER_COUNT, true, 0, 1)
                .items()
                .get(0)
                .customer()
                .externalId();
        long policy = Long.parseLong(
                String.valueOf(checkout.policies(fixture.store()).get(0).get("id")));
        Map<String, String> concrete = new LinkedHashMap<>();
        concrete.put("/", "/");
        concrete.put("/login", "/login");
        concrete.put("/customers", "/customers?rule=total_spent%20%3E%201000");
        concrete.put("/customers/{customerId}", "/customers/" + customer);
        concrete.put("/groups", "/groups");
        concrete.put("/groups/new", "/groups/new");
        concrete.put("/groups/{key}", "/groups/low-basket");
        concrete.put("/groups/{key}/edit", "/groups/low-basket/edit");
        concrete.put("/policies", "/policies");
        concrete.put("/policies/new", "/policies/new");
        concrete.put("/policies/{id}/edit", "/policies/" + policy + "/edit");
        concrete.put("/policies/audit", "/policies/audit");
        concrete.put("/policies/catalogue", "/policies/catalogue");
        concrete.put("/policies/coupons/new", "/policies/coupons/new");
        concrete.put("/policies/coupons/{code}/edit", "/policies/coupons/WELCOME10/edit");
        concrete.put(
                "/policies/simulator",
                "/policies/simulator?run=1&anonymous=on&product_id=P1&quantity=1&unit_price=150");
        concrete.put("/import", "/import");
        concrete.put("/sources", "/sources");
        concrete.put("/webhook-endpoints", "/webhook-endpoints");
        concrete.put("/analytics", "/analytics");
        concrete.put("/audit", "/audit");
        concrete.put("/import/mapping", "/import/mapping");
        concrete.put("/loyalty", "/loyalty");
        concrete.put("/tracking", "/tracking");
        // campaigns (docs/campaigns.md)
        long campaign = campaigns
                .create(
                        fixture.store(),
                        new CampaignRequest(
                                        "تذكير السلة",
                                        "abandoned_cart",
                                        null,
                                        null,
                                        "سلتك",
                                        "أكمل طلبك",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "لماذا لم تكمل الشراء؟")
                                .toCampaign(),
                        io.basira.server.privacy.AuditLog.Actor.cli())
                .id();
        concrete.put("/campaigns", "/campaigns");
        concrete.put("/campaigns/new", "/campaigns/new");
        concrete.put("/campaigns/{id}", "/campaigns/" + campaign);
        // channels: the messages page and the public unsubscribe page (a link that does not verify)
        concrete.put("/messages", "/messages?customer=" + customer);
        concrete.put("/u/{token}", "/u/not-a-token");
        // products pages (docs/products.md, "Dashboard"): the heat map by buyers, the pairs of at least one order
        concrete.put("/products/affinity", "/products/affinity?index=buyers");
        concrete.put("/products/basket", "/products/basket?min_count=1");
        // a product of the most frequent pair: what its buyers also bought
        Object paired = ((java.util.Map<?, ?>) ((List<?>) products.basket(
                                        fixture.store(),
                                        new io.basira.analytics.products.BoughtTogether.Thresholds(1, 0, 0),
                                        1)
                                .json()
                                .get("product_pairs"))
                        .get(0))
                .get("product_a");
        concrete.put("/products/basket/{productId}", "/products/basket/" + paired);
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean readable = methods.isEmpty() || methods.contains(RequestMethod.GET);
            boolean html = info.getProducesCondition().getProducibleMediaTypes().isEmpty()
                    || info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_HTML);
            for (String pattern : info.getPatternValues()) {
                if (readable
                        && html
                        && !pattern.startsWith("/api")
                        && !pattern.startsWith("/actuator")
                        && !pattern.startsWith("/error")
                        && !pattern.startsWith("/v3")
                        && !pattern.startsWith("/swagger")) {
                    mapped.add(pattern);
                }
            }
        }
        mapped.removeAll(NOT_PAGES.keySet());
        mapped.remove("/analytics/{tab}");
        assertThat(concrete.keySet())
                .as("every dashboard page has an address in this test")
                .containsAll(mapped);
        Map<String, String> pages = new LinkedHashMap<>();
        concrete.forEach((pattern, path) -> pages.put(name(pattern), path));
        AnalyticsPages.TABS.forEach(tab -> pages.put("analytics-" + tab, "/analytics/" + tab));
        return pages;
    }

    private static String name(String pattern) {
        String name = pattern.replaceAll("[{}]", "").replaceAll("^/|/$", "").replace('/', '-');
        return name.isEmpty() ? "overview" : name;
    }

    /** Visible Latin words of the page outside {@code translate="no"}, scripts and the allow-list. */
    private List<String> latinWords(String page, int width) {
        Object words = ((JavascriptExecutor) browser).executeScript("""
                var found = [];
                var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (var node = walker.nextNode(); node; node = walker.nextNode()) {
                  var parent = node.parentElement;
                  if (!parent || parent.closest('[translate="no"], [lang="en"], script, style, noscript, .visually-hidden')) { continue; }
                  if (!parent.checkVisibility({ contentVisibilityAuto: true, opacityProperty: false, visibilityProperty: true })) { continue; }
                  var style = getComputedStyle(parent);
                  if (style.visibility === 'hidden' || style.display === 'none') { continue; }
                  var words = node.textContent.match(/[A-Za-z][A-Za-z_]+/g);
                  if (words) { words.forEach(function (w) { found.push(w + ' in «' + node.textContent.trim().slice(0, 60) + '»'); }); }
                }
                return found;""");
        List<String> problems = new ArrayList<>();
        for (Object word : (List<?>) words) {
            String text = word.toString();
            if (!ALLOWED.contains(text.substring(0, text.indexOf(' ')))) {
                problems.add(page + " ar " + width + " px: Latin word " + text);
            }
        }
        return problems;
    }

    /** Opens {@code path} of the shared store, signed in as its owner. */
    private void openSignedIn(String path) throws IOException {
        DashboardFixture fixture = storeWithGroupsAndPolicies();
        BrowserPages browserPages = new BrowserPages(browser, port);
        browserPages.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        browserPages.open(path);
    }

    /**
     * KPI figures whose number is split across lines (a narrow card broke it mid-number): each run of digits and
     * separators in a {@code .kpi-value} must lie on one line.
     */
    private List<String> brokenFigures(String page, int width) {
        Object found = ((JavascriptExecutor) browser).executeScript("""
                var out = [];
                document.querySelectorAll('main .kpi-value').forEach(function (e) {
                  var walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
                    var numbers = /\\d[\\d,.]*\\d/g, m;
                    while ((m = numbers.exec(node.textContent))) {
                      var range = document.createRange();
                      range.setStart(node, m.index);
                      range.setEnd(node, m.index + m[0].length);
                      var lines = new Set(Array.from(range.getClientRects()).map(function (r) { return Math.round(r.top); }));
                      if (lines.size > 1) { out.push('the figure «' + e.textContent.trim() + '» breaks inside ' + m[0]); }
                    }
                  }
                });
                return out;""");
        return ((List<?>) found)
                .stream().map(p -> page + " ar " + width + " px: " + p).toList();
    }

    /** Elements wider than their container: the page, a scrolling box, or anything sticking out of main. */
    private List<String> tooWide(String page, int width) {
        Object found = ((JavascriptExecutor) browser).executeScript("""
                var out = [];
                var root = document.documentElement;
                if (root.scrollWidth > root.clientWidth) { out.push('the page scrolls sideways by ' + (root.scrollWidth - root.clientWidth) + ' px'); }
                var main = document.querySelector('main');
                var box = main.getBoundingClientRect();
                main.querySelectorAll('*').forEach(function (e) {
                  if (!e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) || e.getBoundingClientRect().width <= 1
                      || e.closest('.visually-hidden, canvas, .chart')) { return; }
                  var style = getComputedStyle(e);
                  var what = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '');
                  if ((style.overflowX === 'auto' || style.overflowX === 'scroll' || style.overflowX === 'hidden')
                      && e.scrollWidth > e.clientWidth + 1 && e.tagName !== 'TEXTAREA' && e.tagName !== 'INPUT' && e.tagName !== 'SELECT') {
                    out.push(what + ' hides ' + (e.scrollWidth - e.clientWidth) + ' px of its content');
                  }
                  var r = e.getBoundingClientRect();
                  if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1) && !e.closest('.table-wrap')) {
                    out.push(what + ' sticks out of the page by ' + Math.round(Math.max(r.right - box.right, box.left - r.left)) + ' px');
                  }
                });
                return out.slice(0, 5);""");
        return ((List<?>) found)
                .stream().map(p -> page + " ar " + width + " px: " + p).toList();
    }

    private DashboardFixture storeWithGroupsAndPolicies() throws IOException {
        if (shared != null) {
            return shared;
        }
        Path folder = Files.createTempDirectory("basira-language-store");
        new DemoStoreGenerator()
                .write(
                        DemoStoreSpec.defaults()
                                .withCustomers(120)
                                .withOrders(400)
                                .withPeriod(LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31)),
                        folder);
        DashboardFixture fixture = DashboardFixture.create(importer, stores, addUser, folder, "متجر اللغة");
        groups.create(
                fixture.store(),
                "vip",
                "كبار العملاء",
                RuleText.parse("total_spent > 1500 OR order_count > 10", fields));
        groups.create(
                fixture.store(),
                "low-basket",
                "سلة منخفضة",
                RuleText.parse("total_spent < 200 AND order_count < 3", fields));
        groups.createNamed(fixture.store(), "عملاء غير نشطين", RuleText.parse("last_purchase_at < -90d", fields));
        String user = fixture.ownerEmail();
        checkout.createPolicy(
                fixture.store(),
                user,
                CheckoutForms.policy(
                        Map.of(
                                "name",
                                new String[] {"عرض السلة المنخفضة"},
                                "kind",
                                new String[] {"percent_off"},
                                "percent",
                                new String[] {"30"},
                                "any_of",
                                new String[] {"low-basket"}),
                        fixture.store().timeZone()));
        checkout.createPolicy(
                fixture.store(),
                user,
                CheckoutForms.policy(
                        Map.of(
                                "name",
                                new String[] {"إخفاء الدفع"},
                                "kind",
                                new String[] {"hide_payment_methods"},
                                "methods",
                                new String[] {"bank_transfer", "cod"},
                                "any_of",
                                new String[] {"low-basket"}),
                        fixture.store().timeZone()));
        checkout.createCoupon(
                fixture.store(),
                user,
                CheckoutForms.coupon(
                        Map.of(
                                "code",
                                new String[] {"WELCOME10"},
                                "benefit",
                                new String[] {"percent_off"},
                                "percent",
                                new String[] {"10"},
                                "any_of",
                                new String[] {"vip"}),
                        fixture.store().timeZone()));
        shared = fixture;
        return fixture;
    }

    static DashboardFixture shared;
}
