package io.basira.server.csvimport;

import static io.basira.server.csvimport.ImportFolder.ORDERS_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.commerce.Order;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Date-times are read in the store's time zone (Asia/Riyadh, UTC+3, no daylight saving). */
class ImportDatesTest {

    @TempDir
    Path dir;

    private Instant createdAt(String text) {
        ImportFolder folder = ImportFolder.in(dir).withOrders("O-1,C-1," + text + ",completed,10.00,\n");
        assertThat(folder.read().errors()).isEmpty();
        return folder.sink.orders.stream().map(Order::createdAt).findFirst().orElseThrow();
    }

    @Test
    void a_date_time_with_an_offset_is_that_instant() {
        assertThat(createdAt("2024-03-01T18:20:00+03:00")).isEqualTo(Instant.parse("2024-03-01T15:20:00Z"));
        assertThat(createdAt("2024-03-01T18:20:00Z")).isEqualTo(Instant.parse("2024-03-01T18:20:00Z"));
    }

    @Test
    void a_date_time_without_an_offset_is_read_in_the_store_time_zone() {
        assertThat(createdAt("2024-03-01T18:20:00")).isEqualTo(Instant.parse("2024-03-01T15:20:00Z"));
    }

    @Test
    void a_plain_date_is_the_start_of_that_day_in_the_store_time_zone() {
        assertThat(createdAt("2024-03-01")).isEqualTo(Instant.parse("2024-02-29T21:00:00Z"));
    }

    @Test
    void a_customer_birth_date_is_a_calendar_date_without_a_zone() {
        ImportFolder folder = ImportFolder.in(dir)
                .with("customers.csv", "customer_id,birth_date,created_at\nC-1,1990-05-17,2024-01-05\n")
                .with("orders.csv", ORDERS_HEADER);

        folder.read();

        assertThat(folder.sink.customers.get(0).birthDate()).hasToString("1990-05-17");
    }
}
