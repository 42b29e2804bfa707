package io.basira.server.csvimport;

import java.util.ArrayList;
import java.util.List;

/** The errors of one read, keeping the first {@code limit} and counting all of them. Not thread-safe. */
final class ErrorLog {

    private final int limit;
    private final List<RowError> kept = new ArrayList<>();
    private long count;

    ErrorLog(int limit) {
        this.limit = limit;
    }

    void add(RowError error) {
        count++;
        if (kept.size() < limit) {
            kept.add(error);
        }
    }

    List<RowError> kept() {
        return kept;
    }

    long count() {
        return count;
    }
}
