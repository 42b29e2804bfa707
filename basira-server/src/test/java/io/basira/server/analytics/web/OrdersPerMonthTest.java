package io.basira.server.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OrdersPerMonthTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Test
    void an_order_late_on_the_last_utc_day_of_a_month_counts_in_the_next_store_month() {
        OrdersPerMonth months = new OrdersPerMonth(RIYADH, 24);
        months.accept(Instant.parse("2024-01-31T22:00:00Z"), 1000);
        assertThat(months.months()).containsExactly(new OrdersPerMonth.Month(YearMonth.of(2024, 2), 1, 1000));
    }

    @Test
    void months_without_orders_between_two_with_orders_are_zero() {
        OrdersPerMonth months = new OrdersPerMonth(RIYADH, 24);
        months.accept(Instant.parse("2024-01-10T10:00:00Z"), 500);
        months.accept(Instant.parse("2024-01-11T10:00:00Z"), 700);
        months.accept(Instant.parse("2024-04-10T10:00:00Z"), 100);
        assertThat(months.months())
                .containsExactly(
                        new OrdersPerMonth.Month(YearMonth.of(2024, 1), 2, 1200),
                        new OrdersPerMonth.Month(YearMonth.of(2024, 2), 0, 0),
                        new OrdersPerMonth.Month(YearMonth.of(2024, 3), 0, 0),
                        new OrdersPerMonth.Month(YearMonth.of(2024, 4), 1, 100));
    }

    @Test
    void only_the_most_recent_months_are_kept() {
        OrdersPerMonth months = new OrdersPerMonth(RIYADH, 2);
        months.accept(Instant.parse("2024-01-10T10:00:00Z"), 1);
        months.accept(Instant.parse("2024-05-10T10:00:00Z"), 2);
        assertThat(months.months())
                .extracting(OrdersPerMonth.Month::month)
                .containsExactly(YearMonth.of(2024, 4), YearMonth.of(2024, 5));
        assertThat(new OrdersPerMonth(RIYADH, 3).months()).isEmpty();
        assertThatThrownBy(() -> new OrdersPerMonth(RIYADH, 0)).hasMessageContaining("at least 1");
    }

    @Test
    void from_the_order_columns_equals_the_orders_one_by_one() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        io.basira.analytics.StoreFacts.Builder builder =
                io.basira.analytics.StoreFacts.builder(RIYADH, java.util.Currency.getInstance("SAR"));
        OrdersPerMonth oneByOne = new OrdersPerMonth(RIYADH, 24);
        Instant start = Instant.parse("2022-01-31T21:30:00Z");
        for (int c = 0; c < 300; c++) {
            int row = builder.customer("C" + c, null, null, null, java.time.LocalDate.of(2022, 1, 1));
            for (int k = 0; k < 1 + random.nextInt(6); k++) {
                Instant at = start.plusSeconds(random.nextLong(3L * 365 * 86_400));
                io.basira.commerce.OrderStatus status = io.basira.commerce.OrderStatus.values()[
                        random.nextInt(io.basira.commerce.OrderStatus.values().length)];
                long total = random.nextLong(100_000);
                builder.order(
                        row,
                        io.basira.shared.Dates.dateIn(at, RIYADH).toEpochDay(),
                        status,
                        total,
                        false,
                        io.basira.analytics.StoreFacts.NO_CATEGORY);
                if (status.isCounted()) {
                    oneByOne.accept(at, total);
                }
            }
        }
        io.basira.analytics.StoreFacts facts = builder.build();
        assertThat(OrdersPerMonth.of(facts, 24)).isEqualTo(oneByOne.months()).hasSize(24);
        assertThat(OrdersPerMonth.of(
                        io.basira.analytics.StoreFacts.builder(RIYADH, java.util.Currency.getInstance("SAR"))
                                .build(),
                        24))
                .isEmpty();
    }
}
