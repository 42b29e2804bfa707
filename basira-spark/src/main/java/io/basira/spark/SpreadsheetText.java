package io.basira.spark;

import java.util.regex.Pattern;

/**
 * The CSV-injection guard of the server's exports ({@code io.basira.server.platform.csv.SpreadsheetSafe}), for the
 * customer id of the job's CSV files, so that they are the same bytes as {@code basira export customers}.
 */
final class SpreadsheetText {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private SpreadsheetText() {}

    static String safe(String value) {
        if (value == null
                || value.isEmpty()
                || "=+-@\t\r".indexOf(value.charAt(0)) < 0
                || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }
}
