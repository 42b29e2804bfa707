package io.basira.spark;

import io.basira.browsing.BrowsingStats;
import io.basira.browsing.BrowsingStats.Viewed;
import io.basira.browsing.EventKind;
import io.basira.shared.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The browsing fields of the rules (docs/browsing.md: {@code last_seen_at}, {@code sessions_30d},
 * {@code page_views_30d}, {@code product_views_30d}, {@code visitor_type}, {@code viewed_products_<n>d},
 * {@code viewed_categories_<n>d}) from the store export's {@value #FILE}: each event of a visitor linked to a customer
 * ({@code customer_id}, the link as the export found it), read into a {@link Fact#BROWSING} of that customer, so the
 * customer's fold sees her events and computes her {@link BrowsingStats} ({@link #stats}) as the engine's
 * recomputation does ({@code JdbcBrowsing.recompute}), at the end of the as-of day ({@link #now}).
 */
public final class BrowsingJob {

    /** The export's file of browsing events (docs/spark.md). */
    public static final String FILE = "browsing_events.csv";

    /** Its columns, in the export's order. */
    public static final List<String> COLUMNS =
            List.of("customer_id", "visitor_id", "session_id", "occurred_at", "kind", "product_id", "category");

    /** The window of the {@code _30d} counts, in days of 24 hours before the recomputation (the engine's). */
    static final int AGGREGATE_DAYS = 30;

    private BrowsingJob() {}

    /** Every store's events, one fact each. */
    public static Dataset<Fact> facts(SparkSession spark, List<StoreSource> stores) {
        Map<String, StoreSource> byStore = CardsJob.bySlug(stores);
        return StoreTables.read(spark, stores, FILE, COLUMNS).map(parser(byStore), Encoders.bean(Fact.class));
    }

    private static MapFunction<Row, Fact> parser(Map<String, StoreSource> stores) {
        return row -> event(row, stores);
    }

    /** One row of {@value #FILE}; a row the engine would not have stored (no customer, kind, instant) fails. */
    static Fact event(Row row, Map<String, StoreSource> stores) {
        StoreSource store = stores.get(row.<String>getAs("store"));
        try {
            Fact fact = new Fact();
            fact.setStore(store.slug());
            String customer = Facts.text(row, "customer_id");
            if (customer == null) {
                throw new IllegalArgumentException("customer_id is empty");
            }
            fact.setCustomerId(customer);
            fact.setKind(Fact.BROWSING);
            String kind = Facts.text(row, "kind");
            if (EventKind.ofCode(kind) == null) {
                throw new IllegalArgumentException("kind '" + kind + "' is not one of " + EventKind.codes());
            }
            fact.setCode(kind);
            fact.at(Dates.parseInstant(Facts.text(row, "occurred_at"), store.zone()));
            fact.setSessionId(Facts.text(row, "session_id"));
            fact.setProductId(Facts.text(row, "product_id"));
            fact.setCategory(Facts.text(row, "category"));
            return fact;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "store '" + row.getAs("store") + "', " + FILE + ": " + e.getMessage() + " (row " + row + ")", e);
        }
    }

    /**
     * When the job's aggregates are taken for the as-of day: at its end (the store's midnight that starts the next
     * day), as the engine's nightly recomputation at that midnight takes them; events from then on are left out.
     */
    public static Instant now(LocalDate asOf, ZoneId zone) {
        return asOf.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * One customer's aggregates from her visitors' events as of {@code now}, as {@code JdbcBrowsing.recompute}
     * computes them: the last event, the distinct sessions, page views and product views of the 30 days (of 24
     * hours) before {@code now}, the distinct sessions over every event, and what she viewed — each product and
     * category of her product views within the last {@link Viewed#MAX_DAYS} days of the store's calendar, with
     * the store-local day of its last view, the most recent first, at most {@link Viewed#MAX_ITEMS} of each (on
     * the same instant, by product id then category). Null without an event before {@code now}.
     */
    public static BrowsingStats stats(List<Fact> events, Instant now, ZoneId zone) {
        Instant since = now.minus(AGGREGATE_DAYS, ChronoUnit.DAYS);
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant sinceViewed =
                today.minusDays(Viewed.MAX_DAYS - 1).atStartOfDay(zone).toInstant();
        Instant lastSeen = null;
        Set<String> sessions = new HashSet<>();
        Set<String> sessions30d = new HashSet<>();
        int pages = 0;
        int products = 0;
        Map<List<String>, Instant> viewed = new HashMap<>();
        for (Fact event : events) {
            Instant at = event.instant();
            if (!at.isBefore(now)) {
                continue;
            }
            lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
            if (event.getSessionId() != null) {
                sessions.add(event.getSessionId());
            }
            boolean recent = !at.isBefore(since);
            if (recent && event.getSessionId() != null) {
                sessions30d.add(event.getSessionId());
            }
            boolean product = EventKind.PRODUCT.code().equals(event.getCode());
            if (recent && EventKind.PAGE.code().equals(event.getCode())) {
                pages++;
            }
            if (recent && product) {
                products++;
            }
            if (product && !at.isBefore(sinceViewed)) {
                viewed.merge(
                        java.util.Arrays.asList(event.getProductId(), event.getCategory()),
                        at,
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (lastSeen == null) {
            return null;
        }
        List<Map.Entry<List<String>, Instant>> latestFirst = new ArrayList<>(viewed.entrySet());
        latestFirst.sort(Map.Entry.<List<String>, Instant>comparingByValue(Comparator.reverseOrder())
                .thenComparing(e -> Objects.toString(e.getKey().get(0), ""))
                .thenComparing(e -> Objects.toString(e.getKey().get(1), "")));
        Map<String, Integer> productDays = new LinkedHashMap<>();
        Map<String, Integer> categoryDays = new LinkedHashMap<>();
        for (Map.Entry<List<String>, Instant> e : latestFirst) {
            int day = (int) e.getValue().atZone(zone).toLocalDate().toEpochDay();
            put(productDays, e.getKey().get(0), day);
            put(categoryDays, e.getKey().get(1), day);
        }
        return new BrowsingStats(
                lastSeen, sessions30d.size(), pages, products, sessions.size(), new Viewed(productDays, categoryDays));
    }

    private static void put(Map<String, Integer> items, String item, int day) {
        if (item != null && !item.isEmpty() && items.size() < Viewed.MAX_ITEMS) {
            items.putIfAbsent(item, day);
        }
    }
}
