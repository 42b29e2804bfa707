package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in throttling over real HTTP, with small limits (3 failures per account, 5 per address) so
 * the test spends few BCrypt checks. Each test comes from its own address (X-Forwarded-For from this
 * host, a trusted proxy), so the tests do not share an address's count.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "basira.clock.fixed=2024-06-01T09:00:00Z",
            "basira.demo.enabled=false",
            "basira.sign-in.account-attempts=3",
            "basira.sign-in.address-attempts=5"
        })
class SignInThrottleOnH2Test {

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

    DashboardFixture fixture;

    @BeforeEach
    void store() {
        fixture = DashboardFixture.create(
                importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
    }

    @Test
    void after_three_wrong_passwords_even_the_right_one_is_turned_away_before_it_is_checked() {
        DashboardClient browser = new DashboardClient(port, "X-Forwarded-For", "203.0.113.10");
        for (int i = 0; i < 3; i++) {
            assertThat(location(browser.signIn(fixture.ownerEmail(), "guess-" + i)))
                    .endsWith("/login?error");
        }
        assertThat(location(browser.signIn(fixture.ownerEmail().toUpperCase(), fixture.ownerPassword())))
                .endsWith("/login?throttled");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(browser.get("/login?throttled&lang=en").body()).contains("Too many failed sign-in attempts");

        DashboardClient elsewhere = new DashboardClient(port, "X-Forwarded-For", "203.0.113.11");
        assertThat(location(elsewhere.signIn(fixture.ownerEmail(), fixture.ownerPassword())))
                .as("the account is throttled from every address")
                .endsWith("/login?throttled");
        assertThat(location(browser.signIn(fixture.supportEmail(), fixture.supportPassword())))
                .as("another account from the same address still signs in")
                .doesNotContain("/login");
    }

    @Test
    void one_address_guessing_many_accounts_is_turned_away_too() {
        DashboardClient browser = new DashboardClient(port, "X-Forwarded-For", "198.51.100.7");
        for (int i = 0; i < 5; i++) {
            assertThat(location(browser.signIn("nobody-" + i + "@example.com", "guess")))
                    .endsWith("/login?error");
        }
        assertThat(location(browser.signIn(fixture.ownerEmail(), fixture.ownerPassword())))
                .endsWith("/login?throttled");
        DashboardClient elsewhere = new DashboardClient(port, "X-Forwarded-For", "198.51.100.8");
        assertThat(location(elsewhere.signIn(fixture.ownerEmail(), fixture.ownerPassword())))
                .doesNotContain("/login");
    }

    @Test
    void a_successful_sign_in_gives_the_account_its_attempts_back() {
        DashboardClient browser = new DashboardClient(port, "X-Forwarded-For", "192.0.2.44");
        browser.signIn(fixture.ownerEmail(), "guess-1");
        browser.signIn(fixture.ownerEmail(), "guess-2");
        assertThat(location(browser.signIn(fixture.ownerEmail(), fixture.ownerPassword())))
                .doesNotContain("/login");
        DashboardClient again = new DashboardClient(port, "X-Forwarded-For", "192.0.2.45");
        again.signIn(fixture.ownerEmail(), "guess-3");
        again.signIn(fixture.ownerEmail(), "guess-4");
        assertThat(location(again.signIn(fixture.ownerEmail(), fixture.ownerPassword())))
                .doesNotContain("/login");
    }

    @Test
    void guesses_sent_all_at_once_get_no_more_password_checks_than_the_limit() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                DashboardClient browser = new DashboardClient(port, "X-Forwarded-For", "203.0.113." + (10 + i));
                int guess = i;
                answers.add(pool.submit(() -> location(browser.signIn(fixture.ownerEmail(), "guess-" + guess))));
            }
            long checked = 0;
            for (java.util.concurrent.Future<String> answer : answers) {
                checked += answer.get(60, java.util.concurrent.TimeUnit.SECONDS).endsWith("/login?error") ? 1 : 0;
            }
            assertThat(checked)
                    .as("wrong passwords checked for an account with 3 attempts")
                    .isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
    }
}
