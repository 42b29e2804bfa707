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
            throw new RuleValueException(
                    RuleError.OPERATOR_NOT_FOR_TYPE, operator.symbol(), field.fieldName(), field.type(), allowed);
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
            throw new RuleValueException(RuleError.TAKES_TEXT, field.fieldName(), value.text());
        }
        if (type == ValueType.ENUM) {
            return requireAllowed(field, text);
        }
        if (type == ValueType.GROUP) {
            return new Value.TextValue(requireGroupKey(text.value()));
        }
        if (type == ValueType.TAG_SET && text.value().isBlank()) {
            throw new RuleValueException(RuleError.EMPTY_TAG);
        }
        return value;
    }

    static String requireGroupKey(String key) {
        if (key == null || !GROUP_KEY.matcher(key).matches()) {
            throw new RuleValueException(RuleError.GROUP_KEY, String.valueOf(key));
        }
        return key;
    }

    private static Value requireNumber(SegmentField field, Value value) {
        if (!(value instanceof Value.NumberValue number)) {
            throw new RuleValueException(RuleError.TAKES_NUMBER, field.fieldName(), field.type(), value.text());
        }
        if (field.type() == ValueType.INTEGER && number.value().scale() > 0) {
            throw new RuleValueException(RuleError.TAKES_WHOLE_NUMBER, field.fieldName(), value.text());
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
                    throw new RuleValueException(RuleError.INVALID_DATE, text.text());
                }
            }
        }
        throw new RuleValueException(RuleError.TAKES_DATE, field.fieldName(), value.text());
    }

    private static Value requireAllowed(SegmentField field, Value.TextValue text) {
        String normal = text.value().strip().toLowerCase(Locale.ROOT);
        List<String> allowed = field.allowedValues();
        if (!allowed.contains(normal)) {
            String choices = allowed.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
            throw new RuleValueException(RuleError.ONE_OF, field.fieldName(), choices, text.text());
        }
        return new Value.TextValue(normal);
    }
}
