package io.basira.server.csvimport;

import java.util.List;
import java.util.Objects;

/**
 * One problem found while reading the import folder: where (file, physical line, column) and why.
 *
 * <p>{@code line} is the physical line on which the offending record starts, the header being line 1;
 * it is 0 for a problem of the whole file (a required file that is missing). {@code column} is the
 * canonical column name, or null when the problem is not about one column (a wrong number of fields,
 * a broken quote, bytes that are not UTF-8).
 *
 * <p>{@code reason} is the English sentence (the CLI's, and the fallback). Every problem has its {@code code} and
 * {@code arguments} ({@link ImportErrorCode}), said in the reader's language from the bundles'
 * {@code import.error.<code>} (docs/import.md, "Errors").
 */
public record RowError(
        String file, long line, String column, String reason, ImportErrorCode kind, List<String> arguments) {

    public RowError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(kind, "kind");
        if (line < 0) {
            throw new IllegalArgumentException("line " + line + " is negative");
        }
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        if (arguments.size() != kind.arguments()) {
            throw new IllegalArgumentException(kind + " takes " + kind.arguments() + " arguments, not " + arguments);
        }
    }

    /** A problem at {@code file:line: column}: {@code reason} and {@code arguments} from {@code problem}. */
    static RowError of(String file, long line, String column, Problem problem) {
        return new RowError(file, line, column, problem.getMessage(), problem.kind(), problem.arguments());
    }

    /** A problem of a whole file, at no particular line. */
    static RowError ofFile(String file, Problem problem) {
        return of(file, 0, null, problem);
    }

    /** The code of the bundles and the API ({@code not_decimal}). */
    public String code() {
        return kind.code();
    }

    /** {@code FILE:LINE: column}, the place of {@link #toString()} without the reason. */
    public String place() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (column != null) {
            text.append(": ").append(column);
        }
        return text.toString();
    }

    /**
     * {@code FILE:LINE: column: reason}, e.g. {@code orders.csv:7: total: '-5.00' is negative}; the line
     * is left out when it is 0 and the column when it is null.
     */
    @Override
    public String toString() {
        return place() + ": " + reason;
    }

    /**
     * A refusal of one value with its code ({@code import.error.<code>} of the bundles) and arguments, the
     * English sentence as its message.
     */
    public static final class Problem extends IllegalArgumentException {

        private final ImportErrorCode kind;
        private final List<String> arguments;

        public Problem(ImportErrorCode kind, String english, Object... arguments) {
            super(english);
            this.kind = Objects.requireNonNull(kind, "kind");
            this.arguments =
                    java.util.Arrays.stream(arguments).map(String::valueOf).toList();
        }

        public ImportErrorCode kind() {
            return kind;
        }

        public List<String> arguments() {
            return arguments;
        }
    }
}
