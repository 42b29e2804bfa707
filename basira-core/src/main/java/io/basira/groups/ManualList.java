package io.basira.groups;

/** A group's manual lists: customers added by hand (members whatever the rule says) and excluded by hand (never members). */
public enum ManualList {
    ADDITIONS,
    EXCLUSIONS;

    /** The other list: a customer is on at most one of the two lists of a group. */
    public ManualList other() {
        return this == ADDITIONS ? EXCLUSIONS : ADDITIONS;
    }
}
