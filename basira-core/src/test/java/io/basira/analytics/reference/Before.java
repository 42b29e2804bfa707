package io.basira.analytics.reference;

import io.basira.analytics.AnalysisWindow;
import io.basira.analytics.CustomerFact;
import io.basira.analytics.OrderFact;
import io.basira.commerce.OrderStatus;
import java.time.*;
import java.util.*;
import java.util.function.Supplier;

/**
 * The "before" figures of docs/performance.md: main's list-of-orders analyses (this package) timed on the
 * synthetic store of {@code io.basira.bench.AnalyticsSideBySide}. A tool, not a test. Run:
 * <pre>
 * ./mvnw -B -q -pl basira-core test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/core-cp.txt
 * java -Xmx4g -cp basira-core/target/test-classes:basira-core/target/classes:$(cat /tmp/core-cp.txt) \
 *     io.basira.analytics.reference.Before 100000
 * </pre>
 */
public final class Before {
    public static void main(String[] a) throws Exception {
        io.basira.analytics.StoreFacts f = generate(Integer.parseInt(a[0]), 10.0, 42L);
        ZoneId zone = f.zone();
        List<CustomerFact> customers = new ArrayList<>();
        List<OrderFact> orders = new ArrayList<>();
        for (int c = 0; c < f.rows(); c++) {
            customers.add(new CustomerFact(
                    f.customerId(c),
                    f.city(c),
                    f.region(c),
                    f.country(c),
                    LocalDate.ofEpochDay(f.signupDay(c)).atStartOfDay(zone).toInstant()));
            for (int o = f.orderStart(c); o < f.orderStart(c + 1); o++) {
                int k = f.category(o);
                Set<String> cats = k == 0 ? Set.of() : k < 0 ? Set.of("x", "y") : Set.of(f.categoryName(k));
                orders.add(new OrderFact(
                        new String(f.customerId(c)),
                        LocalDate.ofEpochDay(f.day(o))
                                .atTime(12, 0)
                                .atZone(zone)
                                .toInstant(),
                        f.status(o),
                        f.totalMinor(o),
                        f.discounted(o),
                        cats));
            }
        }
        f = null;
        var facts = new StoreFacts(zone, Currency.getInstance("SAR"), customers, orders);
        LocalDate asOf = LocalDate.of(2026, 2, 15);
        AnalysisWindow w = AnalysisWindow.asOf(asOf);
        time("overview", () -> Overview.of(facts, w));
        time("80/20", () -> Pareto.of(facts, w));
        time("cohorts", () -> Cohorts.of(facts, w));
        time("rfm", () -> Rfm.of(facts, w));
        time("types", () -> CustomerTypes.of(facts, w));
        long t = System.nanoTime();
        CardAnalytics.compute(facts, asOf);
        System.out.printf("full refresh (main's CardAnalytics): %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    /** The store of {@code io.basira.bench.AnalyticsSideBySide.generate} (same seed, same draws), without the CSV. */
    static io.basira.analytics.StoreFacts generate(int customers, double perCustomer, long seed) {
        OrderStatus[] statuses = {
            OrderStatus.COMPLETED,
            OrderStatus.COMPLETED,
            OrderStatus.COMPLETED,
            OrderStatus.COMPLETED,
            OrderStatus.PROCESSING,
            OrderStatus.PENDING,
            OrderStatus.CANCELLED,
            OrderStatus.RETURNED
        };
        LocalDate asOf = LocalDate.of(2026, 2, 15);
        Random random = new Random(seed);
        io.basira.analytics.StoreFacts.Builder b =
                io.basira.analytics.StoreFacts.builder(ZoneId.of("Asia/Riyadh"), Currency.getInstance("SAR"));
        int today = (int) asOf.toEpochDay();
        for (int c = 0; c < customers; c++) {
            int row = b.customer("c" + (10L * (c + 1)), null, null, null, asOf.minusDays(random.nextInt(2_500)));
            int orders = random.nextInt(10) == 0
                    ? 0
                    : (int) Math.min(400, -Math.log(random.nextDouble()) * perCustomer * 1.1);
            for (int o = 0; o < orders; o++) {
                int day = today - random.nextInt(1_200);
                OrderStatus status = statuses[random.nextInt(statuses.length)];
                long total = 2_000L + random.nextInt(60_000);
                boolean discounted = random.nextInt(4) == 0;
                int category = random.nextInt(10) == 0
                        ? io.basira.analytics.StoreFacts.MIXED_CATEGORIES
                        : b.categoryCode("category-" + random.nextInt(20));
                b.order(row, day, status, total, discounted, category);
            }
        }
        return b.build();
    }

    static void time(String name, Supplier<Object> run) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 3; r++) {
            long t = System.nanoTime();
            run.get();
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
        }
        System.out.printf("%-10s %10.1f ms (main's code, best of 3, in memory: no database load)%n", name, best);
    }
}
