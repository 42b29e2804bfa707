package io.basira.segment.json;

import io.basira.fields.BuiltInFields;
import io.basira.segment.And;
import io.basira.segment.Between;
import io.basira.segment.Comparison;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.HasAnyTag;
import io.basira.segment.In;
import io.basira.segment.InGroup;
import io.basira.segment.IsNotNull;
import io.basira.segment.IsNull;
import io.basira.segment.Not;
import io.basira.segment.Operator;
import io.basira.segment.Or;
import io.basira.segment.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a rule, as plain maps and lists that the server serialises (the core has no JSON
 * library). Shapes, documented in docs/rules.md:
 *
 * <pre>
 * {"all": [c, c, ...]}   {"any": [c, c, ...]}   {"not": c}   {"group": "vip"}
 * {"field": "total_spent", "op": ">", "value": 1500}
 * {"field": "birthday", "op": "between", "from": "today", "to": "+7d"}
 * {"field": "country", "op": "in", "values": ["SA", "AE"]}
 * {"field": "store_rating", "op": "is_null"}
 * </pre>
 *
 * Numbers are written as {@link BigDecimal}; dates as {@code "2024-03-01"}, relative dates as
 * {@code "today"}, {@code "-90d"}, {@code "+7d"}. Stateless and thread-safe.
 */
public final class JsonConditions {

    private JsonConditions() {}

    /** The JSON form of {@code condition}: insertion-ordered maps, lists, strings and BigDecimals. */
    public static Map<String, Object> toJson(Condition condition) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (condition instanceof And and) {
            json.put("all", operands(and.operands()));
        } else if (condition instanceof Or or) {
            json.put("any", operands(or.operands()));
        } else if (condition instanceof Not not) {
            json.put("not", toJson(not.operand()));
        } else if (condition instanceof InGroup group) {
            json.put("group", group.groupKey());
        } else {
            json.put("field", condition.field().fieldName());
            leaf(condition, json);
        }
        return json;
    }

    /**
     * Reads the JSON form: {@code json} is what a JSON library makes of an object (maps, lists, strings,
     * numbers).
     *
     * @throws JsonRuleException naming the JSON path and the reason when the input is not a valid rule
     */
    public static Condition fromJson(Object json) {
        return fromJson(json, BuiltInFields.catalogue());
    }

    /** As {@link #fromJson(Object)}, with the fields of {@code fields}. */
    public static Condition fromJson(Object json, FieldCatalogue fields) {
        return new JsonConditionReader(fields).read(json, "$");
    }

    private static List<Object> operands(List<Condition> operands) {
        List<Object> list = new ArrayList<>();
        operands.forEach(c -> list.add(toJson(c)));
        return list;
    }

    private static void leaf(Condition condition, Map<String, Object> json) {
        if (condition instanceof Comparison c) {
            json.put("op", c.operator().code());
            json.put("value", value(c.value()));
        } else if (condition instanceof Between b) {
            json.put("op", Operator.BETWEEN.code());
            json.put("from", value(b.from()));
            json.put("to", value(b.to()));
        } else if (condition instanceof In in) {
            json.put("op", Operator.IN.code());
            json.put("values", values(in.values()));
        } else if (condition instanceof IsNull) {
            json.put("op", Operator.IS_NULL.code());
        } else if (condition instanceof IsNotNull) {
            json.put("op", Operator.IS_NOT_NULL.code());
        } else {
            List<String> tags = ((HasAnyTag) condition).tags();
            if (tags.size() == 1) {
                json.put("op", Operator.EQ.code());
                json.put("value", tags.get(0));
            } else {
                json.put("op", Operator.IN.code());
                json.put("values", new ArrayList<Object>(tags));
            }
        }
    }

    private static List<Object> values(List<Value> values) {
        List<Object> list = new ArrayList<>();
        values.forEach(v -> list.add(value(v)));
        return list;
    }

    private static Object value(Value value) {
        if (value instanceof Value.NumberValue number) {
            return number.value();
        }
        if (value instanceof Value.TextValue text) {
            return text.value();
        }
        if (value instanceof Value.DateValue date) {
            return date.value().toString();
        }
        return value.text();
    }
}
