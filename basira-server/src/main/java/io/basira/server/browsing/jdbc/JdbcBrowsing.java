package io.basira.server.browsing.jdbc;

import io.basira.browsing.BrowsingEvent;
import io.basira.browsing.BrowsingStats.Viewed;
import io.basira.browsing.VisitorHash;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.jdbc.StagedRows;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The browsing tables (migrations V60, V220, V280): events appended in bulk ({@code COPY} on PostgreSQL, batches on H2),
 * never updated; the link of each visitor id to the store's customer; the per-customer aggregates the card
 * fields read, recomputed from the events of the customer's visitors. Every statement is scoped to one store.
 * Also the two privacy operations: {@link #export} and {@link #erase} of one customer's browsing.
 */
public final class JdbcBrowsing {

    static final int AGGREGATE_DAYS = 30;
    private static final int CHUNK = 500;
    private static final List<String> EVENT_COLUMNS = List.of(
            "store_id",
            "visitor_id",
            "visitor_hash",
            "session_id",
            "occurred_at",
            "received_at",
            "kind",
            "path",
            "product_id",
            "category",
            "search_query",
            "customer_external_id");

    private static final List<String> AGGREGATE_COLUMNS = List.of(
            "store_id",
            "customer_external_id",
            "last_seen_at",
            "sessions_30d",
            "page_views_30d",
            "product_views_30d",
            "sessions_total",
            "computed_at",
            "viewed_product_days",
            "viewed_category_days");

    /** An event with its visitor's hash, in the order of the index {@code browsing_events_visitor_hash}. */
    private record Hashed(long visitorHash, BrowsingEvent event) implements Comparable<Hashed> {

        @Override
        public int compareTo(Hashed other) {
            int byHash = Long.compare(visitorHash, other.visitorHash);
            return byHash != 0 ? byHash : event.occurredAt().compareTo(other.event.occurredAt());
        }
    }

    /**
     * The join of an event {@code e} to the link {@code v} of its visitor: by the store and the visitor's hash
     * (the index {@code browsing_events_visitor_hash}), then the visitor id itself (two ids may share a hash).
     */
    public static final String SAME_VISITOR =
            "e.store_id = v.store_id AND e.visitor_hash = v.visitor_hash AND e.visitor_id = v.visitor_id";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final SqlDialect dialect;

    public JdbcBrowsing(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.dialect = dialect;
    }

    /**
     * Appends the events (in the caller's transaction) with their visitor's hash ({@link VisitorHash}), in the
     * order of the index on store and visitor hash: the events of a batch arrive from visitors spread over the
     * whole index, and inserting them in its order makes each insert land next to the one before (on H2, whose
     * index pages are copied on every change and written out whole, a batch in arrival order rewrote about one
     * index page per event). The table has no order of its own; the caller's list is left as it is.
     */
    public void append(StoreId store, List<BrowsingEvent> events, Instant receivedAt) {
        List<Hashed> inIndexOrder = new ArrayList<>(events.size());
        for (BrowsingEvent event : events) {
            inIndexOrder.add(new Hashed(VisitorHash.of(event.visitorId()), event));
        }
        Collections.sort(inIndexOrder);
        try (StagedRows rows = StagedRows.appending(dataSource, dialect, "browsing_events", EVENT_COLUMNS)) {
            for (Hashed hashed : inIndexOrder) {
                BrowsingEvent e = hashed.event();
                rows.append(
                        store.value(),
                        e.visitorId(),
                        hashed.visitorHash(),
                        e.sessionId(),
                        e.occurredAt(),
                        receivedAt,
                        e.kind().code(),
                        e.path(),
                        e.productId(),
                        e.category(),
                        e.query(),
                        e.customerId());
            }
        }
    }

    /**
     * Links each visitor to its customer (a visitor already linked to another customer moves to this one).
     *
     * @return the customers visitors were taken from (their aggregates change too)
     */
    public Set<String> link(StoreId store, Map<String, String> customerByVisitor, Instant at) {
        return link(store, customerByVisitor, linkedCustomers(store, customerByVisitor.keySet()), at);
    }

    /**
     * As {@link #link(StoreId, Map, Instant)}, with the links as they were read before by the caller
     * ({@code before} holds at least the visitors of {@code customerByVisitor} that were linked).
     */
    public Set<String> link(
            StoreId store, Map<String, String> customerByVisitor, Map<String, String> before, Instant at) {
        Set<String> left = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        customerByVisitor.forEach((visitor, customer) -> {
            String previous = before.get(visitor);
            if (!customer.equals(previous)) {
                rows.add(new Object[] {store.value(), visitor, VisitorHash.of(visitor), customer, utc(at)});
                if (previous != null) {
                    left.add(previous);
                }
            }
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    dialect.upsert(
                            "browsing_visitors",
                            List.of("store_id", "visitor_id"),
                            List.of("store_id", "visitor_id", "visitor_hash", "customer_external_id", "linked_at")),
                    rows);
        }
        return left;
    }

    /** The customer each of these visitors is linked to (visitors not linked are left out). */
    public Map<String, String> linkedCustomers(StoreId store, Collection<String> visitors) {
        Map<String, String> linked = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(visitors);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(store.value());
            args.addAll(chunk);
            jdbc.query(
                    "SELECT visitor_id, customer_external_id FROM browsing_visitors WHERE store_id = ? AND visitor_id IN ("
                            + marks(chunk.size()) + ")",
                    rs -> {
                        linked.put(rs.getString(1), rs.getString(2));
                    },
                    args.toArray());
        }
        return linked;
    }

    /**
     * Recomputes the aggregates of these customers as of {@code now} from the events of their visitors: a
     * customer with no event left loses the row. What they viewed ({@link Viewed}) is kept with the day of the
     * store's calendar of the last view: one grouped query over the product views of these customers' visitors
     * within the last {@link Viewed#MAX_DAYS} days (the index on store and visitor), per chunk of 500 customers.
     */
    public void recompute(StoreId store, Collection<String> customers, Instant now) {
        if (customers.isEmpty()) {
            return;
        }
        OffsetDateTime since = utc(now.minus(AGGREGATE_DAYS, ChronoUnit.DAYS));
        ZoneId zone = ZoneId.of(
                jdbc.queryForObject("SELECT time_zone FROM stores WHERE id = ?", String.class, store.value()));
        LocalDate today = LocalDate.ofInstant(now, zone);
        OffsetDateTime sinceViewed =
                utc(today.minusDays(Viewed.MAX_DAYS - 1).atStartOfDay(zone).toInstant());
        List<String> all = new ArrayList<>(customers);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(List.of(since, since, since, store.value()));
            args.addAll(chunk);
            Map<String, ViewedItems> viewed = viewed(store, chunk, sinceViewed, zone);
            List<Object[]> rows = new ArrayList<>();
            jdbc.query(
                    "SELECT v.customer_external_id, MAX(e.occurred_at) AS last_seen, "
                            + "COUNT(DISTINCT CASE WHEN e.occurred_at >= ? THEN e.session_id END) AS sessions_30d, "
                            + "SUM(CASE WHEN e.occurred_at >= ? AND e.kind = 'page' THEN 1 ELSE 0 END) AS pages, "
                            + "SUM(CASE WHEN e.occurred_at >= ? AND e.kind = 'product' THEN 1 ELSE 0 END) AS products, "
                            + "COUNT(DISTINCT e.session_id) AS sessions_total FROM browsing_visitors v JOIN browsing_events e "
                            + "ON " + SAME_VISITOR + " WHERE v.store_id = ? "
                            + "AND v.customer_external_id IN (" + marks(chunk.size())
                            + ") GROUP BY v.customer_external_id",
                    rs -> {
                        ViewedItems items = viewed.getOrDefault(rs.getString(1), ViewedItems.NONE);
                        rows.add(new Object[] {
                            store.value(),
                            rs.getString(1),
                            rs.getObject(2, OffsetDateTime.class),
                            rs.getInt(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getInt(6),
                            utc(now),
                            Viewed.lines(items.products),
                            Viewed.lines(items.categories)
                        });
                    },
                    args.toArray());
            // customers left without an event lose their row; the others' rows are written in place
            Set<String> gone = new LinkedHashSet<>(chunk);
            rows.forEach(row -> gone.remove((String) row[1]));
            if (!gone.isEmpty()) {
                List<Object> deleteArgs = new ArrayList<>(List.of(store.value()));
                deleteArgs.addAll(gone);
                jdbc.update(
                        "DELETE FROM browsing_customers WHERE store_id = ? AND customer_external_id IN ("
                                + marks(gone.size()) + ")",
                        deleteArgs.toArray());
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(
                        dialect.upsert(
                                "browsing_customers", List.of("store_id", "customer_external_id"), AGGREGATE_COLUMNS),
                        rows);
            }
        }
    }

    /**
     * The products and categories these customers viewed since {@code since}, with the day (in {@code zone}) of
     * the last view of each, most recent first.
     */
    private Map<String, ViewedItems> viewed(StoreId store, List<String> chunk, OffsetDateTime since, ZoneId zone) {
        List<Object> args = new ArrayList<>(List.of(store.value(), since));
        args.addAll(chunk);
        Map<String, ViewedItems> viewed = new HashMap<>();
        jdbc.query(
                "SELECT v.customer_external_id, e.product_id, e.category, MAX(e.occurred_at) AS last_viewed "
                        + "FROM browsing_visitors v JOIN browsing_events e ON " + SAME_VISITOR
                        + " WHERE v.store_id = ? AND e.kind = 'product' AND e.occurred_at >= ? "
                        + "AND v.customer_external_id IN (" + marks(chunk.size()) + ") "
                        + "GROUP BY v.customer_external_id, e.product_id, e.category ORDER BY last_viewed DESC",
                rs -> {
                    ViewedItems items = viewed.computeIfAbsent(rs.getString(1), c -> new ViewedItems());
                    int day = (int) rs.getObject(4, OffsetDateTime.class)
                            .toInstant()
                            .atZone(zone)
                            .toLocalDate()
                            .toEpochDay();
                    items.add(rs.getString(2), rs.getString(3), day);
                },
                args.toArray());
        return viewed;
    }

    /**
     * One customer's viewed items while they are read (most recent first), with the day of the last view; at
     * most {@link Viewed#MAX_ITEMS} of each.
     */
    private static final class ViewedItems {

        static final ViewedItems NONE = new ViewedItems();

        final Map<String, Integer> products = new LinkedHashMap<>();
        final Map<String, Integer> categories = new LinkedHashMap<>();

        void add(String product, String category, int day) {
            put(products, product, day);
            put(categories, category, day);
        }

        private static void put(Map<String, Integer> items, String item, int day) {
            if (item != null && !item.isEmpty() && items.size() < Viewed.MAX_ITEMS) {
                items.putIfAbsent(item, day);
            }
        }
    }

    /** Every customer with browsing: linked visitors or an aggregate row. */
    public List<String> customers(StoreId store) {
        return jdbc.queryForList(
                "SELECT customer_external_id FROM browsing_visitors WHERE store_id = ? UNION "
                        + "SELECT customer_external_id FROM browsing_customers WHERE store_id = ?",
                String.class,
                store.value(),
                store.value());
    }

    /**
     * Deletes the store's events that occurred before {@code before}, and the links of visitors left without
     * an event. @return the events deleted
     */
    public int prune(StoreId store, Instant before) {
        int events = jdbc.update(
                "DELETE FROM browsing_events WHERE store_id = ? AND occurred_at < ?", store.value(), utc(before));
        jdbc.update(
                "DELETE FROM browsing_visitors v WHERE v.store_id = ? AND NOT EXISTS (SELECT 1 FROM browsing_events e "
                        + "WHERE " + SAME_VISITOR + ")",
                store.value());
        return events;
    }

    /**
     * Privacy export of one customer's browsing: {@code aggregates} (the card fields' row, or null),
     * {@code visitors} (the linked visitor ids) and {@code events} (every kept event of those visitors, oldest
     * first, as stored).
     */
    public Map<String, Object> export(StoreId store, String customerId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put(
                "aggregates",
                jdbc
                        .queryForList(
                                "SELECT last_seen_at, sessions_30d, page_views_30d, "
                                        + "product_views_30d, sessions_total, computed_at, viewed_product_days, viewed_category_days "
                                        + "FROM browsing_customers WHERE store_id = ? "
                                        + "AND customer_external_id = ?",
                                store.value(),
                                customerId)
                        .stream()
                        .findFirst()
                        .orElse(null));
        export.put(
                "visitors",
                jdbc.queryForList(
                        "SELECT visitor_id FROM browsing_visitors WHERE store_id = ? AND "
                                + "customer_external_id = ? ORDER BY visitor_id",
                        String.class,
                        store.value(),
                        customerId));
        export.put(
                "events",
                jdbc.queryForList(
                        "SELECT e.visitor_id, e.session_id, e.occurred_at, e.kind, e.path, "
                                + "e.product_id, e.category, e.search_query FROM browsing_events e JOIN browsing_visitors v ON "
                                + SAME_VISITOR + " WHERE v.store_id = ? AND "
                                + "v.customer_external_id = ? ORDER BY e.occurred_at, e.visitor_id",
                        store.value(),
                        customerId));
        return export;
    }

    /**
     * Privacy erase of one customer's browsing: the events of their visitors (and identify events naming
     * them), the links and the aggregates. @return the events deleted
     */
    public int erase(StoreId store, String customerId) {
        int events = jdbc.update(
                "DELETE FROM browsing_events e WHERE e.store_id = ? AND (e.customer_external_id = ? OR "
                        + "EXISTS (SELECT 1 FROM browsing_visitors v WHERE " + SAME_VISITOR
                        + " AND v.customer_external_id = ?))",
                store.value(),
                customerId,
                customerId);
        jdbc.update(
                "DELETE FROM browsing_visitors WHERE store_id = ? AND customer_external_id = ?",
                store.value(),
                customerId);
        jdbc.update(
                "DELETE FROM browsing_customers WHERE store_id = ? AND customer_external_id = ?",
                store.value(),
                customerId);
        return events;
    }

    public static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
