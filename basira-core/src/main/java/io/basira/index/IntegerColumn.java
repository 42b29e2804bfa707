package io.basira.index;

import java.time.LocalDate;

/**
 * A column of whole numbers, stored in the narrowest width that fits (see {@link IntegerStorage}).
 * The unit is the caller's and is documented per field in docs/index.md: money in minor units,
 * dates as epoch days in the store's time zone ({@link #setDate}), counts and ratings as is.
 */
public final class IntegerColumn extends IndexColumn {

    final IntegerStorage values;

    IntegerColumn(String name, CustomerIndex owner, int capacity) {
        super(name, owner, capacity);
        this.values = new IntegerStorage(capacity);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.INTEGER;
    }

    public void set(int row, long value) {
        checkRow(row);
        values.set(row, value);
        nulls.setPresent(row);
    }

    /** Stores {@code date} as its epoch day; a null date clears the row. */
    public void setDate(int row, LocalDate date) {
        if (date == null) {
            clear(row);
        } else {
            set(row, date.toEpochDay());
        }
    }

    /**
     * The row's value.
     *
     * @throws IllegalStateException when the row is null (check {@link #isNull} first)
     */
    public long get(int row) {
        if (isNull(row)) {
            throw new IllegalStateException("row " + row + " has no value in column " + name());
        }
        return values.get(row);
    }

    @Override
    public void clear(int row) {
        checkRow(row);
        values.set(row, 0);
        nulls.setNull(row);
    }

    /** Bytes per stored value now: 1, 2, 4 or 8. */
    public int width() {
        return values.width();
    }

    @Override
    void grow(int capacity, int oldCapacity) {
        values.grow(capacity);
        nulls.grow(capacity, oldCapacity);
    }

    @Override
    long heapBytes() {
        return values.heapBytes() + nulls.heapBytes();
    }
}
