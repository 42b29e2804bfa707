package io.basira.server.platform.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV cells that a spreadsheet shows as text, never runs as a formula (CSV injection). Customer data
 * is the store's customers' own input: a name or id like {@code =HYPERLINK("http://…","click")}
 * would become a live formula when a merchant opens the export in Excel, LibreOffice or Google
 * Sheets. Following OWASP's guidance, a text cell that starts with {@code = + - @}, a tab or a
 * carriage return gets a leading single quote ({@code '=HYPERLINK(…)}), which spreadsheets treat as
 * "this is text". A plain decimal number ({@code -12.50}) is left as it is: it is a number, not a
 * formula, and numeric columns must stay numeric.
 */
public final class SpreadsheetSafe {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private SpreadsheetSafe() {}

    /** {@code value} safe to open in a spreadsheet; null stays null. */
    public static String text(String value) {
        if (value == null
                || value.isEmpty()
                || !startsLikeAFormula(value.charAt(0))
                || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    /** A row of {@code io.basira.card.CardColumns}: its one text column, {@code customer_id} (the first), made safe. */
    public static List<String> cardRow(List<String> row) {
        List<String> safe = new ArrayList<>(row);
        safe.set(0, text(row.get(0)));
        return safe;
    }

    private static boolean startsLikeAFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
