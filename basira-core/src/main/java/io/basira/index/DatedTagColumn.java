package io.basira.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * A set of tags per row, each with a day (an epoch day): what a customer viewed and the last day she viewed
 * it. Stored as one RoaringBitmap of rows per distinct tag, as a {@link TagColumn}, plus each row's
 * (tag code, day) pairs sorted by code, so "has tag t on day d or later" reads the carriers of t and looks
 * up their day ({@link ColumnPredicate.HasAnyTagSince}). A row with no tag is null; a test on it is FALSE,
 * never UNKNOWN (the set is empty, as for a customer without tags).
 */
public final class DatedTagColumn extends IndexColumn {

    private static final long[] NONE = new long[0];

    final Dictionary dictionary = new Dictionary();
    final List<RoaringBitmap> rowsByTag = new ArrayList<>();
    private long[][] entries;

    DatedTagColumn(String name, CustomerIndex owner, int capacity) {
        super(name, owner, capacity);
        entries = new long[capacity][];
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.DATED_TAGS;
    }

    /** Replaces the row's tags and their days; an empty map (or null) clears the row. */
    public void set(int row, Map<String, Integer> days) {
        checkRow(row);
        long[] old = entries[row];
        if (old != null) {
            for (long entry : old) {
                rowsByTag.get(code(entry)).remove(row);
            }
            entries[row] = null;
            nulls.setNull(row);
        }
        if (days == null || days.isEmpty()) {
            return;
        }
        long[] pairs = new long[days.size()];
        int i = 0;
        for (Map.Entry<String, Integer> day : days.entrySet()) {
            int code = dictionary.intern(Objects.requireNonNull(day.getKey(), "tag"));
            if (code == rowsByTag.size()) {
                rowsByTag.add(new RoaringBitmap());
            }
            rowsByTag.get(code).add(row);
            pairs[i++] = ((long) code << 32) | (day.getValue() & 0xffffffffL);
        }
        Arrays.sort(pairs);
        entries[row] = pairs;
        nulls.setPresent(row);
    }

    /** The row's tags with their days, in natural order of the tags; empty when the row has none. */
    public Map<String, Integer> get(int row) {
        checkRow(row);
        Map<String, Integer> days = new TreeMap<>();
        for (long entry : entries[row] == null ? NONE : entries[row]) {
            days.put(dictionary.value(code(entry)), day(entry));
        }
        return days;
    }

    /** The day of tag {@code code} on the row, or {@link Integer#MIN_VALUE} when the row lacks it. Allocation-free. */
    int day(int row, int code) {
        long[] pairs = entries[row];
        if (pairs == null) {
            return Integer.MIN_VALUE;
        }
        int low = 0;
        int high = pairs.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int found = code(pairs[middle]);
            if (found < code) {
                low = middle + 1;
            } else if (found > code) {
                high = middle - 1;
            } else {
                return day(pairs[middle]);
            }
        }
        return Integer.MIN_VALUE;
    }

    private static int code(long entry) {
        return (int) (entry >>> 32);
    }

    private static int day(long entry) {
        return (int) entry;
    }

    /** The code of {@code tag}, or -1 when no row ever carried it. */
    int codeOf(String tag) {
        return dictionary.codeOf(tag);
    }

    /** Distinct tags any row has carried so far. */
    public int distinctTags() {
        return dictionary.size();
    }

    @Override
    public void clear(int row) {
        set(row, null);
    }

    @Override
    void grow(int capacity, int oldCapacity) {
        nulls.grow(capacity, oldCapacity);
        entries = Arrays.copyOf(entries, capacity);
    }

    @Override
    long heapBytes() {
        long bytes = nulls.heapBytes() + dictionary.heapBytes() + 16L + 8L * entries.length;
        for (long[] pairs : entries) {
            bytes += pairs == null ? 0 : 16L + 8L * pairs.length;
        }
        for (RoaringBitmap rows : rowsByTag) {
            bytes += rows.getSizeInBytes() + 48;
        }
        return bytes;
    }
}
