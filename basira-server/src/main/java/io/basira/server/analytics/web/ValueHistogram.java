package io.basira.server.analytics.web;

import io.basira.server.dashboard.DashboardFormats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The distribution of predicted 12-month values as equal-width bins of a round width (1, 2 or 5 times a
 * power of ten) chosen so that about {@value #BINS} bins reach the 95th percentile; the values above the
 * last bin are counted in one open-ended bin "from X", so a few big spenders do not squash the rest.
 */
public record ValueHistogram(List<Bin> bins) {

    static final int BINS = 10;

    /** One bin: lower bound inclusive, upper bound exclusive (null for the open-ended last bin). */
    public record Bin(BigDecimal from, BigDecimal to, int customers, String label) {}

    public static ValueHistogram of(List<BigDecimal> values, DashboardFormats fmt) {
        if (values.isEmpty()) {
            return new ValueHistogram(List.of());
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        BigDecimal p95 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1));
        BigDecimal width = roundWidth(p95.divide(BigDecimal.valueOf(BINS), 6, RoundingMode.HALF_UP));
        int closed = p95.divide(width, 0, RoundingMode.FLOOR).intValue() + 1;
        int[] counts = new int[closed + 1];
        for (BigDecimal v : sorted) {
            int i = v.divide(width, 0, RoundingMode.FLOOR).intValue();
            counts[Math.min(i, closed)]++;
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i <= closed; i++) {
            if (i == closed && counts[i] == 0) {
                break;
            }
            BigDecimal from = width.multiply(BigDecimal.valueOf(i));
            BigDecimal to = i == closed ? null : from.add(width);
            // left-to-right isolate (U+2066 … U+2069): "0–500" must not read "500–0" in a right-to-left chart
            String label = "\u2066" + (to == null ? "≥ " + fmt.number(from) : fmt.number(from) + "–" + fmt.number(to))
                    + "\u2069";
            bins.add(new Bin(from, to, counts[i], label));
        }
        return new ValueHistogram(bins);
    }

    /** The smallest of 1, 2, 5 × 10^k not below {@code raw} (at least 0.01). */
    static BigDecimal roundWidth(BigDecimal raw) {
        BigDecimal power = new BigDecimal("0.01");
        while (true) {
            for (int step : new int[] {1, 2, 5}) {
                BigDecimal w = power.multiply(BigDecimal.valueOf(step));
                if (w.compareTo(raw) >= 0) {
                    return w.stripTrailingZeros();
                }
            }
            power = power.multiply(BigDecimal.TEN);
        }
    }
}
