package io.basira.server.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StreamingImportOnPostgresTest extends StreamingImportContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().forEach((key, value) -> registry.add(key, () -> value));
    }

    /**
     * A large import leaves the tables it filled analysed: until autovacuum comes round PostgreSQL would plan
     * the next reads (the analytics' order columns, the warm-up at start) for the tables as they were before.
     */
    @Test
    void a_large_import_leaves_the_tables_it_filled_analysed() throws IOException, InterruptedException {
        Instant before = Instant.now();
        Path folder = Files.createTempDirectory("basira-analyse");
        StringBuilder customers = new StringBuilder("customer_id,first_name,created_at\n");
        StringBuilder orders = new StringBuilder("order_id,customer_id,created_at,status,total\n");
        for (int i = 0; i < 10_500; i++) {
            customers.append("A").append(i).append(",Sara,2024-01-01\n");
            orders.append("AO").append(i).append(",A").append(i).append(",2024-02-01,completed,10.00\n");
        }
        Files.writeString(folder.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("orders.csv"), orders, StandardCharsets.UTF_8);
        Store store = stores.create(
                "analysed-" + System.nanoTime(), "Analysed", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
        assertThat(importer.run(store, folder, false, ImportFolder.Progress.none())
                        .applied())
                .isTrue();
        for (String table : java.util.List.of("customers", "orders")) {
            Timestamp analysed = null;
            for (int attempt = 0;
                    attempt < 50 && (analysed == null || analysed.toInstant().isBefore(before));
                    attempt++) {
                analysed = jdbc.queryForObject(
                        "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = ? "
                                + "AND schemaname = current_schema()",
                        Timestamp.class,
                        table);
                Thread.sleep(100);
            }
            assertThat(analysed).as(table + " analysed by the import").isNotNull();
            assertThat(analysed.toInstant()).as(table).isAfterOrEqualTo(before.minusSeconds(1));
        }
    }
}
