package io.basira.analytics.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The CDNOW test data (src/test/resources/cdnow, see its README) read into the CLV types. */
final class Cdnow {

    /** Last calibration day of the standard 39-week split. */
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    static final LocalDate START = LocalDate.of(1997, 1, 1);

    private Cdnow() {}

    static List<String[]> rows(String file, boolean header) {
        try (InputStream in = Cdnow.class.getResourceAsStream("/cdnow/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource cdnow/" + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<String[]> rows = new ArrayList<>();
            String line;
            boolean skip = header;
            while ((line = reader.readLine()) != null) {
                if (skip) {
                    skip = false;
                } else if (!line.isBlank()) {
                    rows.add(line.strip().split(header ? "," : "\\s+"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** lifetimes' cdnow_customers_summary.csv (2 dp weeks). */
    static CalibrationSummary summaryCsv() {
        List<CustomerStatistics> out = new ArrayList<>();
        for (String[] r : rows("cdnow_customers_summary.csv", true)) {
            out.add(new CustomerStatistics(
                    r[0], Integer.parseInt(r[1]), Double.parseDouble(r[2]), Double.parseDouble(r[3]), 0));
        }
        return CalibrationSummary.of(out, CALIBRATION_END, ClvTimeUnit.WEEKS);
    }

    /** cdnow_customers_summary_with_transactions.csv: x, t_x, T and zbar (2 dp). */
    static CalibrationSummary summaryWithValues() {
        List<CustomerStatistics> out = new ArrayList<>();
        for (String[] r : rows("cdnow_customers_summary_with_transactions.csv", true)) {
            out.add(new CustomerStatistics(
                    r[0],
                    Integer.parseInt(r[1]),
                    Double.parseDouble(r[2]),
                    Double.parseDouble(r[3]),
                    Double.parseDouble(r[4])));
        }
        return CalibrationSummary.of(out, CALIBRATION_END, ClvTimeUnit.WEEKS);
    }

    /** cdnow_cbs_cal39_holdout39.csv rows: id, x, t_x, T_cal, m_x, x_star. */
    static List<String[]> holdoutRows() {
        return rows("cdnow_cbs_cal39_holdout39.csv", true);
    }

    /** Every purchase of CDNOW_sample.txt (customer = sample id). */
    static List<ClvTransaction> transactions() {
        DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
        List<ClvTransaction> out = new ArrayList<>();
        for (String[] r : rows("CDNOW_sample.txt", false)) {
            out.add(new ClvTransaction(
                    String.valueOf(Integer.parseInt(r[1])), LocalDate.parse(r[2], ymd), new BigDecimal(r[4])));
        }
        return out;
    }
}
