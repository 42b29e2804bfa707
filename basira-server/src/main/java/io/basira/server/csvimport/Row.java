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
                error(column, new RowError.Problem(ImportErrorCode.REQUIRED, "required value is empty"));
            }
            return null;
        }
        // tags are measured as stored (sorted, joined): see tags()
        TextRules.Refusal refusal = column.equals("tags")
                ? TextRules.lineRefusal(value, Integer.MAX_VALUE)
                : ColumnLengths.refusal(column, value);
        if (refusal != null) {
            error(column, refused(refusal));
            return null;
        }
        return value;
    }

    /** A text refusal with its code: too long, a control character, an unpaired surrogate. */
    static RowError.Problem refused(TextRules.Refusal refusal) {
        return switch (refusal.kind()) {
            case TOO_LONG ->
                new RowError.Problem(ImportErrorCode.TOO_LONG, refusal.reason(), refusal.maxLength(), refusal.length());
            case CONTROL_CHARACTER ->
                new RowError.Problem(
                        ImportErrorCode.CONTROL_CHARACTER, refusal.reason(), refusal.codePoint(), refusal.position());
            case UNPAIRED_SURROGATE ->
                new RowError.Problem(
                        ImportErrorCode.UNPAIRED_SURROGATE, refusal.reason(), refusal.codePoint(), refusal.position());
        };
    }

    /**
     * An ISO-8601 date-time with an offset, without one (in the store's time zone), or a plain date;
     * its date in the store's time zone within the {@link DateRange}.
     */
    Instant instant(String column, Need need) {
        return parse(column, need, text -> {
            Instant instant;
            try {
                instant = IsoInstants.parse(text, store.timeZone());
            } catch (IllegalArgumentException e) {
                throw new RowError.Problem(ImportErrorCode.NOT_DATE_TIME, e.getMessage(), text);
            }
            return inRange(text, DateRange.problem(instant, store.timeZone()), instant);
        });
    }

    /** A plain date, {@code YYYY-MM-DD}, within the {@link DateRange}. */
    LocalDate date(String column, Need need) {
        return parse(column, need, text -> {
            LocalDate date;
            try {
                date = Dates.parseDate(text);
            } catch (IllegalArgumentException e) {
                throw new RowError.Problem(ImportErrorCode.NOT_DATE, e.getMessage(), text);
            }
            return inRange(text, DateRange.problem(date), date);
        });
    }

    private static <T> T inRange(String text, String problem, T value) {
        if (problem != null) {
            throw new RowError.Problem(
                    ImportErrorCode.DATE_OUT_OF_RANGE,
                    "'" + text + "' " + problem,
                    text,
                    DateRange.EARLIEST,
                    DateRange.LATEST);
        }
        return value;
    }

    /**
     * A code parsed by {@code codes} (an enum's {@code fromCode}, whose message lists the allowed codes); a value it
     * refuses is a problem of {@code refused} with the value and {@code accepted} (gender: the value alone).
     */
    <T> T code(String column, Need need, Function<String, T> codes, ImportErrorCode refused, String accepted) {
        return parse(column, need, text -> {
            try {
                return codes.apply(text);
            } catch (IllegalArgumentException e) {
                throw refused.arguments() == 1
                        ? new RowError.Problem(refused, e.getMessage(), text)
                        : new RowError.Problem(refused, e.getMessage(), text, accepted);
            }
        });
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
            throw new RowError.Problem(
                    ImportErrorCode.NOT_DECIMAL, "'" + text + "' is not a decimal number (199.50)", text);
        }
        BigDecimal value = new BigDecimal(ascii);
        checkIncoming(text, value);
        int digits = Money.fractionDigits(store.currency());
        if (value.stripTrailingZeros().scale() > digits) {
            throw new RowError.Problem(
                    ImportErrorCode.TOO_MANY_DECIMALS,
                    "'" + text + "' has more than " + digits + " decimals for "
                            + store.currency().getCurrencyCode(),
                    text,
                    digits,
                    store.currency().getCurrencyCode());
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
                throw new RowError.Problem(
                        ImportErrorCode.NOT_DECIMAL, "'" + text + "' is not a decimal number (199.50)", text);
            }
            BigDecimal value = new BigDecimal(ascii);
            checkIncoming(text, value);
            if (value.signum() != 0 && value.stripTrailingZeros().scale() > UnitPrice.MAX_DECIMALS) {
                throw new RowError.Problem(
                        ImportErrorCode.TOO_MANY_PRICE_DECIMALS,
                        "'" + text + "' has more than " + UnitPrice.MAX_DECIMALS + " decimals",
                        text,
                        UnitPrice.MAX_DECIMALS);
            }
            return new UnitPrice(value, store.currency());
        });
    }

    /** Refuses an amount below zero or of 10^12 and more ({@link Money#incomingProblem}). */
    private static void checkIncoming(String text, BigDecimal value) {
        String problem = Money.incomingProblem(value);
        if (problem != null) {
            String english = "'" + text + "' " + problem;
            throw value.signum() < 0
                    ? new RowError.Problem(ImportErrorCode.NEGATIVE, english, text)
                    : new RowError.Problem(ImportErrorCode.TOO_LARGE, english, text, "999,999,999,999");
        }
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
                        ? new RowError.Problem(
                                ImportErrorCode.NOT_WHOLE_FROM, "'" + text + "' is not " + expected, text, min)
                        : new RowError.Problem(
                                ImportErrorCode.NOT_WHOLE, "'" + text + "' is not " + expected, text, min, max);
            }
            return value.intValue();
        });
    }

    /** An ISO 3166 alpha-2 country code, in either case; returned in upper case. */
    String country(String column, Need need) {
        return parse(column, need, text -> {
            String code = text.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(code)) {
                throw new RowError.Problem(
                        ImportErrorCode.NOT_COUNTRY,
                        "'" + text + "' is not an ISO 3166 alpha-2 country code (SA, AE)",
                        text);
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
            Arrays.stream(text.split(";"))
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .forEach(tags::add);
        }
        TextRules.Refusal refusal = TextRules.lineRefusal(String.join(";", new TreeSet<>(tags)), ColumnLengths.TAGS);
        if (refusal != null) {
            error(column, refused(refusal));
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
            // a guard: every parser above refuses with its code; anything else is said with the value, its English
            // detail kept for the CLI
            error(column, new RowError.Problem(ImportErrorCode.VALUE_REFUSED, e.getMessage(), text));
            return null;
        }
    }

    /**
     * Records a problem of {@code column} (null: of the whole row) with its code and arguments, unless that column
     * already has one.
     */
    void error(String column, RowError.Problem problem) {
        if (column != null && errorColumns.contains(column)) {
            return;
        }
        errorColumns.add(column);
        errors.add(RowError.of(file, line, column == null ? null : label.apply(column), problem));
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
