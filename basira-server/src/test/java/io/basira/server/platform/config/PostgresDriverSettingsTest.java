package io.basira.server.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresDriverSettingsTest {

    @Test
    void a_postgresql_pool_sends_batched_inserts_as_multi_row_inserts() {
        HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/test");
        new PostgresDriverSettings().postProcessBeforeInitialization(pool, "dataSource");
        assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
    }

    @Test
    void what_the_operator_said_wins() {
        HikariDataSource inUrl = pool("jdbc:postgresql://db:5432/basira?reWriteBatchedInserts=false");
        PostgresDriverSettings.apply(inUrl);
        assertThat(inUrl.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");

        HikariDataSource inProperties = pool("jdbc:postgresql://db:5432/basira");
        inProperties.addDataSourceProperty("reWriteBatchedInserts", "false");
        PostgresDriverSettings.apply(inProperties);
        assertThat(inProperties.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "false");
    }

    @Test
    void the_embedded_database_is_left_alone() {
        HikariDataSource pool = pool("jdbc:h2:mem:x");
        PostgresDriverSettings.apply(pool);
        assertThat(pool.getDataSourceProperties()).isEmpty();
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
