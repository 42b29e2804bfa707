package io.basira.segment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The type rules of the language, applied by the condition records' constructors so that no ill-typed
 * tree exists. Messages name the field and the offending value; the parser and the JSON reader add where.
 */
final class Typing {

    private static final Pattern GROUP_KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Typing() {}

    static void requireApplies(SegmentField field, Operator operator) {
        if (!operator.appliesTo(field.type())) {
            String allowed = field.operators().stream().map(Operator::symbol).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("operator " + operator.symbol() + " does not apply to "
                    + field.fieldName() + " (" + field.type().labelEn() + "); use " + allowed);
        }
    }

    /** {@code value} as {@code field} takes it (a date text becomes a date); throws when it does not fit. */
    static Value coerce(SegmentField field, Value value) {
        ValueType type = field.type();
        if (type.isNumeric()) {
            return requireNumber(field, value);
        }
        if (type.isTemporal()) {
            return requireDate(field, value);
        }
        if (!(value instanceof Value.TextValue text)) {
            throw new IllegalArgumentException(field.fieldName() + " takes text in quotes, not " + value.text());
        }
        if (type == ValueType.ENUM) {
            return requireAllowed(field, text);
        }
        if (type == ValueType.GROUP) {
            return new Value.TextValue(requireGroupKey(text.value()));
        }
        if (type == ValueType.TAG_SET && text.value().isBlank()) {
            throw new IllegalArgumentException("a tag cannot be empty");
        }
        return value;
    }

    static String requireGroupKey(String key) {
        if (key == null || !GROUP_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("group key '" + key
                    + "' must be 1-63 characters of a-z, 0-9, '-' and '_', starting with a letter or digit");
        }
        return key;
    }

    private static Value requireNumber(SegmentField field, Value value) {
        if (!(value instanceof Value.NumberValue number)) {
            throw new IllegalArgumentException(field.fieldName() + " takes a number (" + field.type().labelEn()
                    + "), not " + value.text());
        }
        if (field.type() == ValueType.INTEGER && number.value().scale() > 0) {
            throw new IllegalArgumentException(field.fieldName() + " takes a whole number, not " + value.text());
        }
        return value;
    }

    private static Value requireDate(SegmentField field, Value value) {
        if (value instanceof Value.DateValue || value instanceof Value.RelativeDate) {
            return value;
        }
        if (value instanceof Value.TextValue text) {
            Value.RelativeDate relative = Value.RelativeDate.parse(text.value());
            if (relative != null) {
                return relative;
            }
            if (ISO_DATE.matcher(text.value()).matches()) {
                try {
                    return new Value.DateValue(LocalDate.parse(text.value()));
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException(text.text() + " is not a valid date");
                }
            }
        }
        throw new IllegalArgumentException(field.fieldName() + " takes a date ('2024-03-01') or a relative date"
                + " (today, -90d, +7d), not " + value.text());
    }

    private static Value requireAllowed(SegmentField field, Value.TextValue text) {
        String normal = text.value().strip().toLowerCase(Locale.ROOT);
        List<String> allowed = field.allowedValues();
        if (!allowed.contains(normal)) {
            String choices = allowed.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
            throw new IllegalArgumentException(field.fieldName() + " is one of " + choices + ", not " + text.text());
        }
        return new Value.TextValue(normal);
    }
}
