package io.basira.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.analytics.clv.CalibrationSummary;
import io.basira.analytics.clv.ClvTimeUnit;
import io.basira.commerce.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analyses over the order columns give exactly what the list-of-orders implementation they replaced
 * gave (kept in {@code io.basira.analytics.reference}, tests only), on seeded random stores: every status,
 * discounts, zero to three categories per order, several orders a day, orders near midnight (the store's
 * zone decides the day), ids known only from orders (their orders last, grouped by id: the old code ordered
 * them by first qualifying order, the columns by first order), many windows. Reports are compared by their text
 * (records print every component; BigDecimal prints its scale; doubles print exactly).
 */
class ColumnsEqualReferenceTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Riyadh");
    static final LocalDate AS_OF = LocalDate.parse("2024-06-30");
    private static final String[] CATEGORIES = {"dates", "coffee", "perfume", "abayas"};
    private static final String[] CITIES = {"Riyadh", "الرياض", "Jeddah", "جدة", "Dubai", null, "riyadh "};

    record RandomStore(List<CustomerFact> customers, List<OrderFact> orders) {

        StoreFacts columns() {
            return new StoreFacts(ZONE, Currency.getInstance("SAR"), customers, orders);
        }

        io.basira.analytics.reference.StoreFacts reference() {
            return new io.basira.analytics.reference.StoreFacts(ZONE, Currency.getInstance("SAR"), customers, orders);
        }
    }

    static RandomStore randomStore(long seed) {
        Random random = new Random(seed);
        List<CustomerFact> customers = new ArrayList<>();
        List<OrderFact> orders = new ArrayList<>();
        List<OrderFact> unknownOrders = new ArrayList<>();
        int n = 1 + random.nextInt(random.nextBoolean() ? 40 : 400);
        long asOfSecond = AS_OF.plusDays(1).atStartOfDay(ZONE).toEpochSecond();
        for (int c = 0; c < n; c++) {
            String id = "C" + random.nextInt(1_000_000);
            boolean known = random.nextInt(20) != 0;
            boolean seen = customers.stream().anyMatch(k -> k.customerId().equals(id))
                    || unknownOrders.stream().anyMatch(k -> k.customerId().equals(id));
            if (seen) {
                continue;
            }
            if (known) {
                customers.add(new CustomerFact(
                        id,
                        CITIES[random.nextInt(CITIES.length)],
                        random.nextBoolean() ? "Riyadh Region" : null,
                        random.nextInt(3) == 0 ? "SA" : null,
                        Instant.ofEpochSecond(asOfSecond - random.nextInt(500) * 86_400L - random.nextInt(86_400))));
            }
            int count = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 3 : 12);
            long last = asOfSecond - random.nextInt(600) * 86_400L;
            for (int o = 0; o < count; o++) {
                long at = random.nextInt(3) == 0
                        ? last - random.nextInt(7_200) // same or neighbouring day
                        : asOfSecond + 40 * 86_400L - random.nextInt(700) * 86_400L - random.nextInt(86_400);
                last = at;
                Set<String> categories = new HashSet<>();
                for (int k = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : random.nextInt(2); k > 0; k--) {
                    categories.add(CATEGORIES[random.nextInt(random.nextBoolean() ? 1 : CATEGORIES.length)]);
                }
                (known ? orders : unknownOrders)
                        .add(new OrderFact(
                                id,
                                Instant.ofEpochSecond(at),
                                OrderStatus.values()[random.nextInt(OrderStatus.values().length)],
                                100L * random.nextInt(random.nextBoolean() ? 5 : 500) + random.nextInt(3),
                                random.nextInt(3) == 0,
                                categories));
            }
        }
        java.util.Collections.shuffle(orders, random);
        // ids known only from orders come after the customers, in the order of their first order (on both sides
        // when each one's orders are together)
        orders.addAll(unknownOrders);
        return new RandomStore(customers, orders);
    }

    static List<AnalysisWindow> windows(Random random) {
        List<AnalysisWindow> windows = new ArrayList<>(List.of(
                AnalysisWindow.asOf(AS_OF),
                AnalysisWindow.asOf(AS_OF.minusDays(45)),
                new AnalysisWindow(AS_OF, AS_OF.minusDays(89), null),
                new AnalysisWindow(AS_OF, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-31"))));
        for (int i = 0; i < 3; i++) {
            LocalDate asOf = AS_OF.minusDays(random.nextInt(300));
            LocalDate to = asOf.minusDays(random.nextInt(60));
            windows.add(new AnalysisWindow(asOf, random.nextBoolean() ? null : to.minusDays(random.nextInt(200)), to));
        }
        return windows;
    }

    /** The overview of many windows in one scan equals each window's own (the dashboard's period and months). */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void overviews_of_many_windows_in_one_scan_equal_each_windows_own(long seed) {
        StoreFacts columns = randomStore(seed).columns();
        List<AnalysisWindow> windows = windows(new Random(seed));
        for (int m = 0; m < 12; m++) {
            LocalDate start = AS_OF.withDayOfMonth(1).minusMonths(m);
            LocalDate end = start.plusMonths(1).minusDays(1);
            windows.add(new AnalysisWindow(AS_OF, start, end.isAfter(AS_OF) ? AS_OF : end));
        }
        List<Overview.Report> together = Overview.of(columns, windows);
        for (int w = 0; w < windows.size(); w++) {
            assertThat(together.get(w))
                    .as("seed %d, %s", seed, windows.get(w))
                    .isEqualTo(Overview.of(columns, windows.get(w)));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 42, 1234, 98765, 31337, 777, 2026, 4711, 65535})
    void every_analysis_over_the_columns_equals_the_reference(long seed) {
        RandomStore store = randomStore(seed);
        StoreFacts columns = store.columns();
        var reference = store.reference();
        for (AnalysisWindow w : windows(new Random(seed))) {
            String at = "seed " + seed + ", " + w;
            assertThat(Overview.of(columns, w))
                    .as(at)
                    .hasToString(io.basira.analytics.reference.Overview.of(reference, w)
                            .toString());
            assertThat(Pareto.of(columns, w))
                    .as(at)
                    .hasToString(io.basira.analytics.reference.Pareto.of(reference, w)
                            .toString());
            assertThat(Cohorts.of(columns, w))
                    .as(at)
                    .hasToString(io.basira.analytics.reference.Cohorts.of(reference, w)
                            .toString());
            assertThat(Rfm.of(columns, w))
                    .as(at)
                    .hasToString(
                            io.basira.analytics.reference.Rfm.of(reference, w).toString());
            assertThat(CustomerTypes.of(columns, w))
                    .as(at)
                    .hasToString(io.basira.analytics.reference.CustomerTypes.of(reference, w)
                            .toString());
            assertThat(DiscountSensitivity.of(columns, w))
                    .as(at)
                    .hasToString(io.basira.analytics.reference.DiscountSensitivity.of(reference, w)
                            .toString());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234, 98765, 31337, 777})
    void the_calibration_summary_and_the_card_fields_equal_the_reference(long seed) {
        RandomStore store = randomStore(seed);
        StoreFacts columns = store.columns();
        var reference = store.reference();
        for (LocalDate asOf : List.of(AS_OF, AS_OF.minusDays(100))) {
            for (ClvTimeUnit unit : ClvTimeUnit.values()) {
                CalibrationSummary mine = ClvInput.summary(columns, asOf, unit);
                CalibrationSummary theirs = io.basira.analytics.reference.ClvInput.summary(reference, asOf, unit);
                assertThat(mine.size()).isEqualTo(theirs.size());
                for (int i = 0; i < mine.size(); i++) {
                    assertThat(mine.customer(i))
                            .as("seed %d customer %d", seed, i)
                            .isEqualTo(theirs.customer(i));
                }
                assertThat(mine.meanOrderValue()).isEqualTo(theirs.meanOrderValue());
                assertThat(mine.calibrationEnd()).isEqualTo(theirs.calibrationEnd());
            }
            CardAnalytics.Result result = CardAnalytics.compute(columns, asOf);
            var expected = io.basira.analytics.reference.CardAnalytics.compute(reference, asOf);
            sameScoringModels(result.models(), expected.models());
            assertThat(result.customers()).as("seed %d", seed).isEqualTo(expected.customers());
        }
    }

    /** The refresh skips the Pareto/NBD (no card field uses it); everything scoring reads is the same. */
    private static void sameScoringModels(
            io.basira.analytics.clv.ClvModels mine, io.basira.analytics.clv.ClvModels theirs) {
        assertThat(mine.bgNbd()).isEqualTo(theirs.bgNbd());
        assertThat(mine.gammaGamma()).isEqualTo(theirs.gammaGamma());
        assertThat(mine.method()).isEqualTo(theirs.method());
        assertThat(mine.timeUnit()).isEqualTo(theirs.timeUnit());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6})
    void a_store_with_enough_repeat_buyers_is_scored_by_the_models_and_still_equal(long seed) {
        RandomStore store = randomStore(seed);
        List<CustomerFact> customers = new ArrayList<>(store.customers());
        List<OrderFact> orders = new ArrayList<>(store.orders());
        Random random = new Random(seed);
        for (int c = 0; c < 120; c++) {
            String id = "R" + c;
            customers.add(new CustomerFact(id, null, null, null, Instant.parse("2023-01-01T00:00:00Z")));
            for (int o = 1 + random.nextInt(8); o > 0; o--) {
                orders.add(OrderFact.of(
                        id,
                        AS_OF.minusDays(random.nextInt(150)).atStartOfDay(ZONE).toInstant(),
                        OrderStatus.COMPLETED,
                        1000L + random.nextInt(90_000),
                        false));
            }
        }
        RandomStore big = new RandomStore(customers, orders);
        CardAnalytics.Result result = CardAnalytics.compute(big.columns(), AS_OF);
        var expected = io.basira.analytics.reference.CardAnalytics.compute(big.reference(), AS_OF);
        assertThat(result.models().usesModels()).isTrue();
        sameScoringModels(result.models(), expected.models());
        assertThat(result.customers()).isEqualTo(expected.customers());
    }
}
