package io.basira.server.importing.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.jdbc.StagedTable;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import's foreign keys checked set-wise ({@link SetWiseKeys}) on PostgreSQL: the test database's role may use
 * them (so every PostgreSQL import test runs that way), a staged record naming a customer the store does not have
 * is refused as the per-row key would refuse it, and the per-row triggers are on again after the writes.
 */
@SpringBootTest(properties = {"basira.demo.enabled=false"})
class SetWiseKeysOnPostgresTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcStores stores;

    private Store store() {
        return stores.create(
                "setwise-" + System.nanoTime(), "Set-wise", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
    }

    @Test
    void the_test_database_takes_the_set_wise_way() {
        assertThat(SetWiseKeys.usable(jdbc)).isTrue();
    }

    @Test
    void a_staged_order_of_a_missing_customer_is_refused_and_nothing_is_written() {
        Store store = store();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    StagedImport staged = StagedImport.begin(dataSource, SqlDialect.POSTGRESQL);
                    customer(staged, "C1");
                    order(staged, "O1", "C1");
                    order(staged, "O2", "GHOST");
                    staged.apply(store);
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'GHOST'");
        for (String table : java.util.List.of("customers", "orders")) {
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM " + table + " WHERE store_id = ?",
                            Long.class,
                            store.id().value()))
                    .as(table)
                    .isZero();
        }
    }

    @Test
    void a_customer_named_by_several_records_is_checked_once() {
        Store store = store();
        transaction.executeWithoutResult(status -> {
            StagedImport staged = StagedImport.begin(dataSource, SqlDialect.POSTGRESQL);
            customer(staged, "C1");
            order(staged, "O1", "C1");
            order(staged, "O2", "C1"); // the only source (orders): no UNION to remove the repeat
            staged.apply(store);
        });
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM orders WHERE store_id = ? AND customer_external_id = 'C1'",
                        Long.class,
                        store.id().value()))
                .isEqualTo(2);
    }

    @Test
    void the_per_row_triggers_are_on_again_after_the_writes() {
        Store store = store();
        transaction.executeWithoutResult(status -> {
            StagedImport staged = StagedImport.begin(dataSource, SqlDialect.POSTGRESQL);
            customer(staged, "C1");
            order(staged, "O1", "C1");
            staged.apply(store);
            assertThat(jdbc.queryForObject("SHOW session_replication_role", String.class))
                    .isEqualTo("origin");
            assertThatThrownBy(() -> jdbc.update(
                            "INSERT INTO orders (store_id, external_id, customer_external_id, created_at, status, "
                                    + "total_minor, discount_minor) VALUES (?, 'O9', 'GHOST', now(), 'completed', 1, 0)",
                            store.id().value()))
                    .as("the per-row foreign key is checked again")
                    .hasMessageContaining("orders_customer_fk");
            status.setRollbackOnly();
        });
    }

    private static void customer(StagedImport staged, String id) {
        staged.add(
                StagedTable.CUSTOMERS,
                id,
                "Sara",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2024-01-01T00:00:00Z"),
                null,
                id.toLowerCase(java.util.Locale.ROOT));
    }

    private static void order(StagedImport staged, String id, String customer) {
        staged.add(
                StagedTable.ORDERS,
                id,
                customer,
                Instant.parse("2024-02-01T00:00:00Z"),
                "completed",
                1_000L,
                0L,
                null,
                null,
                null);
    }
}
