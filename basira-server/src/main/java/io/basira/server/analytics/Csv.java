package io.basira.server.analytics;

import java.math.BigDecimal;

/** RFC 4180 cells: quoted when they hold a comma, quote or line break; null is empty. */
final class Csv {

    private Csv() {}

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
