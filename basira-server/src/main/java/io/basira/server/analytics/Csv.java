package io.basira.server.analytics;

import io.basira.server.customers.SpreadsheetSafe;
import java.math.BigDecimal;

/**
 * RFC 4180 cells: quoted when they hold a comma, quote or line break; null is empty; text that a
 * spreadsheet would run as a formula is neutralised ({@link SpreadsheetSafe}), numbers are left as they are.
 */
final class Csv {

    private Csv() {}

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString()
                : value instanceof CharSequence ? SpreadsheetSafe.text(value.toString()) : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
