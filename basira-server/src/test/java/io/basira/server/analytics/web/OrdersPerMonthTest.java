package io.basira.server.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.analytics.StoreFacts;
import io.basira.commerce.OrderStatus;
import io.basira.shared.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OrdersPerMonthTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    /** A store of one customer with these completed orders (created at, total in minor units). */
    private static StoreFacts orders(Object... createdAtAndTotal) {
        StoreFacts.Builder builder = StoreFacts.builder(RIYADH, Currency.getInstance("SAR"));
        int row = builder.customer("C1", null, null, null, LocalDate.of(2024, 1, 1));
        for (int i = 0; i < createdAtAndTotal.length; i += 2) {
            builder.order(
                    row,
                    Dates.dateIn(Instant.parse((String) createdAtAndTotal[i]), RIYADH)
                            .toEpochDay(),
                    OrderStatus.COMPLETED,
                    ((Number) createdAtAndTotal[i + 1]).longValue(),
                    false,
                    StoreFacts.NO_CATEGORY);
        }
        return builder.build();
    }

    @Test
    void an_order_late_on_the_last_utc_day_of_a_month_counts_in_the_next_store_month() {
        assertThat(OrdersPerMonth.of(orders("2024-01-31T22:00:00Z", 1000), 24))
                .containsExactly(new OrdersPerMonth.Month(YearMonth.of(2024, 2), 1, 1000));
    }

    @Test
    void months_without_orders_between_two_with_orders_are_zero() {
        assertThat(OrdersPerMonth.of(
                        orders("2024-01-10T10:00:00Z", 500, "2024-01-11T10:00:00Z", 700, "2024-04-10T10:00:00Z", 100),
                        24))
                .containsExactly(
                        new OrdersPerMonth.Month(YearMonth.of(2024, 1), 2, 1200),
                        new OrdersPerMonth.Month(YearMonth.of(2024, 2), 0, 0),
                        new OrdersPerMonth.Month(YearMonth.of(2024, 3), 0, 0),
                        new OrdersPerMonth.Month(YearMonth.of(2024, 4), 1, 100));
    }

    @Test
    void only_the_most_recent_months_are_kept() {
        assertThat(OrdersPerMonth.of(orders("2024-01-10T10:00:00Z", 1, "2024-05-10T10:00:00Z", 2), 2))
                .extracting(OrdersPerMonth.Month::month)
                .containsExactly(YearMonth.of(2024, 4), YearMonth.of(2024, 5));
        assertThat(OrdersPerMonth.of(orders(), 3)).isEmpty();
        assertThatThrownBy(() -> OrdersPerMonth.of(orders(), 0)).hasMessageContaining("at least 1");
    }

    @Test
    void counts_only_counted_orders_and_equals_summing_them_one_by_one() {
        SplittableRandom random = new SplittableRandom(9);
        StoreFacts.Builder builder = StoreFacts.builder(RIYADH, Currency.getInstance("SAR"));
        TreeMap<YearMonth, long[]> expected = new TreeMap<>();
        Instant start = Instant.parse("2022-01-31T21:30:00Z");
        for (int c = 0; c < 300; c++) {
            int row = builder.customer("C" + c, null, null, null, LocalDate.of(2022, 1, 1));
            for (int k = 0; k < 1 + random.nextInt(6); k++) {
                Instant at = start.plusSeconds(random.nextLong(3L * 365 * 86_400));
                OrderStatus status = OrderStatus.values()[random.nextInt(OrderStatus.values().length)];
                long total = random.nextLong(100_000);
                builder.order(row, Dates.dateIn(at, RIYADH).toEpochDay(), status, total, false, StoreFacts.NO_CATEGORY);
                if (status.isCounted()) {
                    long[] sums = expected.computeIfAbsent(YearMonth.from(at.atZone(RIYADH)), m -> new long[2]);
                    sums[0]++;
                    sums[1] += total;
                }
            }
        }
        List<OrdersPerMonth.Month> last24 = new ArrayList<>();
        for (YearMonth m = expected.lastKey().minusMonths(23); !m.isAfter(expected.lastKey()); m = m.plusMonths(1)) {
            long[] sums = expected.getOrDefault(m, new long[2]);
            last24.add(new OrdersPerMonth.Month(m, sums[0], sums[1]));
        }
        assertThat(OrdersPerMonth.of(builder.build(), 24)).isEqualTo(last24);
    }
}
