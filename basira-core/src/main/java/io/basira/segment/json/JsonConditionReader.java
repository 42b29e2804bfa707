package io.basira.segment.json;

import io.basira.segment.And;
import io.basira.segment.Condition;
import io.basira.segment.Conditions;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.InGroup;
import io.basira.segment.Not;
import io.basira.segment.Operator;
import io.basira.segment.Or;
import io.basira.segment.RuleLimits;
import io.basira.segment.SegmentField;
import io.basira.segment.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the JSON form into a tree, keeping the JSON path of each element for error messages. A list of
 * one condition under {@code all} or {@code any} stands for that condition. Unknown keys are errors, so
 * that a misspelt key is not silently ignored. The bounds of {@link RuleLimits} hold as in the text form:
 * a text value over the literal limit is refused at its path, and the rule where the characters of its
 * text form (counted as they are read: field names, operators, values, connectives) pass the rule limit.
 */
final class JsonConditionReader {

    private static final Set<String> LEAF_KEYS = Set.of("field", "op", "value", "values", "from", "to");

    /** Deeper nesting than this is refused rather than risking the stack on hostile input. */
    static final int MAX_DEPTH = 64;

    private final FieldCatalogue fields;
    private int depth;
    /** Characters of the text form read so far. */
    private long length;

    JsonConditionReader(FieldCatalogue fields) {
        this.fields = java.util.Objects.requireNonNull(fields, "fields");
    }

    Condition read(Object json, String path) {
        if (++depth > MAX_DEPTH) {
            throw new JsonRuleException(path, "the rule is nested more than " + MAX_DEPTH + " levels deep");
        }
        try {
            return readObject(json, path);
        } finally {
            depth--;
        }
    }

    private Condition readObject(Object json, String path) {
        Map<?, ?> object = object(json, path);
        if (object.containsKey("all")) {
            return connective(object, "all", path, And::new);
        }
        if (object.containsKey("any")) {
            return connective(object, "any", path, Or::new);
        }
        if (object.containsKey("not")) {
            requireOnly(object, Set.of("not"), path);
            return new Not(read(object.get("not"), path + ".not"));
        }
        if (object.containsKey("group")) {
            requireOnly(object, Set.of("group"), path);
            String key = string(object.get("group"), path + ".group");
            requireLiteral(key, path + ".group");
            count("group = ''".length() + key.length(), path + ".group");
            return build(path + ".group", () -> new InGroup(key));
        }
        if (object.containsKey("field")) {
            requireOnly(object, LEAF_KEYS, path);
            return leaf(object, path);
        }
        throw new JsonRuleException(
                path,
                "expected a condition: an object with \"all\", \"any\", \"not\", " + "\"group\" or \"field\""
                        + (object.isEmpty() ? "" : ", found keys " + object.keySet()));
    }

    /** Counts {@code chars} more characters of the text form at {@code path}; refuses past the limit. */
    private void count(long chars, String path) {
        length += chars;
        if (length > RuleLimits.MAX_RULE_LENGTH) {
            throw new JsonRuleException(path, RuleLimits.ruleTooLong() + " in its text form");
        }
    }

    private Condition connective(Map<?, ?> object, String key, String path, Function<List<Condition>, Condition> make) {
        requireOnly(object, Set.of(key), path);
        Object raw = object.get(key);
        if (!(raw instanceof List<?> list)) {
            throw new JsonRuleException(path + "." + key, "expected a list of conditions");
        }
        if (list.isEmpty()) {
            throw new JsonRuleException(path + "." + key, "needs at least one condition");
        }
        List<Condition> operands = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + "." + key + "[" + i + "]";
            count(" AND ".length(), at);
            operands.add(read(list.get(i), at));
        }
        return operands.size() == 1 ? operands.get(0) : make.apply(operands);
    }

    private Condition leaf(Map<?, ?> object, String path) {
        String name = string(object.get("field"), path + ".field");
        count(name.length() + 2, path + ".field");
        SegmentField field = fields.byName(name)
                .orElseThrow(() -> new JsonRuleException(path + ".field", fields.unknownMessage(name)));
        if (!object.containsKey("op")) {
            throw new JsonRuleException(
                    path, "missing \"op\" (one of =, !=, >, >=, <, <=, between, in, is_null," + " is_not_null)");
        }
        String code = string(object.get("op"), path + ".op");
        count(code.length() + 1, path + ".op");
        Operator operator = Operator.byCode(code)
                .orElseThrow(() -> new JsonRuleException(
                        path + ".op",
                        "unknown operator '" + code
                                + "'; expected one of =, !=, >, >=, <, <=, between, in, is_null, is_not_null"));
        List<Value> operands = operands(object, operator, field, path);
        return build(path, () -> Conditions.of(field, operator, operands));
    }

    private List<Value> operands(Map<?, ?> object, Operator operator, SegmentField field, String path) {
        List<String> keys = switch (operator) {
            case IS_NULL, IS_NOT_NULL -> List.of();
            case BETWEEN -> List.of("from", "to");
            case IN -> List.of("values");
            default -> List.of("value");
        };
        for (String key : LEAF_KEYS) {
            if (!key.equals("field") && !key.equals("op") && object.containsKey(key) && !keys.contains(key)) {
                throw new JsonRuleException(
                        path + "." + key,
                        "\"" + key + "\" does not go with op \"" + operator.code() + "\""
                                + (keys.isEmpty() ? "" : "; expected " + keys));
            }
        }
        if (operator == Operator.IN) {
            return list(object.get("values"), field, path + ".values");
        }
        List<Value> values = new ArrayList<>();
        for (String key : keys) {
            if (!object.containsKey(key)) {
                throw new JsonRuleException(path, "missing \"" + key + "\" for op \"" + operator.code() + "\"");
            }
            values.add(value(object.get(key), field, path + "." + key));
        }
        return values;
    }

    private List<Value> list(Object raw, SegmentField field, String path) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw new JsonRuleException(path, "expected a non-empty list of values");
        }
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            values.add(value(list.get(i), field, path + "[" + i + "]"));
        }
        return values;
    }

    /** A JSON scalar as a literal; numeric strings are numbers for number fields ({@code "199.50"}). */
    private Value value(Object raw, SegmentField field, String path) {
        if (raw instanceof String text) {
            requireLiteral(text, path);
            count(text.length() + ", ''".length(), path);
            if (field.type().isNumeric() && text.strip().matches("[+-]?\\d+(\\.\\d+)?")) {
                return Value.number(text.strip());
            }
            return Value.text(text);
        }
        if (raw instanceof BigDecimal
                || raw instanceof BigInteger
                || raw instanceof Long
                || raw instanceof Integer
                || raw instanceof Short
                || raw instanceof Byte
                || ((raw instanceof Double || raw instanceof Float) && Double.isFinite(((Number) raw).doubleValue()))) {
            String number = raw.toString();
            count(number.length() + ", ".length(), path);
            return Value.number(number);
        }
        String found = raw == null ? "null (use op \"is_null\" to test for no value)" : raw.toString();
        throw new JsonRuleException(path, "expected a number or a string, found " + found);
    }

    private static void requireLiteral(String text, String path) {
        if (text.length() > RuleLimits.MAX_LITERAL_LENGTH) {
            throw new JsonRuleException(path, RuleLimits.literalTooLong(text.length()));
        }
    }

    private static Condition build(String path, Supplier<Condition> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new JsonRuleException(path, e.getMessage());
        }
    }

    private static Map<?, ?> object(Object json, String path) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new JsonRuleException(path, "expected an object, found " + (json == null ? "null" : json));
        }
        return map;
    }

    private static void requireOnly(Map<?, ?> object, Set<String> allowed, String path) {
        for (Object key : object.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new JsonRuleException(path + "." + key, "unexpected key \"" + key + "\"");
            }
        }
    }

    private static String string(Object raw, String path) {
        if (!(raw instanceof String text)) {
            throw new JsonRuleException(path, "expected a string, found " + raw);
        }
        return text;
    }
}
