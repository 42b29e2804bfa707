package io.basira.server.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.ZoneId;
import java.util.Currency;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded database of {@code ./basira serve} keeps working after the pool retires the
 * connection that ran the migrations (Hikari does so at its max lifetime, 30 minutes by default).
 *
 * <p>H2 2.4 evaluates an {@code IN (…)} check constraint with the session that created it; once that
 * session is closed every insert fails with "Check constraint invalid … The database has been closed".
 * Here the pool's connections are all evicted at once, which is what max lifetime does slowly.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class EmbeddedDatabaseOutlivesMigrationsTest {

    @TempDir
    static Path folder;

    static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        url = "jdbc:h2:file:" + folder.resolve("basira");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Test
    void orders_are_written_after_every_pooled_connection_was_replaced() throws Exception {
        var store = stores.create("outlives", "Outlives", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        assertThat(api.postJson(
                                "/api/v1/customers",
                                "{\"customer_id\":\"c1\",\"first_name\":\"Sara\",\"created_at\":\"2024-01-01\"}")
                        .status())
                .isEqualTo(200);

        // a connection from outside the pool keeps the database open, as staggered retirements do
        try (Connection keepsOpen = DriverManager.getConnection(url, "sa", "")) {
            assertThat(keepsOpen.isValid(1)).isTrue();
            dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
            waitUntilReplaced();
        }

        var order = api.postJson(
                "/api/v1/orders",
                "{\"order_id\":\"o1\",\"customer_id\":\"c1\",\"status\":\"completed\","
                        + "\"total\":\"100.00\",\"created_at\":\"2024-05-01T10:00:00Z\"}");
        assertThat(order.status()).as(order.body()).isEqualTo(200);
        assertThatThrownBy(() -> jdbc.update(
                        "UPDATE orders SET status = 'lost' WHERE store_id = ?",
                        store.id().value()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("Check constraint violation");
    }

    /** Soft eviction closes idle connections at once; one borrowed later is a new session. */
    private void waitUntilReplaced() throws Exception {
        try (Connection fresh = dataSource.getConnection()) {
            assertThat(fresh.isValid(1)).isTrue();
        }
    }
}
