package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.importing.ImportFolder;
import io.basira.server.jdbc.JdbcStores;
import io.basira.server.loyalty.LoyaltyService;
import io.basira.server.support.TestDatabases;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The loyalty page and the card's ledger over real HTTP: tier distribution, liability, a manual adjustment with its reason. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class LoyaltyPageOnH2Test {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort int port;
    @Autowired ImportFolder importer;
    @Autowired JdbcStores stores;
    @Autowired AddDashboardUser addUser;
    @Autowired LoyaltyService loyalty;

    static DashboardFixture fixture;
    DashboardClient browser;

    @BeforeEach
    void signedIn() {
        if (fixture == null) {
            fixture = DashboardFixture.create(importer, stores, addUser, DashboardFixture.resource("csvimport/complete"),
                    "متجر");
            loyalty.saveProgram(fixture.store(), new io.basira.server.loyalty.ProgramBody(true, "2024-01-01T00:00:00+03:00",
                    1L, new java.math.BigDecimal("1.00"), 0, null, null, null, "spend_12m", java.util.List.of(
                            new io.basira.server.loyalty.ProgramBody.TierBody("gold", new java.math.BigDecimal("0"), null,
                                    true, true)), 12, 7, 100L, new java.math.BigDecimal("10.00"), null, null, null), "test");
        }
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    @Test
    void a_merchant_adjusts_points_with_a_reason_and_sees_the_ledger_tiers_and_liability() {
        String token = browser.csrfTokenOf("/customers/C-1");
        HttpResponse<String> adjusted = browser.postForm("/customers/C-1/loyalty/adjustments",
                Map.of("points", "250", "reason", "تعويض عن تأخير التوصيل", "_csrf", token));
        assertThat(adjusted.statusCode()).isEqualTo(302);
        String card = browser.get("/customers/C-1").body();
        assertThat(card).contains("عُدّلت النقاط", "تعويض عن تأخير التوصيل", fixture.ownerEmail(), "تعديل يدوي");
        assertThat(browser.get("/loyalty").body()).contains("توزيع المستويات", "gold", "الالتزام القائم");
        browser.postForm("/customers/C-1/loyalty/adjustments", Map.of("points", "-1000", "reason", "خطأ",
                "_csrf", browser.csrfTokenOf("/customers/C-1")));
        assertThat(browser.get("/customers/C-1?lang=en").body()).contains("does not have enough available points");
        assertThat(browser.get("/loyalty?lang=en").body()).contains("Outstanding liability", "250 points worth");
    }
}
