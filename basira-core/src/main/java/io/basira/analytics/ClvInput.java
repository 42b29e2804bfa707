package io.basira.analytics;

import io.basira.analytics.clv.CalibrationSummary;
import io.basira.analytics.clv.ClvTimeUnit;
import io.basira.analytics.clv.ClvTransaction;
import io.basira.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A store's orders as the CLV models' calibration data: every counted order (pending, processing,
 * completed) up to and including the day {@code asOf}, on its store-local day, with its total in the major
 * unit. {@code asOf} is the last calibration day; {@link CalibrationSummary} merges same-day purchases,
 * counts repeat purchases by distinct days and measures T from the first purchase day to {@code asOf}
 * (a date difference, as BTYD does: a first purchase on 1997-01-01 and as-of 1997-09-30 give T = 272 days).
 *
 * <p>{@link #calibration} computes the summary in one scan of the order columns, customers in id order,
 * with the same numbers as {@link CalibrationSummary#fromTransactions} over {@link #transactions}: day
 * totals are summed exactly in minor units and turned into a double once, as the decimal sums were.
 */
public final class ClvInput {

    private ClvInput() {}

    /** The summary and, for each of its customers, the row of the store's facts. */
    public record Calibration(CalibrationSummary summary, int[] rows) {}

    public static List<ClvTransaction> transactions(StoreFacts facts, LocalDate asOf) {
        List<ClvTransaction> result = new ArrayList<>();
        int end = (int) asOf.toEpochDay();
        for (int c = 0; c < facts.rows(); c++) {
            for (int o = facts.orderStart(c); o < facts.orderStart(c + 1) && facts.day(o) <= end; o++) {
                if (facts.counted(o)) {
                    result.add(new ClvTransaction(
                            facts.customerId(c), LocalDate.ofEpochDay(facts.day(o)), facts.money(facts.totalMinor(o))));
                }
            }
        }
        return result;
    }

    public static CalibrationSummary summary(StoreFacts facts, LocalDate asOf, ClvTimeUnit unit) {
        return calibration(facts, asOf, unit).summary();
    }

    public static Calibration calibration(StoreFacts facts, LocalDate asOf, ClvTimeUnit unit) {
        int end = (int) asOf.toEpochDay();
        int digits = Money.fractionDigits(facts.currency());
        int[] byId = facts.rowsById();
        int n = 0;
        for (int row : byId) {
            n += facts.firstCountedDay(row) <= end ? 1 : 0;
        }
        int[] rows = new int[n];
        String[] ids = new String[n];
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        double[] mx = new double[n];
        long total = 0;
        long merged = 0;
        int i = 0;
        for (int row : byId) {
            int first = facts.firstCountedDay(row);
            if (first > end) {
                continue;
            }
            int last = first;
            int repeats = 0;
            long repeatTotal = 0;
            int day = first;
            long dayTotal = 0;
            for (int o = facts.orderStart(row), e = facts.orderStart(row + 1); o <= e; o++) {
                boolean more = o < e && facts.day(o) <= end;
                if (more && !facts.counted(o)) {
                    continue;
                }
                if (!more || facts.day(o) != day) {
                    total += dayTotal;
                    merged++;
                    if (day != first) {
                        repeats++;
                        repeatTotal += dayTotal;
                        last = day;
                    }
                    if (!more) {
                        break;
                    }
                    day = facts.day(o);
                    dayTotal = 0;
                }
                dayTotal += facts.totalMinor(o);
            }
            rows[i] = row;
            ids[i] = facts.customerId(row);
            x[i] = repeats;
            tx[i] = unit.fromDays((long) last - first);
            bigT[i] = unit.fromDays((long) end - first);
            mx[i] = repeats == 0 ? 0 : BigDecimal.valueOf(repeatTotal, digits).doubleValue() / repeats;
            i++;
        }
        double mean =
                merged == 0 ? Double.NaN : BigDecimal.valueOf(total, digits).doubleValue() / merged;
        return new Calibration(
                CalibrationSummary.ofColumns(ids, x, tx, bigT, mx, asOf, unit, mean), Arrays.copyOf(rows, n));
    }
}
