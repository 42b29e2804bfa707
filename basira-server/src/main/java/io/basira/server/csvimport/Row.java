package io.basira.server.csvimport;

import static io.basira.server.csvimport.Need.REQUIRED;

import io.basira.commerce.ColumnLengths;
import io.basira.shared.DateRange;
import io.basira.shared.Dates;
import io.basira.shared.Money;
import io.basira.shared.Numerals;
import io.basira.shared.Store;
import io.basira.shared.TextRules;
import io.basira.shared.UnitPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One data row of a file, read column by column into typed values. A value that is missing or does
 * not parse is recorded as an error of this row (the first one per column) and comes back as null,
 * so that a mapping reads every column and reports every problem of the row at once.
 *
 * <p>Values are stripped of surrounding white space; an empty value is null. Not thread-safe.
 */
final class Row {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final String file;
    private final long line;
    private final Header header;
    private final List<String> fields;
    private final Store store;
    private final UnaryOperator<String> label;
    private final List<RowError> errors = new ArrayList<>(2);
    private final List<String> errorColumns = new ArrayList<>(2);

    Row(String file, long line, Header header, List<String> fields, Store store) {
        this(file, line, header, fields, store, UnaryOperator.identity());
    }

    /** @param label how an error names a column: a mapped file adds the merchant's header */
    Row(String file, long line, Header header, List<String> fields, Store store, UnaryOperator<String> label) {
        this.file = file;
        this.line = line;
        this.header = header;
        this.fields = fields;
        this.store = store;
        this.label = label;
    }

    Store store() {
        return store;
    }

    /**
     * The stripped value of {@code column}; null when empty or absent (an error when required), or
     * when it breaks the {@link TextRules} (control characters, unpaired surrogates, longer than the
     * column's {@link ColumnLengths}).
     */
    String text(String column, Need need) {
        int index = header.indexOf(column);
        String value = index < 0 ? "" : fields.get(index).strip();
        if (value.isEmpty()) {
            if (need == REQUIRED) {
                error(column, new RowError.Problem("required", "required value is empty"));
            }
            return null;
        }
        // tags are measured as stored (sorted, joined): see tags()
        String problem = column.equals("tags") ? TextRules.lineProblem(value, Integer.MAX_VALUE)
                : ColumnLengths.problem(column, value);
        if (problem != null) {
            error(column, problem);
            return null;
        }
        return value;
    }

    /**
     * An ISO-8601 date-time with an offset, without one (in the store's time zone), or a plain date;
     * its date in the store's time zone within the {@link DateRange}.
     */
    Instant instant(String column, Need need) {
        return parse(column, need, text -> {
            Instant instant = IsoInstants.parse(text, store.timeZone());
            return inRange(text, DateRange.problem(instant, store.timeZone()), instant);
        });
    }

    /** A plain date, {@code YYYY-MM-DD}, within the {@link DateRange}. */
    LocalDate date(String column, Need need) {
        return parse(column, need, text -> {
            LocalDate date = Dates.parseDate(text);
            return inRange(text, DateRange.problem(date), date);
        });
    }

    private static <T> T inRange(String text, String problem, T value) {
        if (problem != null) {
            throw new IllegalArgumentException("'" + text + "' " + problem);
        }
        return value;
    }

    /** A code parsed by {@code codes} (an enum's {@code fromCode}), whose message lists the allowed codes. */
    <T> T code(String column, Need need, Function<String, T> codes) {
        return parse(column, need, codes);
    }

    /**
     * A non-negative amount in the store's currency, given in major units ({@code 199.50}, Arabic digits and
     * separators too: {@link Numerals}) with at most as many decimals as the currency has.
     */
    Money amount(String column, Need need) {
        return parse(column, need, this::amount);
    }

    private Money amount(String text) {
        String ascii = isPlainDecimal(text) ? text : Numerals.toAscii(text);
        if (ascii == null) {
            throw new RowError.Problem("not_decimal", "'" + text + "' is not a decimal number (199.50)", text);
        }
        BigDecimal value = new BigDecimal(ascii);
        String problem = Money.incomingProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException("'" + text + "' " + problem);
        }
        int digits = Money.fractionDigits(store.currency());
        if (value.stripTrailingZeros().scale() > digits) {
            throw new RowError.Problem("too_many_decimals", "'" + text + "' has more than " + digits + " decimals for "
                    + store.currency().getCurrencyCode(), text, digits, store.currency().getCurrencyCode());
        }
        return Money.ofMinor(Money.toMinor(value, store.currency()), store.currency());
    }

    /**
     * A non-negative unit price in the store's currency, in major units, with up to {@value UnitPrice#MAX_DECIMALS}
     * decimals: finer than the currency's minor unit when the shop sells so ({@code 0.001}); Arabic digits and
     * separators too ({@link Numerals}).
     */
    UnitPrice unitPrice(String column, Need need) {
        return parse(column, need, text -> {
            String ascii = isPlainDecimal(text) ? text : Numerals.toAscii(text);
            if (ascii == null) {
                throw new RowError.Problem("not_decimal", "'" + text + "' is not a decimal number (199.50)", text);
            }
            BigDecimal value = new BigDecimal(ascii);
            String problem = Money.incomingProblem(value);
            if (problem != null) {
                throw new IllegalArgumentException("'" + text + "' " + problem);
            }
            return new UnitPrice(value, store.currency());
        });
    }

    /**
     * Whether {@code text} is {@code [+-]?(\d+(\.\d*)?|\.\d+)}: no exponent, no grouping. The fast path of
     * the ASCII amounts most files hold; other texts go through {@link Numerals}.
     */
    static boolean isPlainDecimal(String text) {
        int at = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
        int digits = 0;
        boolean point = false;
        for (; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /** An integer from {@code min} to {@code max} inclusive; {@code expected} completes "'x' is not ...". */
    Integer integer(String column, Need need, int min, int max, String expected) {
        return parse(column, need, text -> {
            Long value = Numerals.whole(text, min, max);
            if (value == null) {
                throw max == Integer.MAX_VALUE
                        ? new RowError.Problem("not_whole_from", "'" + text + "' is not " + expected, text, min)
                        : new RowError.Problem("not_whole", "'" + text + "' is not " + expected, text, min, max);
            }
            return value.intValue();
        });
    }

    /** An ISO 3166 alpha-2 country code, in either case; returned in upper case. */
    String country(String column, Need need) {
        return parse(column, need, text -> {
            String code = text.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(code)) {
                throw new RowError.Problem("not_country",
                        "'" + text + "' is not an ISO 3166 alpha-2 country code (SA, AE)", text);
            }
            return code;
        });
    }

    /**
     * Tags separated by {@code ;}, each stripped, empty ones dropped; never null. Their length is
     * measured as stored: sorted and joined with {@code ;}.
     */
    Set<String> tags(String column) {
        String text = text(column, Need.OPTIONAL);
        Set<String> tags = new LinkedHashSet<>();
        if (text != null) {
            Arrays.stream(text.split(";")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
        }
        String problem = TextRules.lineProblem(String.join(";", new TreeSet<>(tags)), ColumnLengths.TAGS);
        if (problem != null) {
            error(column, problem);
            return Set.of();
        }
        return tags;
    }

    private <T> T parse(String column, Need need, Function<String, T> parser) {
        String text = text(column, need);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (RowError.Problem e) {
            error(column, e);
            return null;
        } catch (IllegalArgumentException e) {
            error(column, e.getMessage());
            return null;
        }
    }

    /** Records a problem of {@code column} (null: of the whole row), unless that column already has one. */
    void error(String column, String reason) {
        if (column != null && errorColumns.contains(column)) {
            return;
        }
        errorColumns.add(column);
        errors.add(new RowError(file, line, column == null ? null : label.apply(column), reason));
    }

    /** As {@link #error(String, String)}, with the problem's code and arguments. */
    void error(String column, RowError.Problem problem) {
        if (column != null && errorColumns.contains(column)) {
            return;
        }
        errorColumns.add(column);
        errors.add(RowError.coded(file, line, column == null ? null : label.apply(column), problem));
    }

    /** The row's values in {@code file}'s column order, stripped ("" for a column the file lacks). */
    List<String> canonicalValues(CanonicalFile file) {
        List<String> values = new ArrayList<>(file.columns().size());
        for (String column : file.columns()) {
            int index = header.indexOf(column);
            values.add(index < 0 ? "" : fields.get(index).strip());
        }
        return values;
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<RowError> errors() {
        return errors;
    }
}
