package io.basira.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.roaringbitmap.RoaringBitmap;

/**
 * The in-memory columnar index of one store's customers, on which customer groups are evaluated.
 *
 * <p>Design (docs/index.md): customers are dense rows {@code 0..size()-1} in arrival order, found
 * from their external {@code long} key through an open-addressing table ({@link RowKeys}). Each
 * declared column is a primitive array (integers and dictionary codes in the narrowest width that
 * fits) plus a null bitset; tags are one RoaringBitmap per tag. All arrays share one capacity, a
 * multiple of 64 that grows by half when full. A predicate is bound once ({@link #bind}) into a
 * scan tree and then evaluated over every row as word-at-a-time loops producing a RoaringBitmap
 * of member rows ({@link #evaluate}), or over one row without allocation ({@link #matches}).
 *
 * <p>Thread safety: single writer, no internal locking. Any number of threads may read
 * ({@link #evaluate}, {@link #matches}, column getters) at the same time, but no read may overlap
 * a write (appending a row, setting a value; {@link #bind} is a read): the caller
 * serialises writes against reads, e.g. with one ReadWriteLock per store, or by running every
 * event and evaluation of a store on one thread. A read overlapping a write may see torn state.
 */
public final class CustomerIndex {

    private static final int MIN_CAPACITY = 64;

    private final Map<String, IndexColumn> columns = new LinkedHashMap<>();
    private final RowKeys keys;
    private int capacity;

    /**
     * @param specs the columns, names unique
     * @param expectedRows rows to allocate up front (0 or more); avoids growth during a bulk load
     */
    public CustomerIndex(List<ColumnSpec> specs, int expectedRows) {
        if (expectedRows < 0) {
            throw new IllegalArgumentException("expectedRows must be 0 or more, was " + expectedRows);
        }
        capacity = roundUp64(Math.max(MIN_CAPACITY, expectedRows));
        keys = new RowKeys(capacity);
        for (ColumnSpec spec : specs) {
            if (columns.containsKey(spec.name())) {
                throw new IllegalArgumentException("column '" + spec.name() + "' is declared twice");
            }
            columns.put(spec.name(), newColumn(spec));
        }
    }

    private IndexColumn newColumn(ColumnSpec spec) {
        return switch (spec.kind()) {
            case INTEGER -> new IntegerColumn(spec.name(), this, capacity);
            case DICTIONARY -> new DictionaryColumn(spec.name(), this, capacity);
            case TAGS -> new TagColumn(spec.name(), this, capacity);
            case DATED_TAGS -> new DatedTagColumn(spec.name(), this, capacity);
        };
    }

    /** Number of rows (customers). */
    public int size() {
        return keys.size();
    }

    /** The row of the customer with {@code key}, or -1 when absent. */
    public int rowOf(long key) {
        return keys.rowOf(key);
    }

    /** The customer key of {@code row}. */
    public long keyOf(int row) {
        Objects.checkIndex(row, size());
        return keys.keyOf(row);
    }

    /** The row of {@code key}, appending a new row (null in every column) when absent. */
    public int rowFor(long key) {
        int row = keys.rowOf(key);
        if (row >= 0) {
            return row;
        }
        if (keys.size() == capacity) {
            grow();
        }
        row = keys.append(key);
        for (IndexColumn column : columns.values()) {
            column.rowAppended();
        }
        return row;
    }

    private void grow() {
        int old = capacity;
        capacity = roundUp64(old + (old >> 1));
        for (IndexColumn column : columns.values()) {
            column.grow(capacity, old);
        }
    }

    private static int roundUp64(int n) {
        return (n + 63) & ~63;
    }

    public IntegerColumn integerColumn(String name) {
        return typed(name, IntegerColumn.class);
    }

    public DictionaryColumn dictionaryColumn(String name) {
        return typed(name, DictionaryColumn.class);
    }

    public TagColumn tagColumn(String name) {
        return typed(name, TagColumn.class);
    }

    public DatedTagColumn datedTagColumn(String name) {
        return typed(name, DatedTagColumn.class);
    }

    private <C extends IndexColumn> C typed(String name, Class<C> type) {
        IndexColumn column = columns.get(name);
        if (!type.isInstance(column)) {
            throw new IllegalArgumentException(
                    column == null
                            ? "unknown column '" + name + "'; this index has " + columnNames()
                            : "column '" + name + "' is a " + column.kind() + " column");
        }
        return type.cast(column);
    }

    IndexColumn column(String name) {
        return columns.get(name);
    }

    /** The number of distinct values rows have had, per dictionary and tag column, by name. */
    public Map<String, Integer> distinctValues() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (IndexColumn column : columns.values()) {
            if (column instanceof DictionaryColumn dictionary) {
                sizes.put(column.name(), dictionary.distinctValues());
            } else if (column instanceof TagColumn tags) {
                sizes.put(column.name(), tags.distinctTags());
            } else if (column instanceof DatedTagColumn tags) {
                sizes.put(column.name(), tags.distinctTags());
            }
        }
        return sizes;
    }

    public List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    /**
     * Resolves {@code predicate} against this index. A read: literals no row has had are not added to
     * the dictionaries (see {@link BoundPredicate}), so binding one-off predicates leaves nothing behind.
     *
     * @throws IllegalArgumentException naming the column when a column is unknown or of the wrong kind
     */
    public BoundPredicate bind(ColumnPredicate predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new BoundPredicate(this, predicate);
    }

    /** The rows for which {@code predicate} is TRUE, on the calling thread. */
    public RoaringBitmap evaluate(BoundPredicate predicate) {
        return ChunkedScan.run(predicate.rootFor(this), size());
    }

    /**
     * As {@link #evaluate(BoundPredicate)}, with the rows split into up to {@code parts} ranges
     * run on {@code executor}; the result is identical. Blocks until all parts are done.
     */
    public RoaringBitmap evaluate(BoundPredicate predicate, Executor executor, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be 1 or more, was " + parts);
        }
        return ChunkedScan.run(predicate.rootFor(this), size(), executor, parts);
    }

    /** True when {@code predicate} is TRUE for {@code row}. Allocation-free; for the event path. */
    public boolean matches(BoundPredicate predicate, int row) {
        Objects.checkIndex(row, size());
        return predicate.rootFor(this).test(row);
    }

    /**
     * Heap held by the index, computed from array lengths (plus small per-object overheads):
     * includes unused capacity. Divide by {@link #size()} for bytes per customer.
     */
    public long heapBytes() {
        long bytes = keys.heapBytes();
        for (IndexColumn column : columns.values()) {
            bytes += 64 + column.heapBytes();
        }
        return bytes;
    }
}
