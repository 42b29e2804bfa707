package io.basira.browsing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's browsing as of the last recomputation: the last event of any of their visitor ids
 * ({@code lastSeenAt}), the distinct sessions, page views and product views of the 30 days before the
 * recomputation, the distinct sessions over every kept event ({@code sessionsTotal}) and what they viewed
 * recently ({@link Viewed}). Counts are never negative; a customer never seen has no stats at all (null where
 * a {@code BrowsingStats} is expected).
 */
public record BrowsingStats(
        Instant lastSeenAt, int sessions30d, int pageViews30d, int productViews30d, int sessionsTotal, Viewed viewed) {

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
    public BrowsingStats(
            Instant lastSeenAt, int sessions30d, int pageViews30d, int productViews30d, int sessionsTotal) {
        this(lastSeenAt, sessions30d, pageViews30d, productViews30d, sessionsTotal, Viewed.NONE);
    }

    /** Whether the visitor came back: {@value #RETURNING_SESSIONS} or more sessions over the kept events. */
    public boolean returning() {
        return sessionsTotal >= RETURNING_SESSIONS;
    }

    /**
     * What the customer viewed, and when last: each product id and each category of her product views, with
     * the day of the store's calendar (an epoch day, in the store's time zone at the recomputation) of the last
     * view. "Viewed within N days" is then any N ({@link #products(LocalDate, int)}): the items whose day is
     * on or after the N-th day back, today included (within 7 days = since the store's midnight six days before
     * today), so a set holds all day and moves at the store's midnight without a recomputation. At most
     * {@value #MAX_ITEMS} of each, the most recently viewed, within the last {@value #MAX_DAYS} days.
     */
    public record Viewed(Map<String, Integer> productDays, Map<String, Integer> categoryDays) {

        public static final int MAX_ITEMS = 200;

        /** The longest window kept, in days (13 months of retention, with room). */
        public static final int MAX_DAYS = 400;

        public static final Viewed NONE = new Viewed(Map.of(), Map.of());

        public Viewed {
            productDays = Map.copyOf(productDays);
            categoryDays = Map.copyOf(categoryDays);
        }

        /** The products viewed within the last {@code days} days of the store's calendar, today included. */
        public Set<String> products(LocalDate today, int days) {
            return within(productDays, today, days);
        }

        /** The categories of the product views within the last {@code days} days, today included. */
        public Set<String> categories(LocalDate today, int days) {
            return within(categoryDays, today, days);
        }

        /** The first epoch day of the window of {@code days} days ending {@code today}. */
        public static int since(LocalDate today, int days) {
            return (int) (today.toEpochDay() - days + 1);
        }

        private static Set<String> within(Map<String, Integer> items, LocalDate today, int days) {
            int since = since(today, days);
            Set<String> within = new HashSet<>();
            items.forEach((item, day) -> {
                if (day >= since) {
                    within.add(item);
                }
            });
            return within;
        }

        /** The items of a stored column: one {@code item<TAB>epoch day} per line; empty for null or "". */
        public static Map<String, Integer> days(String lines) {
            if (lines == null || lines.isEmpty()) {
                return Map.of();
            }
            Map<String, Integer> days = new HashMap<>();
            for (String line : lines.split("\n")) {
                int tab = line.lastIndexOf('\t');
                days.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
            }
            return days;
        }

        /** The text of {@link #days(String)}: one {@code item<TAB>epoch day} per line, in the map's order. */
        public static String lines(Map<String, Integer> days) {
            StringBuilder lines = new StringBuilder();
            days.forEach((item, day) -> lines.append(lines.length() == 0 ? "" : "\n")
                    .append(item)
                    .append('\t')
                    .append(day));
            return lines.toString();
        }
    }
}
