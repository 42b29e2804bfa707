package io.basira.index;

import java.util.ArrayList;
import java.util.List;

/** Per-thread temporary windows, one per depth of the scan tree, reused across chunks. */
final class Scratch {

    private final int words;
    private final List<long[]> buffers = new ArrayList<>();

    Scratch(int words) {
        this.words = words;
    }

    long[] buffer(int depth) {
        while (buffers.size() <= depth) {
            buffers.add(new long[words]);
        }
        return buffers.get(depth);
    }
}
