package io.basira.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * String values of one column and their int codes, assigned 0, 1, 2 ... in first-seen order.
 * Codes are never reused or reordered, so a bound predicate's code set stays valid as the
 * dictionary grows. Strings are compared exactly (case and normalisation are the caller's).
 * Boxing here is per distinct value, not per customer.
 */
final class Dictionary {

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    /** The code of {@code value}, adding it when unseen. */
    int intern(String value) {
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        int next = values.size();
        codes.put(value, next);
        values.add(value);
        return next;
    }

    /** The code of {@code value}, or -1 when it was never seen. */
    int codeOf(String value) {
        Integer code = codes.get(value);
        return code == null ? -1 : code;
    }

    String value(int code) {
        return values.get(code);
    }

    int size() {
        return values.size();
    }

    long heapBytes() {
        long bytes = 64;
        for (String value : values) {
            bytes += 48 + 32 + 2L * value.length(); // map entry + Integer + String
        }
        return bytes;
    }
}
