package io.basira.server.analytics;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.basira.server.analytics.Report.Table;
import io.basira.server.platform.csv.SpreadsheetCsv;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Prints a report as aligned text tables, as pretty JSON, or its main table as CSV. */
public enum ReportPrinter {
    TABLE,
    JSON,
    CSV;

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** @throws IllegalArgumentException naming the formats */
    public static ReportPrinter of(String format) {
        return switch (format == null ? "table" : format.strip().toLowerCase(Locale.ROOT)) {
            case "table" -> TABLE;
            case "json" -> JSON;
            case "csv" -> CSV;
            default -> throw new IllegalArgumentException("format must be table, json or csv, not '" + format + "'");
        };
    }

    public void print(Report report, java.util.Map<String, Object> json, PrintStream out) {
        switch (this) {
            case JSON -> out.println(MAPPER.writeValueAsString(json));
            case CSV -> csv(report.tables().get(0), out);
            case TABLE -> report.tables().forEach(t -> table(t, out));
        }
    }

    private static void csv(Table table, PrintStream out) {
        java.io.Writer text = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
        CsvWriter csv = SpreadsheetCsv.writer(text);
        csv.writeRecord(table.headers());
        for (List<Object> row : table.rows()) {
            csv.writeRecord(row.stream().map(SpreadsheetCsv::cell).toList());
        }
        try {
            csv.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void table(Table table, PrintStream out) {
        int[] widths = new int[table.headers().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = table.headers().get(c).length();
            for (List<Object> row : table.rows()) {
                widths[c] = Math.max(widths[c], SpreadsheetCsv.cell(row.get(c)).length());
            }
        }
        out.println(table.title());
        out.println(line(table.headers().stream().map(h -> (Object) h).toList(), widths));
        for (List<Object> row : table.rows()) {
            out.println(line(row, widths));
        }
        out.println();
    }

    private static String line(List<Object> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            Object cell = cells.get(c);
            String text =
                    cell == null ? "-" : cell instanceof java.math.BigDecimal d ? d.toPlainString() : cell.toString();
            boolean number = cell instanceof Number;
            sb.append(
                    number
                            ? " ".repeat(widths[c] - text.length()) + text
                            : text + " ".repeat(Math.max(0, widths[c] - text.length())));
            if (c + 1 < widths.length) {
                sb.append("  ");
            }
        }
        return sb.toString().stripTrailing();
    }
}
