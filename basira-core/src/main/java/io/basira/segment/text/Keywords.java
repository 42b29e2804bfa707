package io.basira.segment.text;

import java.util.Locale;
import java.util.Set;

/** The reserved words of the text form; case-insensitive. {@code today} is a value, not reserved. */
final class Keywords {

    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "BETWEEN", "IN", "IS", "NULL");

    private Keywords() {}

    static boolean isReserved(String word) {
        return RESERVED.contains(word.toUpperCase(Locale.ROOT));
    }
}
