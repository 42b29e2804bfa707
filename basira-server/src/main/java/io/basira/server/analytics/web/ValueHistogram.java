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
        return Counts.of(values.toArray(BigDecimal[]::new)).labelled(fmt);
    }

    /**
     * The bins before they are labelled: their width and the customers in each, the last one open-ended (none
     * when there are no values).
     */
    public record Counts(BigDecimal width, int[] customers) {

        /** Counts {@code values} (the array may be reordered). */
        static Counts of(BigDecimal[] values) {
            if (values.length == 0) {
                return new Counts(BigDecimal.ONE, new int[0]);
            }
            long[] unscaled = unscaled(values);
            return unscaled != null ? ofUnscaled(unscaled, values[0].scale()) : ofDecimals(values);
        }

        /**
         * The values as integers of their common scale (money of one currency: all of scale 2 for SAR), or null when
         * their scales differ or one does not fit a {@code long}.
         */
        private static long[] unscaled(BigDecimal[] values) {
            int scale = values[0].scale();
            long[] out = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                BigDecimal v = values[i];
                if (v.scale() != scale || v.precision() > 18) {
                    return null;
                }
                out[i] = v.unscaledValue().longValue();
            }
            return out;
        }

        /** Sorting and dividing {@code long}s: a million values in tens of milliseconds, not a second. */
        private static Counts ofUnscaled(long[] values, int scale) {
            java.util.Arrays.sort(values);
            BigDecimal p95 = BigDecimal.valueOf(
                    values[(int) Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)], scale);
            BigDecimal width = roundWidth(p95.divide(BigDecimal.valueOf(BINS), 6, RoundingMode.HALF_UP));
            if (width.scale() > scale) {
                // a width finer than the values' unit (say 0.01 over whole amounts): divide as decimals
                BigDecimal[] decimals = new BigDecimal[values.length];
                for (int i = 0; i < values.length; i++) {
                    decimals[i] = BigDecimal.valueOf(values[i], scale);
                }
                return ofDecimals(decimals);
            }
            long step = width.movePointRight(scale).longValueExact();
            int closed = p95.divide(width, 0, RoundingMode.FLOOR).intValue() + 1;
            int[] counts = new int[closed + 1];
            for (long v : values) {
                counts[(int) Math.max(0, Math.min(Math.floorDiv(v, step), closed))]++; // below 0: the first bin
            }
            return new Counts(width, counts);
        }

        private static Counts ofDecimals(BigDecimal[] values) {
            java.util.Arrays.sort(values);
            BigDecimal p95 = values[(int) Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];
            BigDecimal width = roundWidth(p95.divide(BigDecimal.valueOf(BINS), 6, RoundingMode.HALF_UP));
            int closed = p95.divide(width, 0, RoundingMode.FLOOR).intValue() + 1;
            int[] counts = new int[closed + 1];
            // sorted: each bin's values are a run, so one division per bin finds where the run ends
            int bin = 0;
            BigDecimal binEnd = width;
            for (BigDecimal v : values) {
                if (bin < closed && v.compareTo(binEnd) >= 0) {
                    bin = Math.max(
                            0, Math.min(v.divide(width, 0, RoundingMode.FLOOR).intValue(), closed));
                    binEnd = width.multiply(BigDecimal.valueOf(bin + 1L));
                }
                counts[bin]++;
            }
            return new Counts(width, counts);
        }

        ValueHistogram labelled(DashboardFormats fmt) {
            List<Bin> bins = new ArrayList<>();
            int closed = customers.length - 1;
            for (int i = 0; i <= closed; i++) {
                if (i == closed && customers[i] == 0) {
                    break;
                }
                BigDecimal from = width.multiply(BigDecimal.valueOf(i));
                BigDecimal to = i == closed ? null : from.add(width);
                // left-to-right isolate (U+2066 … U+2069): "0–500" must not read "500–0" in a right-to-left chart
                String label = "\u2066"
                        + (to == null ? "≥ " + fmt.number(from) : fmt.number(from) + "–" + fmt.number(to))
                        + "\u2069";
                bins.add(new Bin(from, to, customers[i], label));
            }
            return new ValueHistogram(bins);
        }
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
