package io.basira.index;

import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;

/**
 * A replaceable set of rows that a predicate can test ({@link ColumnPredicate.InRows}): the members of
 * another customer group, computed elsewhere. A bound predicate keeps the {@code RowSet}, not the
 * bitmap, so a predicate bound once follows the group as its members are replaced with {@link #set}.
 *
 * <p>Not thread-safe: setting it is a write in the sense of {@link CustomerIndex} (no scan may run
 * at the same time). The bitmap is read, never modified.
 */
public final class RowSet {

    private RoaringBitmap rows = new RoaringBitmap();

    /** Replaces the rows; the bitmap is used as is (not copied) until the next {@code set}. */
    public void set(RoaringBitmap rows) {
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    public RoaringBitmap rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "RowSet[" + rows.getLongCardinality() + " rows]";
    }
}
