package io.basira.analytics.reference;

import io.basira.analytics.*;
import io.basira.analytics.reference.StoreFacts.Purchase;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Recency, frequency and monetary scores 1–5 and the named group of every buyer (docs/analytics.md, "RFM").
 * Over the period's counted orders: recency = whole days from the last one's day to as-of (fewer is better),
 * frequency = their number, monetary = their total. Scores by quintiles among the period's buyers with ties
 * at their mid-rank ({@link QuintileScores}); the group from {@link RfmGroup#of}. Customers without a counted
 * order in the period are {@link RfmGroup#PROSPECTS} and have no scores.
 */
public final class Rfm {

    private Rfm() {}

    public record Score(
            String customerId,
            long recencyDays,
            int frequency,
            BigDecimal monetary,
            int recency,
            int frequencyScore,
            int monetaryScore,
            RfmGroup group) {}

    /** @param groups customers per group, every group present (zero included), prospects last */
    public record Report(List<Score> scores, Map<RfmGroup, Integer> groups) {}

    public static Report of(StoreFacts facts, AnalysisWindow window) {
        Map<String, List<Purchase>> histories = facts.histories(window);
        int n = histories.size();
        String[] ids = new String[n];
        long[] recency = new long[n];
        long[] frequency = new long[n];
        long[] monetary = new long[n];
        int i = 0;
        for (Map.Entry<String, List<Purchase>> e : histories.entrySet()) {
            List<Purchase> h = e.getValue();
            ids[i] = e.getKey();
            recency[i] = ChronoUnit.DAYS.between(h.get(h.size() - 1).day(), window.asOf());
            frequency[i] = h.size();
            monetary[i] = h.stream().mapToLong(Purchase::totalMinor).sum();
            i++;
        }
        long[] negated = new long[n];
        for (int k = 0; k < n; k++) {
            negated[k] = -recency[k];
        }
        int[] r = QuintileScores.of(negated);
        int[] f = QuintileScores.of(frequency);
        int[] m = QuintileScores.of(monetary);
        List<Score> scores = new ArrayList<>(n);
        Map<RfmGroup, Integer> groups = new EnumMap<>(RfmGroup.class);
        for (RfmGroup g : RfmGroup.values()) {
            groups.put(g, 0);
        }
        for (int k = 0; k < n; k++) {
            RfmGroup group = RfmGroup.of(r[k], f[k], m[k]);
            groups.merge(group, 1, Integer::sum);
            scores.add(new Score(
                    ids[k], recency[k], (int) frequency[k], facts.money(monetary[k]), r[k], f[k], m[k], group));
        }
        long prospects = facts.customers().stream()
                .filter(c -> !histories.containsKey(c.customerId()))
                .count();
        groups.put(RfmGroup.PROSPECTS, (int) prospects);
        return new Report(scores, groups);
    }
}
