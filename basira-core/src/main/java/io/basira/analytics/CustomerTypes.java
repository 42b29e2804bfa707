package io.basira.analytics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        Classified[] byRow = classify(facts, window);
        List<Classified> customers = new ArrayList<>();
        int[] types = new int[CustomerType.values().length];
        int[] regularity = new int[Regularity.values().length];
        int nonBuyers = 0;
        for (int c = 0; c < byRow.length; c++) {
            Classified k = byRow[c];
            if (k == null) {
                nonBuyers += c < facts.customerCount() ? 1 : 0;
                continue;
            }
            customers.add(k);
            types[k.type().ordinal()]++;
            regularity[k.regularity().ordinal()]++;
        }
        Map<CustomerType, Integer> typeCounts = new EnumMap<>(CustomerType.class);
        for (CustomerType t : CustomerType.values()) {
            typeCounts.put(t, types[t.ordinal()]);
        }
        Map<Regularity, Integer> regularityCounts = new EnumMap<>(Regularity.class);
        for (Regularity r : Regularity.values()) {
            regularityCounts.put(r, regularity[r.ordinal()]);
        }
        return new Report(customers, typeCounts, regularityCounts, nonBuyers);
    }

    /** Every row's classification in the window (null for rows without a counted order in it): one scan. */
    static Classified[] classify(StoreFacts facts, AnalysisWindow window) {
        int end = (int) window.end().toEpochDay();
        int from = window.start().map(d -> (int) d.toEpochDay()).orElse(Integer.MIN_VALUE);
        long asOf = window.asOf().toEpochDay();
        Classified[] out = new Classified[facts.rows()];
        int[] days = new int[16];
        for (int c = 0; c < out.length; c++) {
            if (facts.firstCountedDay(c) > end) {
                continue;
            }
            int purchaseDays = 0;
            int orders = 0;
            int discounted = 0;
            int category = StoreFacts.NO_CATEGORY;
            boolean manyCategories = false;
            for (int o = facts.orderStart(c), e = facts.orderStart(c + 1); o < e; o++) {
                int d = facts.day(o);
                if (d > end) {
                    break;
                }
                if (d < from || !facts.counted(o)) {
                    continue;
                }
                orders++;
                discounted += facts.discounted(o) ? 1 : 0;
                int k = facts.category(o);
                if (k == StoreFacts.MIXED_CATEGORIES
                        || (k != StoreFacts.NO_CATEGORY && category != StoreFacts.NO_CATEGORY && k != category)) {
                    manyCategories = true;
                } else if (k != StoreFacts.NO_CATEGORY) {
                    category = k;
                }
                if (purchaseDays == 0 || days[purchaseDays - 1] != d) {
                    if (purchaseDays == days.length) {
                        days = java.util.Arrays.copyOf(days, days.length * 2);
                    }
                    days[purchaseDays++] = d;
                }
            }
            if (orders > 0) {
                boolean oneCategory = !manyCategories && category != StoreFacts.NO_CATEGORY;
                out[c] = classify(facts.customerId(c), days, purchaseDays, orders, discounted, oneCategory, asOf);
            }
        }
        return out;
    }

    /** Classifies one buyer from her distinct purchase days (ascending), order counts and categories. */
    private static Classified classify(
            String customerId, int[] days, int dayCount, int orders, long discounted, boolean oneCategory, long asOf) {
        long[] gaps = new long[dayCount - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = days[i + 1] - days[i];
        }
        double mean = mean(gaps);
        double cv = gaps.length < 2 ? Double.NaN : deviation(gaps, mean) / mean;
        Regularity regularity = dayCount == 1
                ? Regularity.ONE_TIME
                : dayCount >= 3 && cv <= Regularity.MAX_REGULAR_CV ? Regularity.REGULAR : Regularity.IRREGULAR;
        long sinceLast = asOf - days[dayCount - 1];
        CustomerType type;
        if (discounted >= DISCOUNT_DRIVEN_SHARE * orders) {
            type = CustomerType.DISCOUNT_DRIVEN;
        } else if (dayCount >= 3 && sinceLast <= 2 * mean) {
            type = CustomerType.LOYAL;
        } else if (dayCount >= 2 && oneCategory) {
            type = CustomerType.NEED_SPECIFIC;
        } else if (dayCount == 1) {
            type = CustomerType.IMPULSIVE;
        } else {
            type = CustomerType.WANDERING;
        }
        return new Classified(customerId, type, regularity, dayCount, gaps.length == 0 ? Double.NaN : mean, cv);
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
