package io.basira.server.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.dashboard.DashboardClient;
import io.basira.server.dashboard.DashboardFixture;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Privacy in the dashboard (docs/privacy.md): the owner exports and erases from the card and reads the audit log, in
 * names and readable changes; a support agent, who may read cards, may do none of it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class PrivacyPagesOnH2Test {

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
    void store() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
        }
        browser = new DashboardClient(port);
    }

    @Test
    void a_support_agent_reads_the_card_but_neither_exports_erases_nor_reads_the_audit_log() {
        browser.signIn(fixture.supportEmail(), fixture.supportPassword());
        HttpResponse<String> card = browser.get("/customers/C-2");
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).doesNotContain("privacy-erase", "privacy-export");
        assertThat(browser.get("/customers/C-2/privacy-export").statusCode()).isEqualTo(403);
        assertThat(browser.get("/audit").statusCode()).isEqualTo(403);
        String token = browser.csrfTokenOf("/customers/C-2");
        assertThat(browser.postForm("/customers/C-2/erase", Map.of("_csrf", token, "confirm", "C-2"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_owner_exports_and_erases_from_the_card_and_the_audit_log_names_who_did_it() {
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        HttpResponse<String> card = browser.get("/customers/C-1");
        assertThat(card.body()).contains("privacy-erase", "privacy-export");
        assertThat(browser.get("/customers/C-1/privacy-export").statusCode()).isEqualTo(200);
        String token = browser.csrfTokenOf("/customers/C-1");
        HttpResponse<String> unconfirmed =
                browser.postForm("/customers/C-1/erase", Map.of("_csrf", token, "confirm", "x"));
        assertThat(unconfirmed.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("erase=unconfirmed"));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM customers WHERE store_id = ? AND external_id = 'C-1'",
                        Integer.class,
                        fixture.store().id().value()))
                .isEqualTo(1);
        HttpResponse<String> erased =
                browser.postForm("/customers/C-1/erase", Map.of("_csrf", token, "confirm", "C-1"));
        assertThat(erased.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/audit?erased="));
        assertThat(browser.get("/customers/C-1").statusCode()).isEqualTo(404);
        HttpResponse<String> audit = browser.get("/audit?lang=en");
        assertThat(audit.body())
                .contains("erased a customer", "exported the data", "viewed the card", fixture.ownerEmail())
                .doesNotContain("Sara", "Alqahtani", "sara@example.com");
        assertThat(browser.get("/audit?lang=ar").body()).contains("مسح عميلًا");
    }

    @Test
    void the_policies_audit_shows_changes_field_by_field_with_group_names() {
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        String token = browser.csrfTokenOf("/groups/new");
        assertThat(browser.postForm(
                                "/groups",
                                Map.of(
                                        "_csrf",
                                        token,
                                        "key",
                                        "happy",
                                        "name",
                                        "Happy customers",
                                        "rule",
                                        "order_count > 0"))
                        .statusCode())
                .isEqualTo(302);
        jdbc.update(
                "INSERT INTO checkout_audit (store_id, at, actor, action, subject, subject_id, before_json, after_json) "
                        + "VALUES (?, CURRENT_TIMESTAMP, 'dashboard:owner', 'update', 'policy', '4', ?, ?)",
                fixture.store().id().value(),
                "{\"id\":\"4\",\"name\":\"Free shipping\",\"groups\":{\"any_of\":[\"vip\"]}}",
                "{\"id\":\"4\",\"name\":\"Free shipping\",\"groups\":{\"any_of\":[\"happy\"]}}");
        String page = browser.get("/policies/audit?lang=en").body();
        assertThat(page).contains("for members of any of", "Happy customers").doesNotContain("{id=", "any_of=[");
        String log = browser.get("/audit?lang=en").body();
        assertThat(log)
                .as("the group's creation in the audit log")
                .contains("created a group", "Happy customers", "order_count &gt; 0");
    }

    @Test
    void settings_saved_on_the_dashboard_are_in_the_audit_log_by_name_with_the_secret_masked() {
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
        String token = browser.csrfTokenOf("/messages");
        Map<String, String> channels = new java.util.LinkedHashMap<>(Map.of(
                "_csrf",
                token,
                "smtpHost",
                "mail.example.com",
                "smtpPort",
                "587",
                "smtpPassword",
                "page-pass-2024",
                "emailFrom",
                "shop@example.com",
                "quietStart",
                "22:00",
                "quietEnd",
                "07:00"));
        assertThat(browser.postForm("/messages/settings", channels).statusCode())
                .isEqualTo(302);
        token = browser.csrfTokenOf("/tracking");
        assertThat(browser.postForm(
                                "/tracking",
                                Map.of(
                                        "_csrf",
                                        token,
                                        "origins",
                                        "https://shop.example.com",
                                        "consent",
                                        "true",
                                        "retention",
                                        "12"))
                        .statusCode())
                .isEqualTo(302);

        String english = browser.get("/audit?lang=en").body();
        assertThat(english)
                .contains(
                        "changed the message channels",
                        "outgoing mail server",
                        "mail.example.com",
                        "password",
                        "changed the tracking site",
                        "allowed sites",
                        "https://shop.example.com",
                        fixture.ownerEmail())
                .doesNotContain("page-pass-2024", "smtp_host", "allowed_origins");
        assertThat(browser.get("/audit?lang=ar").body())
                .contains(
                        "عدّل إعدادات قنوات الرسائل",
                        "خادم البريد الصادر",
                        "عدّل إعدادات تتبّع التصفح",
                        "النطاقات المسموح بها");
    }
}
