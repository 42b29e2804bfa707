package io.basira.analytics;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

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

    /**
     * @param scores every buyer's scores, in row order (unmodifiable)
     * @param groups customers per group, every group present (zero included), prospects last
     */
    public record Report(List<Score> scores, Map<RfmGroup, Integer> groups) {}

    public static Report of(StoreFacts facts, AnalysisWindow window) {
        StoreFacts.Window w = facts.window(window);
        Scores k = scores(w, window);
        int n = k.rows().length;
        Map<RfmGroup, Integer> groups = new EnumMap<>(RfmGroup.class);
        int[] counts = new int[RfmGroup.values().length];
        for (int i = 0; i < n; i++) {
            counts[k.groups()[i].ordinal()]++;
        }
        for (RfmGroup g : RfmGroup.values()) {
            groups.put(g, counts[g.ordinal()]);
        }
        int prospects = 0;
        for (int c = 0, known = facts.customerCount(); c < known; c++) {
            prospects += w.orders()[c] == 0 ? 1 : 0;
        }
        groups.put(RfmGroup.PROSPECTS, prospects);
        return new Report(new ScoreList(facts, w, k), groups);
    }

    /**
     * The buyers' scores in row order, as a list over the scan's arrays: a {@link Score} is made when it is
     * read, so a kept report holds a few numbers per buyer instead of a record, a string and a decimal each.
     */
    private static final class ScoreList extends AbstractList<Score> implements RandomAccess {

        private final StoreFacts facts;
        private final StoreFacts.Window w;
        private final Scores k;

        ScoreList(StoreFacts facts, StoreFacts.Window w, Scores k) {
            this.facts = facts;
            this.w = w;
            this.k = k;
        }

        @Override
        public Score get(int i) {
            int c = k.rows()[i];
            return new Score(
                    facts.customerId(c),
                    k.recency()[i],
                    w.orders()[c],
                    facts.money(w.spend()[c]),
                    k.r()[i],
                    k.f()[i],
                    k.m()[i],
                    k.groups()[i]);
        }

        @Override
        public int size() {
            return k.rows().length;
        }
    }

    /** The buyers of a window (rows in row order) with recency in days, their R, F, M scores and group. */
    record Scores(int[] rows, long[] recency, int[] r, int[] f, int[] m, RfmGroup[] groups) {}

    static Scores scores(StoreFacts.Window w, AnalysisWindow window) {
        int n = w.buyers();
        long asOf = window.asOf().toEpochDay();
        int[] rows = new int[n];
        long[] recency = new long[n];
        long[] negated = new long[n];
        long[] frequency = new long[n];
        long[] monetary = new long[n];
        for (int c = 0, i = 0; c < w.orders().length; c++) {
            if (w.orders()[c] > 0) {
                rows[i] = c;
                recency[i] = asOf - w.lastDay()[c];
                negated[i] = -recency[i];
                frequency[i] = w.orders()[c];
                monetary[i++] = w.spend()[c];
            }
        }
        int[] r = QuintileScores.of(negated);
        int[] f = QuintileScores.of(frequency);
        int[] m = QuintileScores.of(monetary);
        RfmGroup[] groups = new RfmGroup[n];
        for (int i = 0; i < n; i++) {
            groups[i] = RfmGroup.of(r[i], f[i], m[i]);
        }
        return new Scores(rows, recency, r, f, m, groups);
    }
}
