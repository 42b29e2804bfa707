package io.basira.segment;

import io.basira.card.CustomerData;
import io.basira.index.IntegerColumn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A field a segment rule can test, as the feature that produces it registers it once: its name in rules,
 * JSON and exports; its {@link ValueType} (which decides the operators and literals); whether a customer can
 * lack a value ({@link #nullable()}: only then can it match {@code IS NULL}); its unit; the key of its label
 * in the message bundles ({@code segment.field.<name>}); the allowed values of an enum; its value for one
 * customer ({@link #value}, what the single-customer evaluator compares); its column in the columnar index
 * ({@link #column()}); where the server sorts by it ({@link #sort()}, empty when it does not sort); and
 * whether the customer export has a column for it ({@link #exported()}, {@link #exportText}).
 *
 * <p>Fields are collected in a {@link FieldCatalogue}, which every consumer reads. {@link #TAGS} and
 * {@link #GROUP}, sets that the language itself gives a meaning ({@link HasAnyTag}, {@link InGroup}), are
 * defined here; every other field is defined by its feature in a {@link FieldSet} (recipe in
 * ARCHITECTURE.md, "Add a rule field"). Two fields are equal only when they are the same registration.
 */
public final class SegmentField {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** The customer's tags: a set, never null, tested with {@link HasAnyTag}. */
    public static final SegmentField TAGS = builder("tags", ValueType.TAG_SET)
            .unit("tag")
            .value((customer, context) -> customer.customer().tags())
            .column(FieldColumn.tags(
                    "tags",
                    (column, row, customer, units) ->
                            column.set(row, customer.customer().tags())))
            .build();

    /** Membership of another group: never null, tested with {@link InGroup}; no column. */
    public static final SegmentField GROUP = builder("group", ValueType.GROUP)
            .unit("group")
            .value((customer, context) -> customer.groupKeys())
            .column(FieldColumn.none())
            .build();

    private final String name;
    private final ValueType type;
    private final boolean nullable;
    private final String unit;
    private final List<String> allowedValues;
    private final FieldValue value;
    private final FieldColumn column;
    private final SortColumn sort;
    private final ExportText export;
    private final boolean dependsOnToday;
    private final String labelKey;
    private final List<String> labelArguments;

    private SegmentField(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.nullable = b.nullable;
        this.unit = b.unit;
        this.allowedValues = List.copyOf(b.allowedValues);
        this.value = Objects.requireNonNull(b.value, () -> "field " + b.name + " has no value");
        this.column = b.column != null ? b.column : columnFromValue(b);
        this.sort = b.sort;
        this.export = b.export;
        this.dependsOnToday = b.dependsOnToday;
        this.labelKey = b.labelKey != null ? b.labelKey : "segment.field." + b.name;
        this.labelArguments = b.labelArguments;
    }

    /** A field named {@code name} (lower case, digits and '_', starting with a letter) of {@code type}. */
    public static Builder builder(String name, ValueType type) {
        return new Builder(name, type);
    }

    /** The name in rules, JSON and the customer export ({@code total_spent}). */
    public String fieldName() {
        return name;
    }

    public ValueType type() {
        return type;
    }

    public boolean nullable() {
        return nullable;
    }

    /**
     * The unit of the value, for display: {@code count}, {@code money} (the store's currency), {@code days},
     * {@code share} (0 to 1), {@code percent}, {@code score}, {@code probability}, {@code date}, {@code text},
     * {@code code} (one of the allowed values), {@code tag}, {@code group}.
     */
    public String unit() {
        return unit;
    }

    /** The key of the field's label in the message bundles ({@code segment.field.total_spent}). */
    public String labelKey() {
        return labelKey;
    }

    /** The arguments of the label's message ({@code {0}}: the days of {@code viewed_products_45d}); mostly none. */
    public List<String> labelArguments() {
        return labelArguments;
    }

    /** The allowed values of an {@link ValueType#ENUM} field, empty for any other type. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** The operators the rule language accepts on this field. */
    public List<Operator> operators() {
        return Operator.applicableTo(type);
    }

    /**
     * The value for one customer on one day, as rules compare it: {@link BigDecimal} for integer, decimal
     * and money fields (money in major units); {@link LocalDate} for date and date-time fields (a date-time
     * becomes its date in the store's zone); {@link String} for text and enum fields;
     * {@code java.util.Set<String>} for tags and group. Null when the customer has no value.
     */
    public Object value(CustomerData customer, FieldContext context) {
        return value.of(customer, context);
    }

    /** The field's column in the columnar index. */
    public FieldColumn column() {
        return column;
    }

    /** Where the server finds the value to sort a customer list by; null when the field does not sort. */
    public SortColumn sort() {
        return sort;
    }

    public boolean sortable() {
        return sort != null;
    }

    /** Whether the customer export (CSV) has a column for this field, after {@code customer_id}. */
    public boolean exported() {
        return export != null;
    }

    /** The field's text in the customer export: the value in plain decimals and ISO dates, empty when absent. */
    public String exportText(CustomerData customer, FieldContext context) {
        if (export == null) {
            throw new IllegalStateException(name + " is not exported");
        }
        return export.text(customer, context);
    }

    /** Whether the value changes with the date alone ({@code age}, {@code birthday}, days since): re-evaluated at midnight. */
    public boolean dependsOnToday() {
        return dependsOnToday;
    }

    @Override
    public String toString() {
        return name;
    }

    /** The text of a value as exported and explained: plain decimals, ISO dates, sorted sets; null stays null. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Collection<?> set) {
            TreeSet<String> sorted = new TreeSet<>();
            set.forEach(element -> sorted.add(String.valueOf(element)));
            return String.join(", ", sorted);
        }
        return value.toString();
    }

    /** The column of a field declared without one: named like the field, written from its value. */
    private static FieldColumn columnFromValue(Builder b) {
        FieldValue value = b.value;
        return switch (b.type) {
            case INTEGER, DECIMAL ->
                FieldColumn.integer(
                        b.name,
                        b.decimals,
                        (column, row, customer, units) ->
                                setNumber(column, row, (BigDecimal) value.of(customer, units), b.decimals));
            case MONEY ->
                FieldColumn.money(
                        b.name,
                        (column, row, customer, units) -> setNumber(
                                column, row, (BigDecimal) value.of(customer, units), units.currencyFractionDigits()));
            case DATE, DATE_TIME ->
                FieldColumn.integer(
                        b.name,
                        0,
                        (column, row, customer, units) -> column.setDate(row, (LocalDate) value.of(customer, units)));
            case TEXT, ENUM ->
                FieldColumn.dictionary(
                        b.name, (column, row, customer, units) -> column.set(row, (String) value.of(customer, units)));
            case TAG_SET ->
                FieldColumn.tags(b.name, (column, row, customer, units) -> {
                    @SuppressWarnings("unchecked")
                    Collection<String> tags = (Collection<String>) value.of(customer, units);
                    column.set(row, tags);
                });
            case GROUP -> FieldColumn.none();
        };
    }

    private static void setNumber(IntegerColumn column, int row, BigDecimal number, int scale) {
        if (number == null) {
            column.clear(row);
        } else {
            column.set(row, ColumnUnits.scaled(number, scale));
        }
    }

    /** One customer's value of a field: see {@link SegmentField#value}. */
    @FunctionalInterface
    public interface FieldValue {
        Object of(CustomerData customer, FieldContext context);
    }

    /** One customer's export text of a field: see {@link SegmentField#exportText}. */
    @FunctionalInterface
    public interface ExportText {
        String text(CustomerData customer, FieldContext context);
    }

    /**
     * Where the server sorts a customer list by a field: {@code column} of {@code table}, which is
     * {@code customers} or a table keyed by {@code (store_id, customer_external_id)} (a customer without a
     * row sorts as no value); {@code reversed} when a larger value means a smaller column value (the age
     * by the birth date). Names only, never request text: the server builds its SQL from them.
     */
    public record SortColumn(String table, String column, boolean reversed) {
        private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

        public SortColumn {
            if (!IDENTIFIER.matcher(table).matches()
                    || !IDENTIFIER.matcher(column).matches()) {
                throw new IllegalArgumentException(
                        "sort table and column must be SQL identifiers: " + table + "." + column);
            }
        }

        /** A column of {@code customers}. */
        public static SortColumn customers(String column) {
            return new SortColumn("customers", column, false);
        }
    }

    /** Declares a field; {@link #build()} checks it. */
    public static final class Builder {
        private final String name;
        private final ValueType type;
        private boolean nullable;
        private String unit;
        private List<String> allowedValues = List.of();
        private FieldValue value;
        private FieldColumn column;
        private int decimals;
        private SortColumn sort;
        private ExportText export;
        private boolean exportByValue;
        private boolean dependsOnToday;
        private String labelKey;
        private List<String> labelArguments = List.of();

        private Builder(String name, ValueType type) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a field name is 1-63 characters of a-z, 0-9 and '_', starting"
                        + " with a letter, not '" + name + "'");
            }
            this.name = name;
            this.type = Objects.requireNonNull(type, "type");
            this.unit = defaultUnit(type);
        }

        private static String defaultUnit(ValueType type) {
            return switch (type) {
                case INTEGER, DECIMAL -> "count";
                case MONEY -> "money";
                case DATE, DATE_TIME -> "date";
                case TEXT -> "text";
                case ENUM -> "code";
                case TAG_SET -> "tag";
                case GROUP -> "group";
            };
        }

        /** A customer can lack a value (no completed purchase, no rating, unknown gender). */
        public Builder nullable() {
            this.nullable = true;
            return this;
        }

        public Builder unit(String unit) {
            this.unit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /** The codes an {@link ValueType#ENUM} field takes, lower case. */
        public Builder allowedValues(List<String> codes) {
            this.allowedValues = List.copyOf(codes);
            return this;
        }

        public Builder value(FieldValue value) {
            this.value = Objects.requireNonNull(value, "value");
            return this;
        }

        /** The index column, when it is not the default: a column named like the field, written from the value. */
        public Builder column(FieldColumn column) {
            this.column = Objects.requireNonNull(column, "column");
            return this;
        }

        /** The decimals of a {@link ValueType#DECIMAL} value, kept in the default index column (0 for others). */
        public Builder decimals(int decimals) {
            if (decimals < 0 || decimals > 9) {
                throw new IllegalArgumentException("decimals must be 0-9, not " + decimals);
            }
            this.decimals = decimals;
            return this;
        }

        /** Customer lists can be sorted by the field, by this column. */
        public Builder sortable(SortColumn sort) {
            this.sort = Objects.requireNonNull(sort, "sort");
            return this;
        }

        /** The customer export has a column for the field: the value's text ({@link SegmentField#text}), empty when absent. */
        public Builder exported() {
            this.exportByValue = true;
            return this;
        }

        /** The customer export has a column for the field, with this text. */
        public Builder exported(ExportText text) {
            this.export = Objects.requireNonNull(text, "text");
            return this;
        }

        /** The value changes with the date alone (it is computed from today). */
        public Builder dependsOnToday() {
            this.dependsOnToday = true;
            return this;
        }

        /** The label is the message {@code key} with {@code arguments}, not {@code segment.field.<name>}. */
        public Builder label(String key, String... arguments) {
            this.labelKey = Objects.requireNonNull(key, "key");
            this.labelArguments = List.of(arguments);
            return this;
        }

        public SegmentField build() {
            if (type == ValueType.ENUM && allowedValues.isEmpty()) {
                throw new IllegalArgumentException("enum field " + name + " needs its allowed values");
            }
            if (type != ValueType.ENUM && !allowedValues.isEmpty()) {
                throw new IllegalArgumentException("only an enum field has allowed values, not " + name);
            }
            if (exportByValue && export == null) {
                FieldValue reader = Objects.requireNonNull(value, () -> "field " + name + " has no value");
                export = (customer, context) -> {
                    String text = text(reader.of(customer, context));
                    return text == null ? "" : text;
                };
            }
            return new SegmentField(this);
        }
    }
}
