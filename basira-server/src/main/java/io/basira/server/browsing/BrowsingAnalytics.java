package io.basira.server.browsing;

import io.basira.analytics.AnalysisWindow;
import io.basira.server.browsing.jdbc.JdbcBrowsing;
import io.basira.shared.StoreId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Browsing analytics of one store over a period of its calendar (docs/browsing.md, "Analytics"): the most
 * visited pages, the most viewed products with their view-to-purchase conversion, new and returning visitors
 * with the conversion of each, and sessions per day. Read from the kept events (the retention bounds how far
 * back); a purchase is a counted order (pending, processing, completed) of a customer a visitor is linked to,
 * created in the period. Shares are exact decimals (4 places), never floating point.
 */
public final class BrowsingAnalytics {

    static final int TOP = 20;

    /** Days of the period when {@code from} is not given: {@code to} and the 29 days before it. */
    public static final int DEFAULT_DAYS = 30;

    private static final String COUNTED = "o.status IN ('pending', 'processing', 'completed')";

    private final JdbcTemplate jdbc;

    public BrowsingAnalytics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The first day of the period the API, the CLI and the dashboard analyse for {@code window}: its {@code from},
     * else {@value #DEFAULT_DAYS} days up to its end ({@code to}, else as-of).
     */
    public static LocalDate firstDay(AnalysisWindow window) {
        return window.start().orElse(window.end().minusDays(DEFAULT_DAYS - 1));
    }

    /** The analysis of the days {@code from} to {@code to} inclusive, in {@code zone}. */
    public Map<String, Object> analyse(StoreId store, ZoneId zone, LocalDate from, LocalDate to) {
        OffsetDateTime start = JdbcBrowsing.utc(from.atStartOfDay(zone).toInstant());
        OffsetDateTime end = JdbcBrowsing.utc(to.plusDays(1).atStartOfDay(zone).toInstant());
        long id = store.value();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", from.toString());
        answer.put("to", to.toString());
        answer.put(
                "pages",
                jdbc.query(
                        "SELECT path, COUNT(*) AS views, COUNT(DISTINCT visitor_id) AS visitors "
                                + "FROM browsing_events WHERE store_id = ? AND kind = 'page' AND occurred_at >= ? AND occurred_at < ? "
                                + "AND path IS NOT NULL GROUP BY path ORDER BY views DESC, path LIMIT " + TOP,
                        (rs, n) -> row("path", rs.getString(1), "views", rs.getLong(2), "visitors", rs.getLong(3)),
                        id,
                        start,
                        end));
        answer.put("products", products(id, start, end));
        answer.putAll(visitors(id, start, end));
        answer.put("sessions_per_day", sessionsPerDay(id, zone, start, end, from, to));
        return answer;
    }

    private List<Map<String, Object>> products(long id, OffsetDateTime start, OffsetDateTime end) {
        List<Map<String, Object>> products = jdbc.query(
                "SELECT product_id, COUNT(*) AS views, "
                        + "COUNT(DISTINCT visitor_id) AS viewers FROM browsing_events WHERE store_id = ? AND kind = 'product' "
                        + "AND occurred_at >= ? AND occurred_at < ? GROUP BY product_id ORDER BY views DESC, product_id LIMIT "
                        + TOP,
                (rs, n) -> row("product_id", rs.getString(1), "views", rs.getLong(2), "viewers", rs.getLong(3)),
                id,
                start,
                end);
        if (products.isEmpty()) {
            return products;
        }
        List<Object> args = new ArrayList<>(List.of(id, start, end, start, end));
        products.forEach(p -> args.add(p.get("product_id")));
        Map<String, Long> buyers = new HashMap<>();
        jdbc.query(
                "SELECT e.product_id, COUNT(DISTINCT v.customer_external_id) FROM browsing_events e "
                        + "JOIN browsing_visitors v ON " + JdbcBrowsing.SAME_VISITOR + " "
                        + "JOIN orders o ON o.store_id = v.store_id AND o.customer_external_id = v.customer_external_id "
                        + "JOIN order_lines l ON l.store_id = o.store_id AND l.order_external_id = o.external_id "
                        + "AND l.product_external_id = e.product_id WHERE e.store_id = ? AND e.kind = 'product' "
                        + "AND e.occurred_at >= ? AND e.occurred_at < ? AND o.created_at >= ? AND o.created_at < ? AND "
                        + COUNTED + " AND e.product_id IN (" + JdbcBrowsing.marks(products.size())
                        + ") GROUP BY e.product_id",
                rs -> {
                    buyers.put(rs.getString(1), rs.getLong(2));
                },
                args.toArray());
        for (Map<String, Object> product : products) {
            long bought = buyers.getOrDefault((String) product.get("product_id"), 0L);
            product.put("buyers", bought);
            product.put("conversion", share(bought, (Long) product.get("viewers")));
        }
        return products;
    }

    /**
     * Visitors of the period, new or returning (2 or more sessions over the kept events until the period's end,
     * as the card's {@code visitor_type}), and the share of each that bought in the period.
     */
    private Map<String, Object> visitors(long id, OffsetDateTime start, OffsetDateTime end) {
        Map<String, Long> sessions = new HashMap<>();
        jdbc.query(
                // the visitors of the period (distinct), then all their events before its end, found by the index on
                // store and visitor hash and matched on the visitor id itself
                "SELECT e.visitor_id, COUNT(DISTINCT e.session_id) FROM (SELECT DISTINCT visitor_hash, visitor_id "
                        + "FROM browsing_events WHERE store_id = ? AND occurred_at >= ? AND occurred_at < ?) p "
                        + "JOIN browsing_events e ON e.store_id = ? AND e.visitor_hash = p.visitor_hash "
                        + "AND e.visitor_id = p.visitor_id WHERE e.occurred_at < ? GROUP BY e.visitor_id",
                rs -> {
                    sessions.put(rs.getString(1), rs.getLong(2));
                },
                id,
                start,
                end,
                id,
                end);
        Set<String> buyers = new HashSet<>(jdbc.queryForList(
                "SELECT v.visitor_id FROM browsing_visitors v "
                        + "WHERE v.store_id = ? AND EXISTS (SELECT 1 FROM orders o WHERE o.store_id = v.store_id "
                        + "AND o.customer_external_id = v.customer_external_id AND o.created_at >= ? AND o.created_at < ? AND "
                        + COUNTED + ")",
                String.class,
                id,
                start,
                end));
        long returning = 0;
        long returningBuyers = 0;
        long newBuyers = 0;
        for (Map.Entry<String, Long> visitor : sessions.entrySet()) {
            boolean bought = buyers.contains(visitor.getKey());
            if (visitor.getValue() >= io.basira.browsing.BrowsingStats.RETURNING_SESSIONS) {
                returning++;
                returningBuyers += bought ? 1 : 0;
            } else {
                newBuyers += bought ? 1 : 0;
            }
        }
        long fresh = sessions.size() - returning;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("visitors", row("total", (long) sessions.size(), "new", fresh, "returning", returning));
        answer.put(
                "conversion",
                row(
                        "new",
                        share(newBuyers, fresh),
                        "returning",
                        share(returningBuyers, returning),
                        "new_buyers",
                        newBuyers,
                        "returning_buyers",
                        returningBuyers));
        return answer;
    }

    /** Sessions by the store-local day of their first event in the period; every day of the period is listed. */
    private List<Map<String, Object>> sessionsPerDay(
            long id, ZoneId zone, OffsetDateTime start, OffsetDateTime end, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, 0L);
        }
        jdbc.query(
                "SELECT MIN(occurred_at) FROM browsing_events WHERE store_id = ? AND occurred_at >= ? "
                        + "AND occurred_at < ? GROUP BY visitor_id, session_id",
                rs -> {
                    Instant first = rs.getObject(1, OffsetDateTime.class).toInstant();
                    days.merge(LocalDate.ofInstant(first, zone), 1L, Long::sum);
                },
                id,
                start,
                end);
        List<Map<String, Object>> list = new ArrayList<>();
        days.forEach((day, count) -> list.add(row("day", day.toString(), "sessions", count)));
        return list;
    }

    /** {@code part / whole} to 4 decimals as text ("0.2500"); null when {@code whole} is 0. */
    static String share(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part)
                        .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN)
                        .toPlainString();
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
