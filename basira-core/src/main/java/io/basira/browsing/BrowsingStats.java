package io.basira.browsing;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's browsing as of the last recomputation: the last event of any of their visitor ids
 * ({@code lastSeenAt}), the distinct sessions, page views and product views of the 30 days before the
 * recomputation, and the distinct sessions over every kept event ({@code sessionsTotal}). Counts are never
 * negative; a customer never seen has no stats at all (null where a {@code BrowsingStats} is expected).
 */
public record BrowsingStats(Instant lastSeenAt, int sessions30d, int pageViews30d, int productViews30d,
        int sessionsTotal) {

    /** The sessions from which a visitor counts as returning. */
    public static final int RETURNING_SESSIONS = 2;

    public BrowsingStats {
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        if (sessions30d < 0 || pageViews30d < 0 || productViews30d < 0 || sessionsTotal < 0) {
            throw new IllegalArgumentException("browsing counts are never negative");
        }
    }

    /** Whether the visitor came back: {@value #RETURNING_SESSIONS} or more sessions over the kept events. */
    public boolean returning() {
        return sessionsTotal >= RETURNING_SESSIONS;
    }
}
