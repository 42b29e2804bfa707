package io.basira.segment;

/** The check that a leaf meant for one-valued fields is not used on {@code tags} or {@code group}. */
final class Scalars {

    private Scalars() {}

    static void requireScalar(SegmentField field) {
        if (field.type() == ValueType.TAG_SET) {
            throw new IllegalArgumentException(
                    field.fieldName() + " is a set: test it with HasAnyTag (" + field.fieldName() + " = 'x')");
        }
        if (field.type() == ValueType.GROUP) {
            throw new IllegalArgumentException("group is a membership: test it with InGroup (group = 'vip')");
        }
    }
}
