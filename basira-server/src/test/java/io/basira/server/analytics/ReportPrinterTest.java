package io.basira.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.analytics.Report.Table;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportPrinterTest {

    @Test
    void the_csv_of_a_report_is_spreadsheet_safe_quoted_where_needed_and_keeps_numbers_plain() {
        Table table = new Table("regions", List.of("region", "customers", "share"))
                .row("=HYPERLINK(\"http://evil.example\",\"x\")", 3L, new BigDecimal("-12.50"))
                .row("@A1", 0L, null)
                .row("الرياض, حي النخيل", 12L, new BigDecimal("1E+1"));

        String csv = print(ReportPrinter.CSV, new Report("regions", Map.of(), List.of(table)));

        assertThat(csv)
                .isEqualTo("region,customers,share\n"
                        + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",3,-12.50\n"
                        + "'@A1,0,\n"
                        + "\"الرياض, حي النخيل\",12,10\n");
    }

    @Test
    void a_table_aligns_numbers_right_and_shows_absent_values_as_a_dash() {
        Table table =
                new Table("top", List.of("customer", "orders")).row("C1", 12L).row("C22", null);

        String text = print(ReportPrinter.TABLE, new Report("top", Map.of(), List.of(table)));

        assertThat(text).isEqualTo("top\ncustomer  orders\nC1            12\nC22       -\n\n");
    }

    private static String print(ReportPrinter printer, Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        printer.print(report, report.json(), out);
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
