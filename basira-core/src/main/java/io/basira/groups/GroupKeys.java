package io.basira.groups;

import io.basira.segment.InGroup;

/** The rule language's group keys: 1-63 characters of a-z, 0-9, '-' and '_', starting with a letter or digit. */
final class GroupKeys {

    private GroupKeys() {}

    /** @throws IllegalArgumentException saying what a key may be */
    static String requireValid(String key) {
        new InGroup(key); // the rule language owns the key syntax
        return key;
    }
}
