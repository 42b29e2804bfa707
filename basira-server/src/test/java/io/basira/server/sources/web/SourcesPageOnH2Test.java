package io.basira.server.sources.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.dashboard.DashboardClient;
import io.basira.server.dashboard.DashboardFixture;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sources page over real HTTP: register a source (its secret shown once), see and replay a parked event, remove. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class SourcesPageOnH2Test {

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
    JdbcTemplate jdbc;

    static DashboardFixture fixture;
    DashboardClient browser;

    @BeforeEach
    void signedIn() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
        }
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    @Test
    void a_merchant_adds_a_zid_source_sees_its_secret_once_and_replays_a_parked_event() {
        HttpResponse<String> page = browser.get("/sources");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("مصادر المنصات", "إضافة المصدر");
        String token = browser.csrfTokenOf("/sources");
        HttpResponse<String> added =
                browser.postForm("/sources", Map.of("platform", "zid", "label", "زد", "_csrf", token));
        assertThat(added.statusCode()).isEqualTo(302);
        String shown = browser.get("/sources").body();
        Matcher secret = Pattern.compile("(basira:[0-9a-f]{48})").matcher(shown);
        assertThat(secret.find()).as(shown).isTrue();
        Matcher path = Pattern.compile("/webhooks/zid/(src_[a-z0-9]{20})").matcher(shown);
        assertThat(path.find()).isTrue();
        assertThat(browser.get("/sources").body())
                .as("shown once")
                .doesNotContain(secret.group(1))
                .contains(path.group(1));

        jdbc.update(
                "INSERT INTO webhook_inbox (store_id, source_id, platform, event_key, topic, body, received_at, state,"
                        + " outcome) VALUES (?, ?, 'zid', 'sha256:page', 'order.create', '{\"id\":1}', CURRENT_TIMESTAMP, 'parked',"
                        + " 'order 1: order_status.code is missing')",
                fixture.store().id().value(),
                path.group(1));
        long id = jdbc.queryForObject("SELECT id FROM webhook_inbox WHERE event_key = 'sha256:page'", Long.class);
        assertThat(browser.get("/sources").body()).contains("order_status.code is missing", "إعادة التطبيق");
        HttpResponse<String> replayed =
                browser.postForm("/sources/inbox/" + id + "/replay", Map.of("_csrf", browser.csrfTokenOf("/sources")));
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/sources").body()).contains("أُعيد تطبيق الحدث", "موقوف");

        HttpResponse<String> removed = browser.postForm(
                "/sources/" + path.group(1) + "/delete", Map.of("_csrf", browser.csrfTokenOf("/sources")));
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/sources").body()).doesNotContain("/webhooks/zid/" + path.group(1));
    }

    @Test
    void a_shopify_source_without_its_secret_is_refused_with_the_reason() {
        browser.postForm("/sources", Map.of("platform", "shopify", "_csrf", browser.csrfTokenOf("/sources?lang=en")));
        assertThat(browser.get("/sources?lang=en").body()).contains("A Shopify source needs its secret");
        browser.postForm("/sources", Map.of("platform", "salla", "_csrf", browser.csrfTokenOf("/sources?lang=ar")));
        assertThat(browser.get("/sources?lang=ar").body())
                .contains("مصدر سلة يحتاج إلى سرّه")
                .doesNotContain("needs its secret");
    }
}
