package io.basira.index;

/**
 * A column of strings stored as dictionary codes (first-seen order, never reordered) in an
 * {@link IntegerStorage}, so a column with under 128 distinct values costs one byte per row.
 * Strings are matched exactly; lower-casing or trimming is the caller's job.
 */
public final class DictionaryColumn extends IndexColumn {

    final IntegerStorage codes;
    final Dictionary dictionary = new Dictionary();

    DictionaryColumn(String name, CustomerIndex owner, int capacity) {
        super(name, owner, capacity);
        this.codes = new IntegerStorage(capacity);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.DICTIONARY;
    }

    /** Stores {@code value}; a null value clears the row. */
    public void set(int row, String value) {
        checkRow(row);
        if (value == null) {
            clear(row);
            return;
        }
        codes.set(row, dictionary.intern(value));
        nulls.setPresent(row);
    }

    /** The row's value, or null when the row has none. */
    public String get(int row) {
        if (isNull(row)) {
            return null;
        }
        return dictionary.value((int) codes.get(row));
    }

    @Override
    public void clear(int row) {
        checkRow(row);
        codes.set(row, 0);
        nulls.setNull(row);
    }

    /** Distinct values rows have had so far (binding a predicate never adds one). */
    public int distinctValues() {
        return dictionary.size();
    }

    @Override
    void grow(int capacity, int oldCapacity) {
        codes.grow(capacity);
        nulls.grow(capacity, oldCapacity);
    }

    @Override
    long heapBytes() {
        return codes.heapBytes() + nulls.heapBytes() + dictionary.heapBytes();
    }
}
