package io.basira.server.csvimport;

import java.util.Objects;

/**
 * One problem found while reading the import folder: where (file, physical line, column) and why.
 *
 * <p>{@code line} is the physical line on which the offending record starts, the header being line 1;
 * it is 0 for a problem of the whole file (a required file that is missing). {@code column} is the
 * canonical column name, or null when the problem is not about one column (a wrong number of fields,
 * a broken quote, bytes that are not UTF-8).
 */
public record RowError(String file, long line, String column, String reason) {

    public RowError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line " + line + " is negative");
        }
    }

    /** A problem of a whole file, at no particular line. */
    static RowError ofFile(String file, String reason) {
        return new RowError(file, 0, null, reason);
    }

    /**
     * {@code FILE:LINE: column: reason}, e.g. {@code orders.csv:7: total: '-5.00' is negative}; the line
     * is left out when it is 0 and the column when it is null.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (column != null) {
            text.append(column).append(": ");
        }
        return text.append(reason).toString();
    }
}
