package io.basira.segment;

/**
 * True when the customer is a member of the group with key {@code groupKey} (its slug); never unknown.
 * Written {@code group = 'vip'}. Who is a member is decided by the evaluator's group lookup, computed in
 * dependency order (see {@code io.basira.segment.group.GroupDependencies}).
 */
public record InGroup(String groupKey) implements Condition {
    public InGroup {
        Typing.requireGroupKey(groupKey);
    }

    @Override
    public SegmentField field() {
        return SegmentField.GROUP;
    }
}
