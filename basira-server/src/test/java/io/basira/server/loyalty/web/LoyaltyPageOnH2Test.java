package io.basira.server.loyalty.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.ingest.IngestRecords;
import io.basira.ingest.RecordBatch;
import io.basira.loyalty.Redemption;
import io.basira.server.dashboard.DashboardClient;
import io.basira.server.dashboard.DashboardFixture;
import io.basira.server.importing.ImportFolder;
import io.basira.server.loyalty.LoyaltyService;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The loyalty page and the card's ledger over real HTTP: tier distribution, liability, a manual adjustment with its reason. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class LoyaltyPageOnH2Test {

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
    LoyaltyService loyalty;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    IngestRecords ingest;

    @Autowired
    TransactionTemplate transactions;

    static DashboardFixture fixture;
    DashboardClient browser;

    @BeforeEach
    void signedIn() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
            loyalty.saveProgram(
                    fixture.store(),
                    new io.basira.server.loyalty.api.ProgramBody(
                            true,
                            "2024-01-01T00:00:00+03:00",
                            1L,
                            new java.math.BigDecimal("1.00"),
                            0,
                            null,
                            null,
                            null,
                            "spend_12m",
                            java.util.List.of(new io.basira.server.loyalty.api.ProgramBody.TierBody(
                                    "gold", new java.math.BigDecimal("0"), null, true, true)),
                            12,
                            7,
                            100L,
                            new java.math.BigDecimal("10.00"),
                            null,
                            null,
                            null,
                            null),
                    io.basira.server.privacy.AuditLog.Actor.cli());
        }
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    @Test
    void a_merchant_adjusts_points_with_a_reason_and_sees_the_ledger_tiers_and_liability() {
        String token = browser.csrfTokenOf("/customers/C-1");
        HttpResponse<String> adjusted = browser.postForm(
                "/customers/C-1/loyalty/adjustments",
                Map.of("points", "250", "reason", "تعويض عن تأخير التوصيل", "_csrf", token));
        assertThat(adjusted.statusCode()).isEqualTo(302);
        String card = browser.get("/customers/C-1").body();
        assertThat(card).contains("عُدّلت النقاط", "تعويض عن تأخير التوصيل", fixture.ownerEmail(), "تعديل يدوي");
        assertThat(browser.get("/loyalty").body()).contains("توزيع المستويات", "gold", "الالتزام القائم");
        browser.postForm(
                "/customers/C-1/loyalty/adjustments",
                Map.of("points", "-1000", "reason", "خطأ", "_csrf", browser.csrfTokenOf("/customers/C-1")));
        assertThat(browser.get("/customers/C-1?lang=en").body()).contains("does not have enough available points");
        assertThat(browser.get("/loyalty?lang=en").body()).contains("Outstanding liability", "250 points worth");
    }

    @Test
    void the_cards_ledger_shows_the_order_that_used_a_reward() {
        Store store = fixture.store();
        loyalty.adjust(store, "C-2", 100, "test", "a reward to spend");
        Redemption reserved = loyalty.reserve(store, "C-2", Redemption.Reward.COUPON, 100);
        Order order = new Order(
                "O-PTS-1",
                "C-2",
                Instant.parse("2024-06-01T08:00:00Z"),
                OrderStatus.PENDING,
                Money.ofMinor(5_000, store.currency()),
                null,
                reserved.couponCode(),
                null,
                null);
        transactions.executeWithoutResult(status -> ingest.ingest(store, new RecordBatch().add(order)));
        String card = browser.get("/customers/C-2").body();
        assertThat(card).contains("استُخدم في الطلب", "data-order=\"O-PTS-1\"");
        assertThat(browser.get("/customers/C-2?lang=en").body()).contains("used by order");
    }

    @Test
    void the_owner_saves_the_program_through_the_form_audited_and_a_refusal_is_said_in_arabic() {
        Map<String, String> form = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("enabled", "on"),
                Map.entry("starts_at", "2024-01-01T00:00"),
                Map.entry("earn_points", "٢"),
                Map.entry("earn_per", "1.00"),
                Map.entry("pending_days", "7"),
                Map.entry("signup_points", "15"),
                Map.entry("tier_basis", "points_12m"),
                Map.entry("tiers[0].name", "فضي"),
                Map.entry("tiers[0].threshold", "0"),
                Map.entry("tiers[1].name", "ذهبي"),
                Map.entry("tiers[1].threshold", "500"),
                Map.entry("tiers[1].multiplier", "1.5"),
                Map.entry("tiers[1].free_shipping", "on"),
                Map.entry("expiry_months", "12"),
                Map.entry("expiry_kind", "lot"),
                Map.entry("expiry_warning_days", "7"),
                Map.entry("redeem_points", "100"),
                Map.entry("redeem_value", "10.00"),
                Map.entry("free_shipping_points", "300"),
                Map.entry("_csrf", browser.csrfTokenOf("/loyalty"))));
        HttpResponse<String> saved = browser.postForm("/loyalty/program", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        var program = loyalty.program(fixture.store());
        assertThat(program.earnPoints()).isEqualTo(2);
        assertThat(program.startsAt()).isEqualTo(java.time.Instant.parse("2023-12-31T21:00:00Z"));
        assertThat(program.tiers()).extracting(io.basira.loyalty.Tier::name).containsExactly("فضي", "ذهبي");
        assertThat(program.tierNamed("ذهبي").freeShipping()).isTrue();
        assertThat(program.tierNamed("ذهبي").multiplierPermille()).isEqualTo(1500);
        assertThat(program.expiryKind()).isEqualTo(io.basira.loyalty.ExpiryKind.LOT);
        assertThat(browser.get("/loyalty").body())
                .contains(
                        "حُفظ البرنامج",
                        "value=\"ذهبي\"",
                        "<option value=\"lot\" selected=\"selected\"",
                        "تنتهي كل دفعة من النقاط بعد");
        assertThat(jdbc.queryForList(
                        "SELECT actor_name, changes FROM audit_log WHERE store_id = ? AND action = ?",
                        fixture.store().id().value(),
                        "loyalty_program.change"))
                .last()
                .asString()
                .contains(fixture.ownerEmail(), "earn_points", "ذهبي", "expiry_kind");

        form.put("earn_points", "2000000");
        form.put("_csrf", browser.csrfTokenOf("/loyalty"));
        HttpResponse<String> refused = browser.postForm("/loyalty/program", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("النقاط المكتسبة", "خارج المدى من", "value=\"2000000\"");
        form.put("earn_points", "1");
        form.put("tiers[1].name", "فضي");
        form.put("_csrf", browser.csrfTokenOf("/loyalty"));
        assertThat(browser.postForm("/loyalty/program", form).body()).contains("اسم المستوى", "مكرر");
        form.put("tiers[1].name", "ذهبي");
        form.put("earn_per", "abc");
        form.put("_csrf", browser.csrfTokenOf("/loyalty"));
        assertThat(browser.postForm("/loyalty/program", form).statusCode()).isEqualTo(422);
        assertThat(loyalty.program(fixture.store()).earnPoints())
                .as("nothing saved")
                .isEqualTo(2);
    }

    @Test
    void a_support_agent_sees_no_form_and_cannot_post_one() {
        DashboardClient support = new DashboardClient(port);
        support.signIn(fixture.supportEmail(), fixture.supportPassword());
        assertThat(support.get("/loyalty").body()).doesNotContain("program-form");
        HttpResponse<String> refused = support.postForm(
                "/loyalty/program", Map.of("earn_points", "5", "_csrf", support.csrfTokenOf("/loyalty")));
        assertThat(refused.statusCode()).isEqualTo(403);
    }
}
