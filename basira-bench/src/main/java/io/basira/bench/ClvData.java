package io.basira.bench;

import io.basira.analytics.clv.CalibrationSummary;
import io.basira.analytics.clv.ClvTimeUnit;
import io.basira.analytics.clv.CustomerStatistics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Calibration summaries for the CLV benchmark: the CDNOW sample, and customers simulated from the BG/NBD
 * and Gamma-Gamma processes with CDNOW-like parameters (r 0.243, alpha 4.414 weeks, a 0.793, b 2.426;
 * p 6.25, q 3.74, gamma 15.44), first purchases spread over 12 weeks, 39-week calibration, purchase times
 * rounded to whole days as a store's data would be.
 */
public final class ClvData {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private ClvData() {}

    public static CalibrationSummary cdnow() {
        try (InputStream in =
                ClvData.class.getResourceAsStream("/cdnow/cdnow_customers_summary_with_transactions.csv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<CustomerStatistics> rows = new ArrayList<>();
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                rows.add(new CustomerStatistics(
                        f[0],
                        Integer.parseInt(f[1]),
                        Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]),
                        Double.parseDouble(f[4])));
            }
            return CalibrationSummary.of(rows, CALIBRATION_END, ClvTimeUnit.WEEKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code customers} simulated customers; the same seed gives the same data. */
    public static CalibrationSummary simulated(int customers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CustomerStatistics> rows = new ArrayList<>(customers);
        for (int c = 0; c < customers; c++) {
            int birthDay = random.nextInt(84);
            int endDay = 272;
            double lambda = gamma(random, 0.243) / 4.414;
            double p = beta(random, 0.793, 2.426);
            double nu = gamma(random, 3.74) / 15.44;
            double t = 0;
            int lastDay = birthDay;
            int x = 0;
            double spend = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / lambda * 7;
                if (birthDay + t >= endDay + 1) {
                    break;
                }
                int day = birthDay + (int) t;
                if (day != lastDay) {
                    x++;
                    lastDay = day;
                    spend += gamma(random, 6.25) / nu;
                }
                if (random.nextDouble() < p) {
                    break;
                }
            }
            rows.add(new CustomerStatistics(
                    "s" + c, x, (lastDay - birthDay) / 7.0, (endDay - birthDay) / 7.0, x == 0 ? 0 : spend / x));
        }
        return CalibrationSummary.of(rows, CALIBRATION_END, ClvTimeUnit.WEEKS);
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the boost for shape below 1. */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = normal(random);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        return x / (x + gamma(random, b));
    }

    private static double normal(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
