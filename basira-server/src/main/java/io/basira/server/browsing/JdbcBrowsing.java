package io.basira.server.browsing;

import io.basira.browsing.BrowsingEvent;
import io.basira.browsing.BrowsingStats.Viewed;
import io.basira.server.jdbc.SqlDialect;
import io.basira.server.jdbc.StagedRows;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The browsing tables (migration V60): events appended in bulk ({@code COPY} on PostgreSQL, batches on H2),
 * never updated; the link of each visitor id to the store's customer; the per-customer aggregates the card
 * fields read, recomputed from the events of the customer's visitors. Every statement is scoped to one store.
 * Also the two privacy operations: {@link #export} and {@link #erase} of one customer's browsing.
 */
public final class JdbcBrowsing {

    static final int AGGREGATE_DAYS = 30;
    static final int VIEWED_SHORT_DAYS = 7;
    private static final int CHUNK = 500;
    private static final List<String> EVENT_COLUMNS = List.of("store_id", "visitor_id", "session_id", "occurred_at",
            "received_at", "kind", "path", "product_id", "category", "search_query", "customer_external_id");

    private static final List<String> AGGREGATE_COLUMNS = List.of("store_id", "customer_external_id", "last_seen_at",
            "sessions_30d", "page_views_30d", "product_views_30d", "sessions_total", "computed_at", "viewed_products_7d",
            "viewed_products_30d", "viewed_categories_7d", "viewed_categories_30d");

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final SqlDialect dialect;

    public JdbcBrowsing(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.dialect = dialect;
    }

    /** Appends the events (in the caller's transaction). */
    public void append(StoreId store, List<BrowsingEvent> events, Instant receivedAt) {
        try (StagedRows rows = StagedRows.appending(dataSource, dialect, "browsing_events", EVENT_COLUMNS)) {
            for (BrowsingEvent e : events) {
                rows.append(store.value(), e.visitorId(), e.sessionId(), e.occurredAt(), receivedAt, e.kind().code(),
                        e.path(), e.productId(), e.category(), e.query(), e.customerId());
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
    public Set<String> link(StoreId store, Map<String, String> customerByVisitor, Map<String, String> before,
            Instant at) {
        Set<String> left = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        customerByVisitor.forEach((visitor, customer) -> {
            String previous = before.get(visitor);
            if (!customer.equals(previous)) {
                rows.add(new Object[] {store.value(), visitor, customer, utc(at)});
                if (previous != null) {
                    left.add(previous);
                }
            }
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(dialect.upsert("browsing_visitors", List.of("store_id", "visitor_id"),
                    List.of("store_id", "visitor_id", "customer_external_id", "linked_at")), rows);
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
            jdbc.query("SELECT visitor_id, customer_external_id FROM browsing_visitors WHERE store_id = ? AND visitor_id IN ("
                    + marks(chunk.size()) + ")", rs -> {
                        linked.put(rs.getString(1), rs.getString(2));
                    }, args.toArray());
        }
        return linked;
    }

    /**
     * Recomputes the aggregates of these customers as of {@code now} from the events of their visitors: a
     * customer with no event left loses the row. The viewed sets ({@link Viewed}) count days of the store's
     * calendar: within 7 days is since the store's midnight six days before today.
     */
    public void recompute(StoreId store, Collection<String> customers, Instant now) {
        if (customers.isEmpty()) {
            return;
        }
        OffsetDateTime since = utc(now.minus(AGGREGATE_DAYS, ChronoUnit.DAYS));
        ZoneId zone = ZoneId.of(jdbc.queryForObject("SELECT time_zone FROM stores WHERE id = ?", String.class,
                store.value()));
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant since7 = today.minusDays(VIEWED_SHORT_DAYS - 1).atStartOfDay(zone).toInstant();
        OffsetDateTime since30 = utc(today.minusDays(AGGREGATE_DAYS - 1).atStartOfDay(zone).toInstant());
        List<String> all = new ArrayList<>(customers);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(List.of(since, since, since, store.value()));
            args.addAll(chunk);
            Map<String, ViewedItems> viewed = viewed(store, chunk, since30, since7);
            List<Object[]> rows = new ArrayList<>();
            jdbc.query("SELECT v.customer_external_id, MAX(e.occurred_at) AS last_seen, "
                    + "COUNT(DISTINCT CASE WHEN e.occurred_at >= ? THEN e.session_id END) AS sessions_30d, "
                    + "SUM(CASE WHEN e.occurred_at >= ? AND e.kind = 'page' THEN 1 ELSE 0 END) AS pages, "
                    + "SUM(CASE WHEN e.occurred_at >= ? AND e.kind = 'product' THEN 1 ELSE 0 END) AS products, "
                    + "COUNT(DISTINCT e.session_id) AS sessions_total FROM browsing_visitors v JOIN browsing_events e "
                    + "ON e.store_id = v.store_id AND e.visitor_id = v.visitor_id WHERE v.store_id = ? "
                    + "AND v.customer_external_id IN (" + marks(chunk.size()) + ") GROUP BY v.customer_external_id",
                    rs -> {
                        ViewedItems items = viewed.getOrDefault(rs.getString(1), ViewedItems.NONE);
                        rows.add(new Object[] {store.value(), rs.getString(1), rs.getObject(2, OffsetDateTime.class),
                                rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), utc(now),
                                lines(items.products7d), lines(items.products30d), lines(items.categories7d),
                                lines(items.categories30d)});
                    }, args.toArray());
            // customers left without an event lose their row; the others' rows are written in place
            Set<String> gone = new LinkedHashSet<>(chunk);
            rows.forEach(row -> gone.remove((String) row[1]));
            if (!gone.isEmpty()) {
                List<Object> deleteArgs = new ArrayList<>(List.of(store.value()));
                deleteArgs.addAll(gone);
                jdbc.update("DELETE FROM browsing_customers WHERE store_id = ? AND customer_external_id IN ("
                        + marks(gone.size()) + ")", deleteArgs.toArray());
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(dialect.upsert("browsing_customers", List.of("store_id", "customer_external_id"),
                        AGGREGATE_COLUMNS), rows);
            }
        }
    }

    /** The products and categories these customers viewed since {@code since30}, most recent first. */
    private Map<String, ViewedItems> viewed(StoreId store, List<String> chunk, OffsetDateTime since30,
            Instant since7) {
        List<Object> args = new ArrayList<>(List.of(store.value(), since30));
        args.addAll(chunk);
        Map<String, ViewedItems> viewed = new HashMap<>();
        jdbc.query("SELECT v.customer_external_id, e.product_id, e.category, MAX(e.occurred_at) AS last_viewed "
                + "FROM browsing_visitors v JOIN browsing_events e ON e.store_id = v.store_id "
                + "AND e.visitor_id = v.visitor_id WHERE v.store_id = ? AND e.kind = 'product' AND e.occurred_at >= ? "
                + "AND v.customer_external_id IN (" + marks(chunk.size()) + ") "
                + "GROUP BY v.customer_external_id, e.product_id, e.category ORDER BY last_viewed DESC", rs -> {
                    ViewedItems items = viewed.computeIfAbsent(rs.getString(1), c -> new ViewedItems());
                    boolean recent = !rs.getObject(4, OffsetDateTime.class).toInstant().isBefore(since7);
                    items.add(rs.getString(2), rs.getString(3), recent);
                }, args.toArray());
        return viewed;
    }

    /** One customer's viewed items while they are read, at most {@link Viewed#MAX_ITEMS} of each set. */
    private static final class ViewedItems {

        static final ViewedItems NONE = new ViewedItems();

        final Set<String> products7d = new LinkedHashSet<>();
        final Set<String> products30d = new LinkedHashSet<>();
        final Set<String> categories7d = new LinkedHashSet<>();
        final Set<String> categories30d = new LinkedHashSet<>();

        void add(String product, String category, boolean recent) {
            put(products30d, product);
            put(categories30d, category);
            if (recent) {
                put(products7d, product);
                put(categories7d, category);
            }
        }

        private static void put(Set<String> items, String item) {
            if (item != null && !item.isEmpty() && items.size() < Viewed.MAX_ITEMS) {
                items.add(item);
            }
        }
    }

    /** A set as stored: one item per line. */
    static String lines(Set<String> items) {
        return String.join("\n", items);
    }

    /** Every customer with browsing: linked visitors or an aggregate row. */
    public List<String> customers(StoreId store) {
        return jdbc.queryForList("SELECT customer_external_id FROM browsing_visitors WHERE store_id = ? UNION "
                + "SELECT customer_external_id FROM browsing_customers WHERE store_id = ?", String.class,
                store.value(), store.value());
    }

    /**
     * Deletes the store's events that occurred before {@code before}, and the links of visitors left without
     * an event. @return the events deleted
     */
    public int prune(StoreId store, Instant before) {
        int events = jdbc.update("DELETE FROM browsing_events WHERE store_id = ? AND occurred_at < ?", store.value(),
                utc(before));
        jdbc.update("DELETE FROM browsing_visitors WHERE store_id = ? AND NOT EXISTS (SELECT 1 FROM browsing_events e "
                + "WHERE e.store_id = browsing_visitors.store_id AND e.visitor_id = browsing_visitors.visitor_id)",
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
        export.put("aggregates", jdbc.queryForList("SELECT last_seen_at, sessions_30d, page_views_30d, "
                + "product_views_30d, sessions_total, computed_at, viewed_products_7d, viewed_products_30d, "
                + "viewed_categories_7d, viewed_categories_30d FROM browsing_customers WHERE store_id = ? "
                + "AND customer_external_id = ?", store.value(), customerId).stream().findFirst().orElse(null));
        export.put("visitors", jdbc.queryForList("SELECT visitor_id FROM browsing_visitors WHERE store_id = ? AND "
                + "customer_external_id = ? ORDER BY visitor_id", String.class, store.value(), customerId));
        export.put("events", jdbc.queryForList("SELECT e.visitor_id, e.session_id, e.occurred_at, e.kind, e.path, "
                + "e.product_id, e.category, e.search_query FROM browsing_events e JOIN browsing_visitors v ON "
                + "v.store_id = e.store_id AND v.visitor_id = e.visitor_id WHERE v.store_id = ? AND "
                + "v.customer_external_id = ? ORDER BY e.occurred_at, e.visitor_id", store.value(), customerId));
        return export;
    }

    /**
     * Privacy erase of one customer's browsing: the events of their visitors (and identify events naming
     * them), the links and the aggregates. @return the events deleted
     */
    public int erase(StoreId store, String customerId) {
        int events = jdbc.update("DELETE FROM browsing_events WHERE store_id = ? AND (customer_external_id = ? OR "
                + "visitor_id IN (SELECT visitor_id FROM browsing_visitors WHERE store_id = ? AND "
                + "customer_external_id = ?))", store.value(), customerId, store.value(), customerId);
        jdbc.update("DELETE FROM browsing_visitors WHERE store_id = ? AND customer_external_id = ?", store.value(),
                customerId);
        jdbc.update("DELETE FROM browsing_customers WHERE store_id = ? AND customer_external_id = ?", store.value(),
                customerId);
        return events;
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
