package io.basira.segment.audience;

import io.basira.index.ColumnPredicate;
import io.basira.index.RowSet;
import io.basira.segment.And;
import io.basira.segment.Between;
import io.basira.segment.Comparison;
import io.basira.segment.Condition;
import io.basira.segment.FieldColumn;
import io.basira.segment.HasAnyTag;
import io.basira.segment.In;
import io.basira.segment.InGroup;
import io.basira.segment.IsNotNull;
import io.basira.segment.IsNull;
import io.basira.segment.Not;
import io.basira.segment.Operator;
import io.basira.segment.Or;
import io.basira.segment.SegmentField;
import io.basira.segment.Value;
import io.basira.segment.ValueType;
import io.basira.segment.eval.Birthdays;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Compiles a rule tree into a {@link ColumnPredicate} over the fields' columns ({@link io.basira.segment.FieldColumn}),
 * for one {@code today}. Three-valued logic carries over unchanged (both sides are SQL's), so
 * AND/OR/NOT map one to one and only leaves are rewritten:
 *
 * <ul>
 *   <li>numbers: the literal scaled to the column's whole-number unit, exactly ({@link WholeRange});
 *   <li>dates and date-times: the literal (relative ones resolved against {@code today}) as an
 *       epoch day; {@code days_since_last_purchase op n} as {@code last_purchase_at} in
 *       {@code today - range};
 *   <li>{@code age}: the age range as a birth-date range ({@link #latestBirthForAge});
 *       {@code birthday}: month-day runs ({@link BirthdayCodes});
 *   <li>text and gender: dictionary {@code InSet}; {@code !=} is {@code NOT InSet};
 *   <li>tags: {@code IsNotNull(tags) AND HasAnyTag}, so a customer without tags is FALSE, never UNKNOWN;
 *   <li>"viewed within n days" ({@code viewed_products_45d = 'P1'}): {@code HasAnyTagSince} on the dated
 *       column, from the n-th day back (today included), also never UNKNOWN;
 *   <li>{@code group = 'k'}: an {@code InRows} leaf on the {@link RowSet} that {@code groupRows} gives for k.
 * </ul>
 *
 * <p>The result depends on {@code today}, so it is valid for that day only. Stateless and thread-safe.
 */
public final class RuleCompiler {

    /** Ages are compiled exactly for birth dates within this many years of today. */
    static final long MAX_YEARS = 1_000_000;

    private final int fractionDigits;

    /** @param fractionDigits the minor-unit digits of the store's currency (2 for SAR) */
    public RuleCompiler(int fractionDigits) {
        this.fractionDigits = fractionDigits;
    }

    /**
     * @param groupRows the row set standing for each group the rule names (called once per group leaf)
     */
    public ColumnPredicate compile(Condition rule, LocalDate today, Function<String, RowSet> groupRows) {
        if (rule instanceof And and) {
            return new ColumnPredicate.And(all(and.operands(), today, groupRows));
        }
        if (rule instanceof Or or) {
            return new ColumnPredicate.Or(all(or.operands(), today, groupRows));
        }
        if (rule instanceof Not not) {
            return ColumnPredicate.not(compile(not.operand(), today, groupRows));
        }
        if (rule instanceof InGroup group) {
            return ColumnPredicate.inRows("group:" + group.groupKey(), groupRows.apply(group.groupKey()));
        }
        if (rule instanceof HasAnyTag tags && tags.field().column().reading() == FieldColumn.Reading.WITHIN_DAYS) {
            // viewed_products_45d = 'P1': carries P1 with a day in the last 45, today included; never UNKNOWN
            FieldColumn column = tags.field().column();
            return new ColumnPredicate.HasAnyTagSince(
                    column.name(), Set.copyOf(tags.tags()), (int) (today.toEpochDay() - column.days() + 1));
        }
        if (rule instanceof HasAnyTag tags) {
            String column = tags.field().column().name();
            return ColumnPredicate.and(
                    ColumnPredicate.isNotNull(column), new ColumnPredicate.HasAnyTag(column, Set.copyOf(tags.tags())));
        }
        if (rule instanceof IsNull isNull) {
            return ColumnPredicate.isNull(isNull.field().column().name());
        }
        if (rule instanceof IsNotNull isNotNull) {
            return ColumnPredicate.isNotNull(isNotNull.field().column().name());
        }
        return valueLeaf(rule, today);
    }

    private List<ColumnPredicate> all(List<Condition> operands, LocalDate today, Function<String, RowSet> groupRows) {
        List<ColumnPredicate> compiled = new ArrayList<>(operands.size());
        for (Condition operand : operands) {
            compiled.add(compile(operand, today, groupRows));
        }
        return compiled;
    }

    private ColumnPredicate valueLeaf(Condition rule, LocalDate today) {
        SegmentField field = rule.field();
        if (!field.type().isOrdered()) {
            return textLeaf(rule, field);
        }
        if (rule instanceof Comparison c) {
            ColumnPredicate equalOrRange =
                    range(field, WholeRange.of(c.operator(), number(field, c.value(), today), scale(field)), today);
            return c.operator() == Operator.NE ? ColumnPredicate.not(equalOrRange) : equalOrRange;
        }
        if (rule instanceof Between b) {
            return range(
                    field,
                    WholeRange.between(number(field, b.from(), today), number(field, b.to(), today), scale(field)),
                    today);
        }
        List<ColumnPredicate> equals = new ArrayList<>();
        for (Value value : ((In) rule).values()) {
            equals.add(range(field, WholeRange.of(Operator.EQ, number(field, value, today), scale(field)), today));
        }
        return equals.size() == 1 ? equals.get(0) : new ColumnPredicate.Or(equals);
    }

    private ColumnPredicate textLeaf(Condition rule, SegmentField field) {
        String column = field.column().name();
        if (rule instanceof Comparison c) {
            ColumnPredicate equal = ColumnPredicate.in(column, ((Value.TextValue) c.value()).value());
            return c.operator() == Operator.NE ? ColumnPredicate.not(equal) : equal;
        }
        Set<String> values = new LinkedHashSet<>();
        for (Value value : ((In) rule).values()) {
            values.add(((Value.TextValue) value).value());
        }
        return new ColumnPredicate.InSet(column, values);
    }

    /** The predicate on the field's column for the field's value lying in {@code range}. */
    private static ColumnPredicate range(SegmentField field, WholeRange range, LocalDate today) {
        String column = field.column().name();
        return switch (field.column().reading()) {
            case DAYS_BEFORE_TODAY -> range.subtractedFrom(today.toEpochDay()).on(column);
            case AGE -> ageRange(range, today).on(column);
            case NEXT_BIRTHDAY -> BirthdayCodes.within(column, range, today);
            case STORED -> range.on(column);
            case WITHIN_DAYS, NONE -> throw new IllegalArgumentException(field + " has no range on its column");
        };
    }

    /** Birth dates (epoch days) with an age in {@code ages}: {@code (B(high + 1), B(low)]}. */
    private static WholeRange ageRange(WholeRange ages, LocalDate today) {
        BigInteger low = null;
        BigInteger high = null;
        if (ages.low() != null) {
            high = BigInteger.valueOf(
                    latestBirthForAge(clampYears(ages.low()), today).toEpochDay());
        }
        if (ages.high() != null) {
            long above = clampYears(ages.high().add(BigInteger.ONE));
            low = BigInteger.valueOf(latestBirthForAge(above, today).toEpochDay() + 1);
        }
        return new WholeRange(low, high);
    }

    private static long clampYears(BigInteger years) {
        return years.max(BigInteger.valueOf(-MAX_YEARS))
                .min(BigInteger.valueOf(MAX_YEARS))
                .longValueExact();
    }

    /**
     * The latest birth date whose age today is at least {@code years}. Age never grows as the birth
     * date moves later, so the birth dates of age {@code >= years} are exactly those up to this one;
     * it is found from {@code today - years} by stepping a day or two with {@link Birthdays#age},
     * which settles the 29 February cases.
     */
    static LocalDate latestBirthForAge(long years, LocalDate today) {
        LocalDate birth = today.minusYears(years);
        while (Birthdays.age(birth.plusDays(1), today) >= years) {
            birth = birth.plusDays(1);
        }
        while (Birthdays.age(birth, today) < years) {
            birth = birth.minusDays(1);
        }
        return birth;
    }

    private int scale(SegmentField field) {
        return field.column().scale(fractionDigits);
    }

    /** A literal as a number: itself for numeric fields, the epoch day for date fields. */
    private static BigDecimal number(SegmentField field, Value value, LocalDate today) {
        if (field.type() != ValueType.DATE && field.type() != ValueType.DATE_TIME) {
            return ((Value.NumberValue) value).value();
        }
        LocalDate date = value instanceof Value.RelativeDate relative
                ? relative.resolve(today)
                : ((Value.DateValue) value).value();
        return BigDecimal.valueOf(date.toEpochDay());
    }
}
