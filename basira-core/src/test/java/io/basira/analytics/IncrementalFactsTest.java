package io.basira.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.shared.Dates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The next version of a store's columns made from the previous one ({@link StoreFacts#toBuilder()}: some
 * customers' orders replaced, some customers new or changed) equals the columns loaded fresh from the same
 * records, row for row, and so does every analysis.
 */
class IncrementalFactsTest {

    private static final Currency SAR = Currency.getInstance("SAR");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234, 98765})
    void replacing_customers_equals_a_fresh_load(long seed) {
        Random random = new Random(seed);
        var before = ColumnsEqualReferenceTest.randomStore(seed);
        var after = ColumnsEqualReferenceTest.randomStore(seed + 1_000);
        Map<String, CustomerFact> customers = new LinkedHashMap<>();
        before.customers().forEach(c -> customers.put(c.customerId(), c));
        Map<String, List<OrderFact>> orders = new LinkedHashMap<>();
        before.orders().stream()
                .filter(o -> customers.containsKey(o.customerId()))
                .forEach(o -> orders.computeIfAbsent(o.customerId(), k -> new ArrayList<>())
                        .add(o));
        StoreFacts previous = fresh(customers, orders);
        // the write: some customers get other orders (or none), some change city, some are new
        Set<String> touched = new HashSet<>();
        List<String> ids = new ArrayList<>(customers.keySet());
        for (int i = 0; i < 1 + random.nextInt(Math.max(1, ids.size() / 3)); i++) {
            String id = ids.get(random.nextInt(ids.size()));
            touched.add(id);
            List<OrderFact> replacement = new ArrayList<>();
            after.orders().stream()
                    .skip(random.nextInt(Math.max(1, after.orders().size())))
                    .limit(random.nextInt(6))
                    .forEach(o -> replacement.add(new OrderFact(
                            id, o.createdAt(), o.status(), o.totalMinor(), o.discounted(), o.categories())));
            orders.put(id, replacement);
            if (random.nextBoolean()) {
                CustomerFact c = customers.get(id);
                customers.put(id, new CustomerFact(id, "Jeddah", c.region(), c.country(), c.createdAt()));
            }
        }
        for (CustomerFact c : after.customers()) {
            if (random.nextInt(4) == 0 && !customers.containsKey(c.customerId())) {
                customers.put(c.customerId(), c);
                touched.add(c.customerId());
                after.orders().stream()
                        .filter(o -> o.customerId().equals(c.customerId()))
                        .forEach(o -> orders.computeIfAbsent(c.customerId(), k -> new ArrayList<>())
                                .add(o));
            }
        }
        StoreFacts.Builder next = previous.toBuilder().sortRowsById();
        for (String id : touched) {
            CustomerFact c = customers.get(id);
            next.customer(id, c.city(), c.region(), c.country(), Dates.dateIn(c.createdAt(), previous.zone()));
            int row = next.replaceOrders(id);
            for (OrderFact o : orders.getOrDefault(id, List.of())) {
                next.order(
                        row,
                        Dates.dateIn(o.createdAt(), previous.zone()).toEpochDay(),
                        o.status(),
                        o.totalMinor(),
                        o.discounted(),
                        next.categoryCode(o.categories()));
            }
        }
        StoreFacts incremental = next.build();
        StoreFacts loaded = fresh(customers, orders);
        assertThat(describe(incremental)).isEqualTo(describe(loaded));
        for (AnalysisWindow w : ColumnsEqualReferenceTest.windows(random)) {
            assertThat(Overview.of(incremental, w))
                    .hasToString(Overview.of(loaded, w).toString());
            assertThat(Pareto.of(incremental, w))
                    .hasToString(Pareto.of(loaded, w).toString());
            assertThat(Cohorts.of(incremental, w))
                    .hasToString(Cohorts.of(loaded, w).toString());
            assertThat(Rfm.of(incremental, w)).hasToString(Rfm.of(loaded, w).toString());
            assertThat(CustomerTypes.of(incremental, w))
                    .hasToString(CustomerTypes.of(loaded, w).toString());
            assertThat(DiscountSensitivity.of(incremental, w))
                    .hasToString(DiscountSensitivity.of(loaded, w).toString());
        }
        LocalDate asOf = ColumnsEqualReferenceTest.AS_OF;
        assertThat(ClvInput.summary(incremental, asOf, io.basira.analytics.clv.ClvTimeUnit.DAYS)
                        .size())
                .isEqualTo(ClvInput.summary(loaded, asOf, io.basira.analytics.clv.ClvTimeUnit.DAYS)
                        .size());
    }

    /** Loaded as the server loads: customers, then their orders, rows by id. */
    private static StoreFacts fresh(Map<String, CustomerFact> customers, Map<String, List<OrderFact>> orders) {
        StoreFacts.Builder b =
                StoreFacts.builder(ColumnsEqualReferenceTest.ZONE, SAR).sortRowsById();
        customers
                .values()
                .forEach(c -> b.customer(
                        c.customerId(),
                        c.city(),
                        c.region(),
                        c.country(),
                        Dates.dateIn(c.createdAt(), ColumnsEqualReferenceTest.ZONE)));
        orders.forEach((id, list) -> list.forEach(o -> b.order(
                b.row(id),
                Dates.dateIn(o.createdAt(), ColumnsEqualReferenceTest.ZONE).toEpochDay(),
                o.status(),
                o.totalMinor(),
                o.discounted(),
                b.categoryCode(o.categories()))));
        return b.build();
    }

    /** Every row and order as text: category names, not codes (codes depend on the order names were met). */
    private static List<String> describe(StoreFacts f) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < f.rows(); c++) {
            StringBuilder row = new StringBuilder(f.customerId(c) + " " + f.city(c) + " " + f.region(c) + " "
                    + f.country(c) + " " + f.signupDay(c) + " first " + f.firstCountedDay(c) + ":");
            for (int o = f.orderStart(c); o < f.orderStart(c + 1); o++) {
                int k = f.category(o);
                row.append(' ')
                        .append(f.day(o))
                        .append('/')
                        .append(f.status(o))
                        .append('/')
                        .append(f.totalMinor(o))
                        .append('/')
                        .append(f.discounted(o))
                        .append('/')
                        .append(k > 0 ? f.categoryName(k) : String.valueOf(k));
            }
            out.add(row.toString());
        }
        return out;
    }
}
