package io.basira.segment;

import java.util.List;
import java.util.Objects;

/**
 * True when the customer's set of {@code field} (a {@link ValueType#TAG_SET} field: {@link SegmentField#TAGS},
 * or a feature's set such as {@code viewed_products_7d}) holds at least one of the values (exact,
 * case-sensitive match); never unknown, since a customer without values has the empty set. Written
 * {@code tags = 'vip'} for one value and {@code tags IN ('vip', 'wholesale')} for several.
 */
public record HasAnyTag(SegmentField field, List<String> tags) implements Condition {
    public HasAnyTag {
        Objects.requireNonNull(field, "field");
        if (field.type() != ValueType.TAG_SET) {
            throw new IllegalArgumentException(field.fieldName() + " is not a set of values");
        }
        if (tags == null || tags.isEmpty()) {
            throw new IllegalArgumentException("a tag condition needs at least one tag");
        }
        tags = List.copyOf(tags);
        for (String tag : tags) {
            if (tag.isBlank()) {
                throw new IllegalArgumentException("a tag cannot be empty");
            }
        }
    }

    /** A test of the customer's tags. */
    public HasAnyTag(List<String> tags) {
        this(SegmentField.TAGS, tags);
    }

    public static HasAnyTag of(String... tags) {
        return new HasAnyTag(List.of(tags));
    }
}
