package io.basira.server.platform.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * The one way the server writes CSV: FastCSV, RFC 4180 quoting only where a cell needs it (a comma,
 * a quote, a line break, or a leading {@code #} in a row's first cell), LF line ends; the caller's
 * {@link Writer} sets the encoding (UTF-8 everywhere). Cells of data that came from outside go
 * through {@link #cell}, so that a spreadsheet shows them as text ({@link SpreadsheetSafe}).
 */
public final class SpreadsheetCsv {

    private SpreadsheetCsv() {}

    /** A CSV writer on {@code out}; flush it (or close {@code out}) when done. */
    public static CsvWriter writer(Writer out) {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
    }

    /**
     * The text of one cell: null is empty, a {@link BigDecimal} is written plain ({@code 12.50}, never
     * {@code 1.25E+1}), text is made spreadsheet-safe, any other value is its {@code toString}.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value instanceof CharSequence ? SpreadsheetSafe.text(value.toString()) : value.toString();
    }
}
