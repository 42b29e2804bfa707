package io.basira.index;

import java.util.Objects;

/**
 * A column declared when a {@link CustomerIndex} is created.
 *
 * @param name the field name rules refer to ({@code total_spent}); non-blank
 * @param kind how values are stored
 */
public record ColumnSpec(String name, ColumnKind kind) {

    public ColumnSpec {
        Objects.requireNonNull(name, "column name");
        Objects.requireNonNull(kind, "column kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column name must not be blank");
        }
    }

    public static ColumnSpec integer(String name) {
        return new ColumnSpec(name, ColumnKind.INTEGER);
    }

    public static ColumnSpec dictionary(String name) {
        return new ColumnSpec(name, ColumnKind.DICTIONARY);
    }

    public static ColumnSpec tags(String name) {
        return new ColumnSpec(name, ColumnKind.TAGS);
    }
}
