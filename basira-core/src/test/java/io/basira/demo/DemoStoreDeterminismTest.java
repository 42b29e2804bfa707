package io.basira.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.card.CardAccumulator;
import io.basira.card.CustomerCard;
import io.basira.commerce.OrderStatus;
import io.basira.shared.Dates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoStoreDeterminismTest {

    @TempDir
    Path folder;

    private static final DemoStoreSpec SMALL = DemoStoreSpec.defaults().withCustomers(300);

    @Test
    void the_same_spec_gives_byte_identical_files() throws IOException {
        DemoStoreGenerator generator = new DemoStoreGenerator();
        generator.write(SMALL, folder.resolve("a"));
        generator.write(SMALL, folder.resolve("b"));
        for (CanonicalCsv file : CanonicalCsv.values()) {
            assertThat(Files.readAllBytes(folder.resolve("a").resolve(file.fileName())))
                    .as(file.fileName())
                    .isEqualTo(Files.readAllBytes(folder.resolve("b").resolve(file.fileName())));
        }
    }

    @Test
    void a_different_seed_gives_a_different_store() throws IOException {
        DemoStoreGenerator generator = new DemoStoreGenerator();
        generator.write(SMALL, folder.resolve("a"));
        generator.write(SMALL.withSeed(SMALL.seed() + 1), folder.resolve("b"));
        for (CanonicalCsv file : CanonicalCsv.values()) {
            assertThat(Files.readAllBytes(folder.resolve("a").resolve(file.fileName())))
                    .as(file.fileName())
                    .isNotEqualTo(Files.readAllBytes(folder.resolve("b").resolve(file.fileName())));
        }
    }

    @Test
    void writing_again_into_the_same_folder_replaces_the_files() throws IOException {
        DemoStoreGenerator generator = new DemoStoreGenerator();
        generator.write(DemoStoreSpec.defaults().withCustomers(400), folder);
        DemoStoreSummary summary = generator.write(SMALL, folder);
        assertThat(CsvTable.read(folder.resolve("customers.csv")).rows()).hasSize(300);
        assertThat(summary.orders()).isEqualTo(750);
    }

    @Test
    void the_exact_number_of_orders_asked_for_is_written() throws IOException {
        for (long orders : new long[] {0, 1, 299, 3_000}) {
            DemoStoreSummary summary = new DemoStoreGenerator().write(SMALL.withOrders(orders), folder);
            assertThat(summary.orders()).as("%d orders", orders).isEqualTo(orders);
            assertThat(CsvTable.read(folder.resolve("orders.csv")).rows()).hasSize((int) orders);
        }
    }

    @Test
    void a_store_of_a_thousand_customers_has_every_status_and_some_serial_cancellers() throws IOException {
        new DemoStoreGenerator().write(DemoStoreSpec.defaults().withCustomers(1_000), folder);
        CsvTable orders = CsvTable.read(folder.resolve("orders.csv"));
        assertThat(orders.column("status"))
                .contains("quotation", "pending", "processing", "completed", "cancelled", "returned");
        Map<String, CardAccumulator> cards = new TreeMap<>();
        ZoneId riyadh = ZoneId.of("Asia/Riyadh");
        for (Map<String, String> order : orders.rows()) {
            cards.computeIfAbsent(order.get("customer_id"), id -> new CardAccumulator())
                    .addOrder(
                            OrderStatus.fromCode(order.get("status")),
                            Dates.parseInstant(order.get("created_at"), riyadh),
                            0,
                            !order.get("coupon_code").isEmpty());
        }
        List<CustomerCard> cancellers = new ArrayList<>();
        for (CardAccumulator accumulator : cards.values()) {
            CustomerCard card = accumulator.card();
            if (card.cancelledOrders() >= 2 && card.cancelledOrders() >= card.orderCount()) {
                cancellers.add(card);
            }
        }
        assertThat(cancellers).isNotEmpty();
    }

    @Test
    void the_default_store_is_two_years_up_to_a_fixed_day_in_riyadh_and_sar() {
        DemoStoreSpec spec = DemoStoreSpec.defaults();
        assertThat(spec.end()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(spec.start()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(spec.customers()).isEqualTo(2_000);
        assertThat(spec.orders()).isEqualTo(5_000);
        assertThat(spec.currency().getCurrencyCode()).isEqualTo("SAR");
        assertThat(spec.timeZone()).isEqualTo(ZoneId.of("Asia/Riyadh"));
        assertThat(spec.withCustomers(100_000).withOrders(1_000_000).orders()).isEqualTo(1_000_000);
    }

    @Test
    void a_spec_that_makes_no_sense_is_refused_with_the_reason() {
        DemoStoreSpec spec = DemoStoreSpec.defaults();
        assertThatThrownBy(() -> spec.withCustomers(0)).hasMessageContaining("at least 1 customer");
        assertThatThrownBy(() -> spec.withOrders(-1)).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> spec.withPeriod(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 1)))
                .hasMessageContaining("at least a week");
        assertThatThrownBy(() -> new DemoStoreSpec(
                        1, 10, 10, spec.start(), spec.end(), java.util.Currency.getInstance("KWD"), spec.timeZone()))
                .hasMessageContaining("KWD has 3");
    }
}
