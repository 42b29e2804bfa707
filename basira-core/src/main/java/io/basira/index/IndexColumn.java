package io.basira.index;

import java.util.Objects;

/**
 * One column of a {@link CustomerIndex}: its values plus a null mask. A new row is null in every
 * column until a value is written. Not thread-safe: see {@link CustomerIndex} for the contract.
 */
public abstract sealed class IndexColumn permits IntegerColumn, DictionaryColumn, TagColumn, DatedTagColumn {

    private final String name;
    private final CustomerIndex owner;
    final NullMask nulls;

    IndexColumn(String name, CustomerIndex owner, int capacity) {
        this.name = name;
        this.owner = owner;
        this.nulls = new NullMask(capacity);
    }

    public String name() {
        return name;
    }

    public abstract ColumnKind kind();

    /** True when the row has no value in this column. */
    public boolean isNull(int row) {
        checkRow(row);
        return nulls.isNull(row);
    }

    /** Removes the row's value: afterwards the row matches only IS NULL on this column. */
    public abstract void clear(int row);

    final void checkRow(int row) {
        Objects.checkIndex(row, owner.size());
    }

    final CustomerIndex owner() {
        return owner;
    }

    void rowAppended() {
        nulls.appended();
    }

    abstract void grow(int capacity, int oldCapacity);

    abstract long heapBytes();

    @Override
    public String toString() {
        return kind() + " column " + name;
    }
}
