package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.security.JdbcDashboardUsers;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard's doors, over real HTTP: sign-in, CSRF, roles, the language cookie, one store per
 * user, and the API's key authentication untouched by the dashboard's session.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class DashboardSecurityOnH2Test {

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
    JdbcDashboardUsers users;

    @Autowired
    JdbcApiKeys keys;

    /** One store for the class: hashing passwords at cost 12 is deliberately slow. */
    static DashboardFixture fixture;

    DashboardClient browser;

    @BeforeEach
    void store() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
        }
        browser = new DashboardClient(port);
    }

    @Test
    void a_page_asks_to_sign_in_first() {
        HttpResponse<String> response = browser.get("/customers");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void an_htmx_poll_without_a_session_is_sent_to_the_sign_in_page_whole() {
        HttpResponse<String> response = browser.get("/import/jobs/x/status", "HX-Request", "true");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/login?expired");
    }

    @Test
    void the_sign_in_page_is_arabic_and_right_to_left_by_default_even_for_an_english_browser() {
        HttpResponse<String> page = browser.get("/login", "Accept-Language", "en-US,en;q=0.9");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ar\" dir=\"rtl\">", "تسجيل الدخول", "<label for=\"email\"");
    }

    @Test
    void a_wrong_password_is_refused_and_a_right_one_opens_the_overview() {
        assertThat(browser.signIn(fixture.ownerEmail(), "not-the-password")
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        HttpResponse<String> signedIn = browser.signIn(fixture.ownerEmail().toUpperCase(), fixture.ownerPassword());
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        HttpResponse<String> overview = browser.get("/");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("متجر", "data-kpi=\"customers\">2<");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site() {
        HttpResponse<String> signedIn = browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void the_session_cookie_is_secure_when_the_page_is_served_over_https_behind_a_proxy() {
        HttpResponse<String> overHttps = new DashboardClient(port, "X-Forwarded-Proto", "https").get("/login");
        assertThat(overHttps.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));
        HttpResponse<String> overHttp = new DashboardClient(port).get("/login");
        assertThat(overHttp.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void english_is_one_click_away_and_stays_chosen() {
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        assertThat(browser.get("/customers").body())
                .contains("<html lang=\"ar\" dir=\"rtl\">", "href=\"/customers?lang=en\"");
        assertThat(browser.get("/customers?lang=en").body()).contains("<html lang=\"en\" dir=\"ltr\">", "Customers");
        assertThat(browser.get("/customers").body()).contains("<html lang=\"en\" dir=\"ltr\">");
        assertThat(browser.get("/customers?lang=ar").body()).contains("<html lang=\"ar\" dir=\"rtl\">");
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes_of_cost_12() {
        String hash = users.findByEmail(fixture.ownerEmail()).orElseThrow().passwordHash();
        assertThat(hash).startsWith("{bcrypt}$2a$12$").doesNotContain(fixture.ownerPassword());
    }

    @Test
    void a_change_without_the_csrf_token_is_refused() {
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        assertThat(browser.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void signing_out_ends_the_session() {
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        String token = browser.csrfTokenOf("/");
        assertThat(browser.postForm("/logout", Map.of("_csrf", token)).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?signed-out"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void a_support_agent_reads_but_cannot_import() {
        browser.signIn(fixture.supportEmail(), fixture.supportPassword());
        assertThat(browser.get("/customers/C-1").statusCode()).isEqualTo(200);
        HttpResponse<String> importPage = browser.get("/import");
        assertThat(importPage.body()).contains("لمالك المتجر فقط").doesNotContain("type=\"file\"");
        String token = browser.csrfTokenOf("/");
        assertThat(browser.postForm("/import", Map.of("_csrf", token)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_user_sees_only_the_customers_of_their_own_store() {
        DashboardFixture other = DashboardFixture.create(
                importer, stores, addUser, DashboardFixture.resource("csvimport/arabic"), "آخر");
        browser.signIn(other.ownerEmail(), other.ownerPassword());
        assertThat(browser.get("/customers/C-1").body()).contains("سارة");
        DashboardClient mine = new DashboardClient(port);
        mine.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        assertThat(mine.get("/customers/C-1").body()).contains("Sara").doesNotContain("سارة");
        assertThat(mine.get("/customers?q=%D8%B3%D8%A7%D8%B1%D8%A9").body())
                .contains("لا يوجد عميل مطابق")
                .doesNotContain("القحطاني");
        assertThat(mine.get("/customers/C-3").statusCode()).isEqualTo(404);
    }

    @Test
    void customers_can_be_filtered_by_a_rule_and_a_wrong_rule_says_where() {
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        String completed = browser.get("/customers?rule="
                        + java.net.URLEncoder.encode(
                                "last_purchase_at IS NOT NULL", java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(completed).contains(">C-1<").doesNotContain(">C-2<");
        String everyone = browser.get("/customers?rule="
                        + java.net.URLEncoder.encode("order_count >= 1", java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(everyone).contains(">C-1<", ">C-2<");
        String wrong = browser.get("/customers?rule="
                        + java.net.URLEncoder.encode("total_spent >", java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(wrong)
                .contains(
                        "السطر \u20681\u2069، العمود \u206814\u2069: يُتوقّع قيمة بعد «\u2068&gt;\u2069»، ووُجد نهاية القاعدة");
        String english = browser.get("/customers?lang=en&rule="
                        + java.net.URLEncoder.encode("total_spent >", java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(english)
                .contains("line 1, column 14: expected a value after &#39;&gt;&#39;, found the end of the rule");
    }

    @Test
    void the_api_still_takes_its_key_and_never_the_dashboard_session() {
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        assertThat(browser.get("/api/v1/customers").statusCode()).isEqualTo(401);
        String key = keys.create(fixture.store().id(), "test").secret().value();
        assertThat(browser.get("/api/v1/customers", "Authorization", "Bearer " + key)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_export_link_downloads_the_customer_csv_of_the_signed_in_store() {
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        HttpResponse<String> csv = browser.get("/customers/export");
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines()).hasSize(3).first().asString().startsWith("customer_id,order_count");
    }

    @Test
    void the_dashboard_exports_are_byte_for_byte_the_api_exports() throws Exception {
        String key = keys.create(fixture.store().id(), "test").secret().value();
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/groups"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"key\":\"everyone\",\"name\":\"everyone\",\"rule\":\"order_count >= 0\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String apiCustomers = browser.get("/api/v1/customers/export", "Authorization", "Bearer " + key)
                .body();
        String apiMembers = browser.get("/api/v1/groups/everyone/members/export", "Authorization", "Bearer " + key)
                .body();

        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        assertThat(browser.get("/customers/export").body()).isEqualTo(apiCustomers);
        assertThat(browser.get("/groups/everyone/export").body())
                .isEqualTo(apiMembers)
                .isEqualTo(apiCustomers);
    }
}
