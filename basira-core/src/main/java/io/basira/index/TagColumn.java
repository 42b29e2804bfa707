package io.basira.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * A set of tags per row, stored as one RoaringBitmap of rows per distinct tag (tags are few and
 * each is usually carried by few customers, so this costs far less than a per-row set). A row
 * with no tag is null: it matches IS NULL, and {@code HasTag} on it is UNKNOWN.
 */
public final class TagColumn extends IndexColumn {

    final Dictionary dictionary = new Dictionary();
    final List<RoaringBitmap> rowsByTag = new ArrayList<>();

    TagColumn(String name, CustomerIndex owner, int capacity) {
        super(name, owner, capacity);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.TAGS;
    }

    /** Replaces the row's tags; an empty collection (or null) clears the row. */
    public void set(int row, Collection<String> tags) {
        checkRow(row);
        if (!nulls.isNull(row)) {
            for (RoaringBitmap rows : rowsByTag) {
                rows.remove(row);
            }
            nulls.setNull(row);
        }
        if (tags != null) {
            for (String tag : tags) {
                add(row, tag);
            }
        }
    }

    public void add(int row, String tag) {
        checkRow(row);
        Objects.requireNonNull(tag, "tag");
        bitmapOf(tag).add(row);
        nulls.setPresent(row);
    }

    public void remove(int row, String tag) {
        checkRow(row);
        int code = dictionary.codeOf(tag);
        if (code >= 0) {
            rowsByTag.get(code).remove(row);
        }
        for (RoaringBitmap rows : rowsByTag) {
            if (rows.contains(row)) {
                return;
            }
        }
        nulls.setNull(row);
    }

    /** The row's tags in natural order; empty when the row has none. */
    public Set<String> get(int row) {
        checkRow(row);
        Set<String> tags = new TreeSet<>();
        for (int code = 0; code < rowsByTag.size(); code++) {
            if (rowsByTag.get(code).contains(row)) {
                tags.add(dictionary.value(code));
            }
        }
        return tags;
    }

    @Override
    public void clear(int row) {
        set(row, null);
    }

    /** The bitmap of rows carrying {@code tag}, or null when no row ever carried it. */
    RoaringBitmap rowsWith(String tag) {
        int code = dictionary.codeOf(tag);
        return code < 0 ? null : rowsByTag.get(code);
    }

    /** Distinct tags any row has carried so far. */
    public int distinctTags() {
        return dictionary.size();
    }

    /** The bitmap of rows carrying {@code tag}, created empty when the tag is unseen (a write). */
    private RoaringBitmap bitmapOf(String tag) {
        int code = dictionary.intern(tag);
        if (code == rowsByTag.size()) {
            rowsByTag.add(new RoaringBitmap());
        }
        return rowsByTag.get(code);
    }

    @Override
    void grow(int capacity, int oldCapacity) {
        nulls.grow(capacity, oldCapacity);
    }

    @Override
    long heapBytes() {
        long bytes = nulls.heapBytes() + dictionary.heapBytes();
        for (RoaringBitmap rows : rowsByTag) {
            bytes += rows.getSizeInBytes() + 48;
        }
        return bytes;
    }
}
