package io.basira.index;

import io.basira.index.ColumnPredicate.And;
import io.basira.index.ColumnPredicate.Between;
import io.basira.index.ColumnPredicate.Compare;
import io.basira.index.ColumnPredicate.HasAnyTag;
import io.basira.index.ColumnPredicate.HasAnyTagSince;
import io.basira.index.ColumnPredicate.InRows;
import io.basira.index.ColumnPredicate.InSet;
import io.basira.index.ColumnPredicate.IsNotNull;
import io.basira.index.ColumnPredicate.IsNull;
import io.basira.index.ColumnPredicate.Not;
import io.basira.index.ColumnPredicate.Or;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.roaringbitmap.RoaringBitmap;

/**
 * Resolves a {@link ColumnPredicate} against one index's columns and rewrites it into negation
 * normal form ({@link Scan}): NOT flips a leaf ({@code <} becomes {@code >=}, IN becomes NOT IN,
 * IS NULL becomes IS NOT NULL) and swaps AND with OR.
 *
 * <p>Binding only reads the index. A literal string is looked up in the column's dictionary and
 * never added to it: a value no row has ever had cannot equal any row's value, so it contributes
 * no code (an IN of only such values is an empty range). Such literals are collected in
 * {@link #absent()} so that {@link BoundPredicate} can bind again once a row brings the value;
 * a rule that names unknown values (a preview with a typo, or a hostile 4 MB literal) therefore
 * leaves nothing behind in the index. One binder per bind; not thread-safe.
 */
final class PredicateBinder {

    /** A literal of the predicate that {@code dictionary} did not hold at bind time. */
    record Absent(Dictionary dictionary, String value) {}

    private final CustomerIndex index;
    private final List<Absent> absent = new ArrayList<>();

    PredicateBinder(CustomerIndex index) {
        this.index = index;
    }

    /** The literals met by {@link #bind} that their column's dictionary lacked. */
    List<Absent> absent() {
        return absent;
    }

    Scan bind(ColumnPredicate predicate, boolean negated) {
        if (predicate instanceof Not not) {
            return bind(not.child(), !negated);
        }
        if (predicate instanceof And and) {
            Scan[] children = bindAll(and.children(), negated);
            return negated ? new AnyOf(children) : new AllOf(children);
        }
        if (predicate instanceof Or or) {
            Scan[] children = bindAll(or.children(), negated);
            return negated ? new AllOf(children) : new AnyOf(children);
        }
        return bindLeaf(predicate, negated);
    }

    private Scan bindLeaf(ColumnPredicate predicate, boolean negated) {
        if (predicate instanceof Compare compare) {
            return compare(compare, negated);
        }
        if (predicate instanceof Between between) {
            return range(between.column(), between.low(), between.high(), negated);
        }
        if (predicate instanceof InSet in) {
            return inSet(in, negated);
        }
        if (predicate instanceof HasAnyTag tags) {
            return tags(tags, negated);
        }
        if (predicate instanceof HasAnyTagSince since) {
            return tagsSince(since, negated);
        }
        if (predicate instanceof InRows inRows) {
            return new RowSetScan(inRows.rows(), negated);
        }
        if (predicate instanceof IsNull isNull) {
            return new NullScan(column(isNull.column()).nulls, !negated);
        }
        IsNotNull isNotNull = (IsNotNull) predicate;
        return new NullScan(column(isNotNull.column()).nulls, negated);
    }

    private Scan[] bindAll(List<ColumnPredicate> children, boolean negated) {
        Scan[] scans = new Scan[children.size()];
        for (int i = 0; i < scans.length; i++) {
            scans[i] = bind(children.get(i), negated);
        }
        return scans;
    }

    private Scan compare(Compare compare, boolean negated) {
        long v = compare.value();
        String column = compare.column();
        return switch (compare.op()) {
            case EQ -> range(column, v, v, negated);
            case NE -> range(column, v, v, !negated);
            case LT ->
                v == Long.MIN_VALUE ? range(column, 1, 0, negated) : range(column, Long.MIN_VALUE, v - 1, negated);
            case LE -> range(column, Long.MIN_VALUE, v, negated);
            case GT ->
                v == Long.MAX_VALUE ? range(column, 1, 0, negated) : range(column, v + 1, Long.MAX_VALUE, negated);
            case GE -> range(column, v, Long.MAX_VALUE, negated);
        };
    }

    private Scan range(String name, long lo, long hi, boolean negated) {
        IntegerColumn column = typed(name, ColumnKind.INTEGER, "a comparison", IntegerColumn.class);
        return new RangeScan(column.values, column.nulls, lo, hi, negated);
    }

    private Scan inSet(InSet in, boolean negated) {
        DictionaryColumn column = typed(in.column(), ColumnKind.DICTIONARY, "IN or = on text", DictionaryColumn.class);
        Set<String> values = in.values();
        int[] codes = new int[values.size()];
        int max = -1;
        int i = 0;
        for (String value : values) {
            int code = column.dictionary.codeOf(value);
            if (code < 0) {
                absent.add(new Absent(column.dictionary, value));
                continue;
            }
            codes[i++] = code;
            max = Math.max(max, code);
        }
        if (i == 0) {
            // No row has any of the values: the empty range, FALSE (negated: TRUE) on every non-null row.
            return new RangeScan(column.codes, column.nulls, 1, 0, negated);
        }
        codes = i == codes.length ? codes : Arrays.copyOf(codes, i);
        if (codes.length == 1) {
            // One value: a range test on the codes, cheaper than the code-set lookup.
            return new RangeScan(column.codes, column.nulls, codes[0], codes[0], negated);
        }
        long[] codeBits = new long[(max >>> 6) + 1];
        for (int code : codes) {
            codeBits[code >>> 6] |= 1L << code;
        }
        return new CodeScan(column.codes, column.nulls, codeBits, negated);
    }

    private Scan tags(HasAnyTag has, boolean negated) {
        TagColumn column = typed(has.column(), ColumnKind.TAGS, "a tag test", TagColumn.class);
        List<RoaringBitmap> rows = new ArrayList<>(has.tags().size());
        for (String tag : has.tags()) {
            RoaringBitmap carriers = column.rowsWith(tag);
            if (carriers == null) {
                absent.add(new Absent(column.dictionary, tag));
            } else {
                rows.add(carriers);
            }
        }
        return new TagScan(rows.toArray(new RoaringBitmap[0]), column.nulls, negated);
    }

    private Scan tagsSince(HasAnyTagSince has, boolean negated) {
        DatedTagColumn column = typed(has.column(), ColumnKind.DATED_TAGS, "a dated tag test", DatedTagColumn.class);
        int[] codes = new int[has.tags().size()];
        List<RoaringBitmap> rows = new ArrayList<>(codes.length);
        for (String tag : has.tags()) {
            int code = column.codeOf(tag);
            if (code < 0) {
                absent.add(new Absent(column.dictionary, tag));
            } else {
                codes[rows.size()] = code;
                rows.add(column.rowsByTag.get(code));
            }
        }
        return new DatedTagScan(
                column, Arrays.copyOf(codes, rows.size()), rows.toArray(new RoaringBitmap[0]), has.since(), negated);
    }

    private IndexColumn column(String name) {
        IndexColumn column = index.column(name);
        if (column == null) {
            throw new IllegalArgumentException("unknown column '" + name + "'; this index has " + index.columnNames());
        }
        return column;
    }

    private <C extends IndexColumn> C typed(String name, ColumnKind kind, String what, Class<C> type) {
        IndexColumn column = column(name);
        if (column.kind() != kind) {
            throw new IllegalArgumentException("column '" + name + "' holds " + column.kind() + " values, but " + what
                    + " needs a " + kind + " column");
        }
        return type.cast(column);
    }
}
