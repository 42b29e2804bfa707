package io.basira.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * The state of one replacement of order lines that may arrive in several batches (an import read in
 * chunks): the first time an order's lines arrive, its stored lines are dropped; later lines of the
 * same order, in this or a later batch, are added after them. Line numbers run 1, 2, … per order.
 *
 * <p>One instance per import or API call. Not thread-safe.
 */
public final class LineReplacement {

    private final Map<String, Integer> linesSoFar = new HashMap<>();

    /** Whether the stored lines of {@code orderId} must still be dropped (first sight in this replacement). */
    public boolean firstSight(String orderId) {
        return !linesSoFar.containsKey(orderId);
    }

    /** The number of the next line of {@code orderId}, starting at 1. */
    public int nextLineNo(String orderId) {
        return linesSoFar.merge(orderId, 1, Integer::sum);
    }
}
