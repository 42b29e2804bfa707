package io.basira.segment;

import java.util.List;

/**
 * True when the customer has at least one of the tags (exact, case-sensitive match); never unknown,
 * since a customer without tags has the empty set. Written {@code tags = 'vip'} for one tag and
 * {@code tags IN ('vip', 'wholesale')} for several.
 */
public record HasAnyTag(List<String> tags) implements Condition {
    public HasAnyTag {
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

    public static HasAnyTag of(String... tags) {
        return new HasAnyTag(List.of(tags));
    }

    @Override
    public SegmentField field() {
        return SegmentField.TAGS;
    }
}
