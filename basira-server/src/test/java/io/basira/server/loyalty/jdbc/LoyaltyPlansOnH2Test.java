package io.basira.server.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The plans H2 gives a write's loyalty reads while the tables are empty: H2 keeps a statement's plan for the life of
 * the connection, so a plan made then must already look each customer up by the index (JdbcLoyaltyLedgers.lockOnH2).
 * Planned by estimates, the ledger read scanned the store's ledger for every chunk of customers.
 */
class LoyaltyPlansOnH2Test {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:loyalty-plans;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void the_accounts_and_ledgers_of_a_write_are_looked_up_by_customer_from_the_list() {
        String plan = explain(JdbcLoyaltyLedgers.accountsOnH2(3), "C1", "C2", "C3", 1L, 1L);
        assertThat(plan).startsWith("SELECT").contains("FROM (VALUES");
        assertThat(plan)
                .containsPattern("LOYALTY_ACCOUNTS\" \"A\" /\\* PUBLIC\\.PRIMARY_KEY_\\w+: STORE_ID = \\?\\d+ AND"
                        + " CUSTOMER_EXTERNAL_ID = IDS\\.ID");
        assertThat(plan)
                .containsPattern("LOYALTY_LEDGER\" \"L\" USE INDEX \\(\"LOYALTY_LEDGER_CUSTOMER\"\\) /\\*"
                        + " PUBLIC\\.LOYALTY_LEDGER_CUSTOMER: STORE_ID = \\?\\d+ AND CUSTOMER_EXTERNAL_ID = IDS\\.ID");
    }

    @Test
    void the_kept_standings_of_a_write_are_looked_up_by_customer_from_the_list() {
        String plan = explain(JdbcLoyaltyLedgers.keptOnH2(2), "C1", "C2", 1L);
        assertThat(plan).startsWith("SELECT").contains("FROM (VALUES");
        assertThat(plan)
                .containsPattern("LOYALTY_ACCOUNTS\" \"A\" /\\* PUBLIC\\.PRIMARY_KEY_\\w+: STORE_ID = \\?\\d+ AND"
                        + " CUSTOMER_EXTERNAL_ID = IDS\\.ID");
    }

    @Test
    void the_purchases_of_a_write_are_looked_up_by_customer_from_the_list() {
        OffsetDateTime since = OffsetDateTime.now();
        String plan = explain(JdbcPurchaseActivity.purchasesOnH2(2), since, since, "C1", "C2", 1L);
        assertThat(plan).contains("FROM (VALUES");
        assertThat(plan)
                .containsPattern(
                        "/\\* PUBLIC\\.ORDERS_CUSTOMER: STORE_ID = \\?\\d+ AND" + " CUSTOMER_EXTERNAL_ID = IDS\\.ID");
    }

    private static String explain(String sql, Object... args) {
        List<Object> all = new ArrayList<>(List.of(args));
        return jdbc.queryForObject("EXPLAIN " + sql, String.class, all.toArray())
                .replaceAll("\\s+", " ");
    }
}
