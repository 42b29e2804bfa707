package io.basira.segment.group;

import java.util.List;

/**
 * Groups whose rules reference each other in a circle, so no order of evaluation exists:
 * {@code groups reference each other in a cycle: a → b → a}.
 */
public final class GroupCycleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> path;

    public GroupCycleException(List<String> path) {
        super("groups reference each other in a cycle: " + String.join(" → ", path));
        this.path = List.copyOf(path);
    }

    /** The cycle, first key repeated at the end: {@code [a, b, a]}. */
    public List<String> path() {
        return path;
    }
}
