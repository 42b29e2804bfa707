package io.basira.analytics.reference;

import io.basira.analytics.*;
import io.basira.analytics.reference.StoreFacts.Purchase;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Customer types and buyer regularity of every buyer in the period, and the store's distribution of both
 * (docs/analytics.md, "Customer types and regularity"). Customers without a counted order in the period
 * have neither and are counted as {@code nonBuyers}.
 */
public final class CustomerTypes {

    /** A type of {@link CustomerType#DISCOUNT_DRIVEN} needs at least this share of discounted orders. */
    public static final double DISCOUNT_DRIVEN_SHARE = 0.5;

    private CustomerTypes() {}

    /** @param gapCv coefficient of variation of the gaps between purchase days; NaN with fewer than two gaps */
    public record Classified(
            String customerId,
            CustomerType type,
            Regularity regularity,
            int purchaseDays,
            double meanGapDays,
            double gapCv) {}

    public record Report(
            List<Classified> customers,
            Map<CustomerType, Integer> types,
            Map<Regularity, Integer> regularity,
            int nonBuyers) {}

    public static Report of(StoreFacts facts, AnalysisWindow window) {
        Map<String, List<Purchase>> histories = facts.histories(window);
        List<Classified> customers = new ArrayList<>(histories.size());
        Map<CustomerType, Integer> types = new EnumMap<>(CustomerType.class);
        Map<Regularity, Integer> regularity = new EnumMap<>(Regularity.class);
        for (CustomerType t : CustomerType.values()) {
            types.put(t, 0);
        }
        for (Regularity r : Regularity.values()) {
            regularity.put(r, 0);
        }
        histories.forEach((id, history) -> {
            Classified c = classify(id, history, window.asOf());
            customers.add(c);
            types.merge(c.type(), 1, Integer::sum);
            regularity.merge(c.regularity(), 1, Integer::sum);
        });
        int nonBuyers = (int) facts.customers().stream()
                .filter(c -> !histories.containsKey(c.customerId()))
                .count();
        return new Report(customers, types, regularity, nonBuyers);
    }

    /** Classifies one buyer from her counted orders (oldest first, not empty) as of {@code asOf}. */
    public static Classified classify(String customerId, List<Purchase> history, LocalDate asOf) {
        List<LocalDate> days = history.stream().map(Purchase::day).distinct().toList();
        long[] gaps = new long[days.size() - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = ChronoUnit.DAYS.between(days.get(i), days.get(i + 1));
        }
        double mean = mean(gaps);
        double cv = gaps.length < 2 ? Double.NaN : deviation(gaps, mean) / mean;
        Regularity regularity = days.size() == 1
                ? Regularity.ONE_TIME
                : days.size() >= 3 && cv <= Regularity.MAX_REGULAR_CV ? Regularity.REGULAR : Regularity.IRREGULAR;
        long discounted = history.stream().filter(p -> p.order().discounted()).count();
        long sinceLast = ChronoUnit.DAYS.between(days.get(days.size() - 1), asOf);
        CustomerType type;
        if (discounted >= DISCOUNT_DRIVEN_SHARE * history.size()) {
            type = CustomerType.DISCOUNT_DRIVEN;
        } else if (days.size() >= 3 && sinceLast <= 2 * mean) {
            type = CustomerType.LOYAL;
        } else if (days.size() >= 2 && categories(history).size() == 1) {
            type = CustomerType.NEED_SPECIFIC;
        } else if (days.size() == 1) {
            type = CustomerType.IMPULSIVE;
        } else {
            type = CustomerType.WANDERING;
        }
        return new Classified(customerId, type, regularity, days.size(), gaps.length == 0 ? Double.NaN : mean, cv);
    }

    private static Set<String> categories(List<Purchase> history) {
        Set<String> all = new HashSet<>();
        history.forEach(p -> all.addAll(p.order().categories()));
        return all;
    }

    private static double mean(long[] values) {
        double sum = 0;
        for (long v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    private static double deviation(long[] values, double mean) {
        double sum = 0;
        for (long v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }
}
