package io.basira.bench;

import io.basira.segment.And;
import io.basira.segment.Between;
import io.basira.segment.Comparison;
import io.basira.segment.Condition;
import io.basira.segment.HasAnyTag;
import io.basira.segment.In;
import io.basira.segment.IsNotNull;
import io.basira.segment.IsNull;
import io.basira.segment.Not;
import io.basira.segment.Operator;
import io.basira.segment.Or;
import io.basira.segment.SegmentField;
import io.basira.segment.Value;
import java.time.LocalDate;
import java.util.StringJoiner;

/**
 * The SQL twin of a rule over the table {@link DuckDbSideBySide} loads: one column per scalar segment
 * field holding {@code FieldValues} for the run's today (money and shares as exact DECIMAL, date-times
 * as their DATE in the store's zone, age, next birthday and days since the last purchase precomputed),
 * tags as a VARCHAR list (empty, never NULL). SQL's three-valued logic is the rule language's, so
 * connectives and leaves map one to one; only relative dates are resolved to DATE literals here.
 */
public final class SqlTwin {

    private SqlTwin() {}

    public static String where(Condition rule, LocalDate today) {
        if (rule instanceof And and) {
            return joined(and.operands(), " AND ", today);
        }
        if (rule instanceof Or or) {
            return joined(or.operands(), " OR ", today);
        }
        if (rule instanceof Not not) {
            return "(NOT " + where(not.operand(), today) + ")";
        }
        if (rule instanceof HasAnyTag tags) {
            StringJoiner list = new StringJoiner(", ", "list_has_any(tags, [", "])");
            tags.tags().forEach(tag -> list.add(quote(tag)));
            return list.toString();
        }
        if (rule instanceof IsNull isNull) {
            return column(isNull.field()) + " IS NULL";
        }
        if (rule instanceof IsNotNull isNotNull) {
            return column(isNotNull.field()) + " IS NOT NULL";
        }
        if (rule instanceof Comparison c) {
            String op = c.operator() == Operator.NE ? "<>" : c.operator().symbol();
            return column(c.field()) + " " + op + " " + literal(c.value(), today);
        }
        if (rule instanceof Between b) {
            return column(b.field()) + " BETWEEN " + literal(b.from(), today) + " AND " + literal(b.to(), today);
        }
        if (rule instanceof In in) {
            StringJoiner values = new StringJoiner(", ", column(in.field()) + " IN (", ")");
            in.values().forEach(v -> values.add(literal(v, today)));
            return values.toString();
        }
        throw new IllegalArgumentException("no SQL twin for " + rule + " (group membership is not benchmarked)");
    }

    private static String joined(java.util.List<Condition> operands, String connective, LocalDate today) {
        StringJoiner sql = new StringJoiner(connective, "(", ")");
        operands.forEach(operand -> sql.add(where(operand, today)));
        return sql.toString();
    }

    static String column(SegmentField field) {
        return field.fieldName();
    }

    private static String literal(Value value, LocalDate today) {
        if (value instanceof Value.NumberValue number) {
            return number.value().toPlainString();
        }
        if (value instanceof Value.TextValue text) {
            return quote(text.value());
        }
        LocalDate date = value instanceof Value.RelativeDate relative
                ? relative.resolve(today)
                : ((Value.DateValue) value).value();
        return "DATE '" + date + "'";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
