package io.basira.index;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A condition over the columns of a {@link CustomerIndex}, in SQL three-valued logic: each row
 * is TRUE, FALSE or UNKNOWN, and only TRUE rows are members.
 *
 * <ul>
 *   <li>A comparison, {@link InSet} or {@link HasAnyTag} on a null value is UNKNOWN.
 *   <li>{@link IsNull} and {@link IsNotNull} are never UNKNOWN.
 *   <li>{@link Not}: TRUE↔FALSE, UNKNOWN stays UNKNOWN — so {@code NOT (x > 5)} excludes null x.
 *   <li>{@link And}: FALSE if any child is FALSE, else UNKNOWN if any is UNKNOWN, else TRUE.
 *       {@link Or}: TRUE if any child is TRUE, else UNKNOWN if any is UNKNOWN, else FALSE.
 * </ul>
 *
 * <p>Columns are named here and resolved by {@link CustomerIndex#bind}, which reports an unknown
 * column or a predicate that does not fit the column's kind. A string {@code =} is a one-value
 * {@link InSet}; {@code !=} and {@code NOT IN} are {@link Not} of an {@link InSet}.
 */
public sealed interface ColumnPredicate {

    /** {@code column op value} on an {@link ColumnKind#INTEGER} column. */
    record Compare(String column, CompareOp op, long value) implements ColumnPredicate {
        public Compare {
            requireColumn(column);
            Objects.requireNonNull(op, "op");
        }
    }

    /** {@code column BETWEEN low AND high}, both inclusive; FALSE for every value when low > high. */
    record Between(String column, long low, long high) implements ColumnPredicate {
        public Between {
            requireColumn(column);
        }
    }

    /**
     * {@code column IN (values)} on a {@link ColumnKind#DICTIONARY} column, exact string match.
     * An empty set is FALSE for every non-null row.
     */
    record InSet(String column, Set<String> values) implements ColumnPredicate {
        public InSet {
            requireColumn(column);
            values = Set.copyOf(values);
        }
    }

    /** True when the row's tag set contains at least one of {@code tags} (a {@link ColumnKind#TAGS} column). */
    record HasAnyTag(String column, Set<String> tags) implements ColumnPredicate {
        public HasAnyTag {
            requireColumn(column);
            tags = Set.copyOf(tags);
        }
    }

    /**
     * True when the row carries at least one of {@code tags} with a day of {@code since} (an epoch day) or later,
     * on a {@link ColumnKind#DATED_TAGS} column; never UNKNOWN (a row without tags is FALSE).
     */
    record HasAnyTagSince(String column, Set<String> tags, int since) implements ColumnPredicate {
        public HasAnyTagSince {
            requireColumn(column);
            tags = Set.copyOf(tags);
        }
    }

    /**
     * True when the row is in {@code rows} (e.g. the members of another group), FALSE otherwise; never
     * UNKNOWN. {@code label} names the set in messages ({@code group:vip}); the rows are read at each
     * evaluation, so replacing them with {@link RowSet#set} needs no new bind.
     */
    record InRows(String label, RowSet rows) implements ColumnPredicate {
        public InRows {
            requireColumn(label);
            Objects.requireNonNull(rows, "rows");
        }
    }

    /** True when the row has no value in the column (for tags: no tag at all). */
    record IsNull(String column) implements ColumnPredicate {
        public IsNull {
            requireColumn(column);
        }
    }

    record IsNotNull(String column) implements ColumnPredicate {
        public IsNotNull {
            requireColumn(column);
        }
    }

    /** Conjunction of one or more children. */
    record And(List<ColumnPredicate> children) implements ColumnPredicate {
        public And {
            children = requireChildren(children, "AND");
        }
    }

    /** Disjunction of one or more children. */
    record Or(List<ColumnPredicate> children) implements ColumnPredicate {
        public Or {
            children = requireChildren(children, "OR");
        }
    }

    record Not(ColumnPredicate child) implements ColumnPredicate {
        public Not {
            Objects.requireNonNull(child, "child of NOT");
        }
    }

    static ColumnPredicate compare(String column, CompareOp op, long value) {
        return new Compare(column, op, value);
    }

    static ColumnPredicate between(String column, long low, long high) {
        return new Between(column, low, high);
    }

    static ColumnPredicate in(String column, String... values) {
        return new InSet(column, Set.of(values));
    }

    static ColumnPredicate hasTag(String column, String tag) {
        return new HasAnyTag(column, Set.of(tag));
    }

    static ColumnPredicate inRows(String label, RowSet rows) {
        return new InRows(label, rows);
    }

    static ColumnPredicate isNull(String column) {
        return new IsNull(column);
    }

    static ColumnPredicate isNotNull(String column) {
        return new IsNotNull(column);
    }

    static ColumnPredicate and(ColumnPredicate... children) {
        return new And(List.of(children));
    }

    static ColumnPredicate or(ColumnPredicate... children) {
        return new Or(List.of(children));
    }

    static ColumnPredicate not(ColumnPredicate child) {
        return new Not(child);
    }

    private static void requireColumn(String column) {
        Objects.requireNonNull(column, "column");
        if (column.isBlank()) {
            throw new IllegalArgumentException("a predicate needs a column name");
        }
    }

    private static List<ColumnPredicate> requireChildren(List<ColumnPredicate> children, String what) {
        List<ColumnPredicate> copy = List.copyOf(children);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one condition");
        }
        return copy;
    }
}
