package io.basira.browsing;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's browsing as of the last recomputation: the last event of any of their visitor ids
 * ({@code lastSeenAt}), the distinct sessions, page views and product views of the 30 days before the
 * recomputation, the distinct sessions over every kept event ({@code sessionsTotal}) and what they viewed
 * recently ({@link Viewed}). Counts are never negative; a customer never seen has no stats at all (null where
 * a {@code BrowsingStats} is expected).
 */
public record BrowsingStats(Instant lastSeenAt, int sessions30d, int pageViews30d, int productViews30d,
        int sessionsTotal, Viewed viewed) {

    /** The sessions from which a visitor counts as returning. */
    public static final int RETURNING_SESSIONS = 2;

    public BrowsingStats {
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(viewed, "viewed");
        if (sessions30d < 0 || pageViews30d < 0 || productViews30d < 0 || sessionsTotal < 0) {
            throw new IllegalArgumentException("browsing counts are never negative");
        }
    }

    /** Stats without recent product or category views. */
    public BrowsingStats(Instant lastSeenAt, int sessions30d, int pageViews30d, int productViews30d,
            int sessionsTotal) {
        this(lastSeenAt, sessions30d, pageViews30d, productViews30d, sessionsTotal, Viewed.NONE);
    }

    /** Whether the visitor came back: {@value #RETURNING_SESSIONS} or more sessions over the kept events. */
    public boolean returning() {
        return sessionsTotal >= RETURNING_SESSIONS;
    }

    /**
     * The product ids and categories of the customer's product views within the last 7 and 30 days: days of
     * the store's calendar, today included (within 7 days = since the store's midnight six days before today),
     * so they hold all day and move at the store's midnight. At most {@value #MAX_ITEMS} of each, the most
     * recently viewed; the 7-day sets are always within the 30-day ones.
     */
    public record Viewed(Set<String> products7d, Set<String> products30d, Set<String> categories7d,
            Set<String> categories30d) {

        public static final int MAX_ITEMS = 100;

        public static final Viewed NONE = new Viewed(Set.of(), Set.of(), Set.of(), Set.of());

        public Viewed {
            products7d = Set.copyOf(products7d);
            products30d = Set.copyOf(products30d);
            categories7d = Set.copyOf(categories7d);
            categories30d = Set.copyOf(categories30d);
        }

        /** The set of a stored column: one item per line, empty for null or "". */
        public static Set<String> items(String lines) {
            return lines == null || lines.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(lines.split("\n")));
        }
    }
}
