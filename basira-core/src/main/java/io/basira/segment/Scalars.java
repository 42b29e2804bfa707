package io.basira.segment;

/** The check that a leaf meant for one-valued fields is not used on {@code tags} or {@code group}. */
final class Scalars {

    private Scalars() {}

    static void requireScalar(SegmentField field) {
        if (field.type() == ValueType.TAG_SET) {
            throw new IllegalArgumentException("tags is a set of tags: test it with HasAnyTag (tags = 'vip')");
        }
        if (field.type() == ValueType.GROUP) {
            throw new IllegalArgumentException("group is a membership: test it with InGroup (group = 'vip')");
        }
    }
}
