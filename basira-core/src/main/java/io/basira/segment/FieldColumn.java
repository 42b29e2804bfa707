package io.basira.segment;

import io.basira.card.CustomerData;
import io.basira.index.ColumnKind;
import io.basira.index.CustomerIndex;
import io.basira.index.DatedTagColumn;
import io.basira.index.DictionaryColumn;
import io.basira.index.IndexColumn;
import io.basira.index.IntegerColumn;
import io.basira.index.TagColumn;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a field lives in the columnar index ({@code io.basira.segment.audience.IndexedAudience}): the column
 * it reads, the column's kind, the decimal places by which a number is scaled into a whole number (the
 * stored {@code v} means {@code v / 10^scale}), how a rule on the field is compiled onto that column
 * ({@link Reading}), and the writer that puts one customer's value into it.
 *
 * <p>Most fields are {@link Reading#STORED}: a column of their own, named like the field, compared as is.
 * Three built-in fields are computed from today and read another field's column ({@code age} reads
 * {@code birth_date}, {@code days_since_last_purchase} reads {@code last_purchase_at}) or a column of their
 * own that does not depend on today ({@code birthday} writes the birth month-day). Group membership has no
 * column.
 */
public final class FieldColumn {

    /** How a rule's literal is compiled onto the column. */
    public enum Reading {
        /** The column holds the value (scaled, or as an epoch day for dates): compared directly. */
        STORED,
        /** The value is {@code today - column} in days: ranges are mirrored around today. */
        DAYS_BEFORE_TODAY,
        /** The value is the age in whole years on today of the birth date (epoch day) in the column. */
        AGE,
        /** The value is the next birthday on or after today of the month-day code in the column. */
        NEXT_BIRTHDAY,
        /**
         * A dated tag column ({@code item -> last day}): the value is the set of items whose day lies within the
         * last {@link #days()} days, today included.
         */
        WITHIN_DAYS,
        /** No column: group membership, compiled onto the groups' member rows. */
        NONE
    }

    /** Puts one customer's value into the field's column: sets it, or clears it when the customer has none. */
    @FunctionalInterface
    public interface Writer<C extends IndexColumn> {
        void write(C column, int row, CustomerData customer, ColumnUnits units);
    }

    private final String name;
    private final ColumnKind kind;
    private final Reading reading;
    private final int scale;
    private final boolean currencyScale;
    private final Function<CustomerIndex, BoundWriter> binder;
    private final int days;

    private FieldColumn(
            String name,
            ColumnKind kind,
            Reading reading,
            int scale,
            boolean currencyScale,
            Function<CustomerIndex, BoundWriter> binder) {
        this(name, kind, reading, scale, currencyScale, binder, 0);
    }

    private FieldColumn(
            String name,
            ColumnKind kind,
            Reading reading,
            int scale,
            boolean currencyScale,
            Function<CustomerIndex, BoundWriter> binder,
            int days) {
        this.days = days;
        this.name = name;
        this.kind = kind;
        this.reading = reading;
        this.scale = scale;
        this.currencyScale = currencyScale;
        this.binder = binder;
    }

    /** A field's writer bound to its column of one index. */
    @FunctionalInterface
    public interface BoundWriter {
        void write(int row, CustomerData customer, ColumnUnits units);
    }

    private static Function<CustomerIndex, BoundWriter> integers(String name, Writer<IntegerColumn> writer) {
        Objects.requireNonNull(writer, "writer");
        return index -> {
            IntegerColumn column = index.integerColumn(name);
            return (row, customer, units) -> writer.write(column, row, customer, units);
        };
    }

    /** An integer column holding the value times {@code 10^scale} (counts and dates: scale 0). */
    public static FieldColumn integer(String name, int scale, Writer<IntegerColumn> writer) {
        return new FieldColumn(name, ColumnKind.INTEGER, Reading.STORED, scale, false, integers(name, writer));
    }

    /** An integer column of money in the store currency's minor units. */
    public static FieldColumn money(String name, Writer<IntegerColumn> writer) {
        return new FieldColumn(name, ColumnKind.INTEGER, Reading.STORED, 0, true, integers(name, writer));
    }

    /** A dictionary-encoded text column (text and enum codes). */
    public static FieldColumn dictionary(String name, Writer<DictionaryColumn> writer) {
        Objects.requireNonNull(writer, "writer");
        return new FieldColumn(name, ColumnKind.DICTIONARY, Reading.STORED, 0, false, index -> {
            DictionaryColumn column = index.dictionaryColumn(name);
            return (row, customer, units) -> writer.write(column, row, customer, units);
        });
    }

    /** A tag column (a set of texts per customer). */
    public static FieldColumn tags(String name, Writer<TagColumn> writer) {
        Objects.requireNonNull(writer, "writer");
        return new FieldColumn(name, ColumnKind.TAGS, Reading.STORED, 0, false, index -> {
            TagColumn column = index.tagColumn(name);
            return (row, customer, units) -> writer.write(column, row, customer, units);
        });
    }

    /**
     * A dated tag column ({@code item -> last epoch day}) this field writes, read as the items of the last
     * {@code days} days, today included.
     */
    public static FieldColumn datedTags(String name, int days, Writer<DatedTagColumn> writer) {
        Objects.requireNonNull(writer, "writer");
        return new FieldColumn(
                name,
                ColumnKind.DATED_TAGS,
                Reading.WITHIN_DAYS,
                0,
                false,
                index -> {
                    DatedTagColumn column = index.datedTagColumn(name);
                    return (row, customer, units) -> writer.write(column, row, customer, units);
                },
                days);
    }

    /** The items of the last {@code days} days of the dated tag column {@code name} (written by another field). */
    public static FieldColumn withinDays(String name, int days) {
        return new FieldColumn(name, null, Reading.WITHIN_DAYS, 0, false, null, days);
    }

    /** The window of a {@link Reading#WITHIN_DAYS} column, in days (0 for other readings). */
    public int days() {
        return days;
    }

    /** Days from the date in {@code dateColumn} (written by its own field) to today. */
    public static FieldColumn daysBeforeToday(String dateColumn) {
        return new FieldColumn(dateColumn, null, Reading.DAYS_BEFORE_TODAY, 0, false, null);
    }

    /** The age today of the birth date in {@code birthDateColumn} (written by its own field). */
    public static FieldColumn age(String birthDateColumn) {
        return new FieldColumn(birthDateColumn, null, Reading.AGE, 0, false, null);
    }

    /** The next birthday of the month-day code ({@code month * 100 + day}) this field writes into {@code name}. */
    public static FieldColumn nextBirthday(String name, Writer<IntegerColumn> writer) {
        return new FieldColumn(name, ColumnKind.INTEGER, Reading.NEXT_BIRTHDAY, 0, false, integers(name, writer));
    }

    /** No column at all (group membership). */
    public static FieldColumn none() {
        return new FieldColumn(null, null, Reading.NONE, 0, false, null);
    }

    /** The column a rule on the field reads. */
    public String name() {
        if (reading == Reading.NONE) {
            throw new IllegalArgumentException("group membership has no column");
        }
        return name;
    }

    /** Whether this field writes a column of its own (then {@link #kind()} is set and {@link #bind} works). */
    public boolean written() {
        return binder != null;
    }

    public ColumnKind kind() {
        return kind;
    }

    public Reading reading() {
        return reading;
    }

    /** The writer of this field's column in {@code index}, which declares the column. */
    public BoundWriter bind(CustomerIndex index) {
        if (binder == null) {
            throw new IllegalStateException("column " + name + " is written by another field");
        }
        return binder.apply(index);
    }

    /** The month-day code a {@link Reading#NEXT_BIRTHDAY} column holds: 1 January is 101, 29 February 229. */
    public static int monthDayCode(int month, int day) {
        return month * 100 + day;
    }

    /** The decimal places of the stored whole number, for a currency of {@code currencyFractionDigits}. */
    public int scale(int currencyFractionDigits) {
        return currencyScale ? currencyFractionDigits : scale;
    }
}
