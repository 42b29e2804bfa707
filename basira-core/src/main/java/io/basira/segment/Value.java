package io.basira.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A literal in a rule: a number, a text, an absolute date or a date relative to today.
 *
 * <p>{@link #text()} is the literal's canonical text form, which the parser reads back to an equal value.
 */
public sealed interface Value permits Value.NumberValue, Value.TextValue, Value.DateValue, Value.RelativeDate {

    /** The canonical text form: {@code 1500}, {@code 'vip'}, {@code '2024-03-01'}, {@code today}, {@code -90d}. */
    String text();

    static Value number(String decimal) {
        return new NumberValue(new BigDecimal(decimal));
    }

    static Value number(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    static Value text(String text) {
        return new TextValue(text);
    }

    static Value date(LocalDate date) {
        return new DateValue(date);
    }

    static Value daysFromToday(int days) {
        return new RelativeDate(days);
    }

    /**
     * An exact decimal. Trailing zeros are dropped ({@code 1500.00} equals {@code 1500}), so equal numbers
     * make equal trees.
     */
    record NumberValue(BigDecimal value) implements Value {
        public NumberValue {
            value = Objects.requireNonNull(value, "value").stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }

        @Override
        public String text() {
            return value.toPlainString();
        }
    }

    /** A text; any characters, Arabic included. In the text form it is quoted with {@code '}, doubled inside. */
    record TextValue(String value) implements Value {
        public TextValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return "'" + value.replace("'", "''") + "'";
        }
    }

    /** An absolute calendar date, written {@code '2024-03-01'}. */
    record DateValue(LocalDate value) implements Value {
        public DateValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return "'" + value + "'";
        }
    }

    /**
     * The date {@code days} calendar days from today in the store's time zone: {@code today} is 0,
     * {@code -90d} is -90, {@code +7d} is 7. At most {@value #MAX_DAYS} days either way.
     */
    record RelativeDate(int days) implements Value {
        public static final int MAX_DAYS = 100_000;
        private static final Pattern FORM = Pattern.compile("(?i)today|([+-])(\\d+)d");

        public RelativeDate {
            if (Math.abs(days) > MAX_DAYS) {
                throw new RuleValueException(RuleError.RELATIVE_DATE_TOO_FAR, MAX_DAYS, days);
            }
        }

        /** The date this stands for, given today's date in the store's time zone. */
        public LocalDate resolve(LocalDate today) {
            return today.plusDays(days);
        }

        @Override
        public String text() {
            if (days == 0) {
                return "today";
            }
            return (days > 0 ? "+" : "") + days + "d";
        }

        /** Reads {@code today}, {@code -90d} or {@code +7d} (any case); null when {@code text} is not one. */
        public static RelativeDate parse(String text) {
            Matcher m = FORM.matcher(text.strip());
            if (!m.matches()) {
                return null;
            }
            if (m.group(1) == null) {
                return new RelativeDate(0);
            }
            String digits = m.group(2);
            long days = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
            if (days > MAX_DAYS) {
                throw new RuleValueException(RuleError.RELATIVE_DATE_TOO_FAR, MAX_DAYS, text.strip());
            }
            return new RelativeDate(m.group(1).equals("-") ? (int) -days : (int) days);
        }
    }
}
