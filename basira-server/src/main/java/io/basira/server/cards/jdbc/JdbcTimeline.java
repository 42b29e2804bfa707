package io.basira.server.cards.jdbc;

import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** A customer's timeline: orders, carts, reviews, wishlist items and messages, newest first. */
public final class JdbcTimeline {

    /** One thing that happened; {@code details} holds the kind's own fields, as text, in a stable order. */
    public record Entry(String kind, String id, Instant at, Map<String, String> details) {}

    private final JdbcTemplate jdbc;

    public JdbcTimeline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> of(Store store, String customerId) {
        List<Entry> entries = new ArrayList<>();
        long storeId = store.id().value();
        jdbc.query(
                "SELECT external_id, created_at, status, total_minor, discount_minor, coupon_code, payment_method, "
                        + "shipping_method FROM orders WHERE store_id = ? AND customer_external_id = ?",
                rs -> {
                    Map<String, String> d = new LinkedHashMap<>();
                    d.put("status", rs.getString("status"));
                    d.put("total", money(store, rs.getLong("total_minor")));
                    d.put("discount_total", money(store, rs.getLong("discount_minor")));
                    putIfPresent(d, "coupon_code", rs.getString("coupon_code"));
                    putIfPresent(d, "payment_method", rs.getString("payment_method"));
                    putIfPresent(d, "shipping_method", rs.getString("shipping_method"));
                    entries.add(new Entry("order", rs.getString("external_id"), Sql.instant(rs, "created_at"), d));
                },
                storeId,
                customerId);
        jdbc.query(
                "SELECT external_id, created_at, status, total_minor, items_count FROM carts "
                        + "WHERE store_id = ? AND customer_external_id = ?",
                rs -> {
                    Map<String, String> d = new LinkedHashMap<>();
                    d.put("status", rs.getString("status"));
                    Long total = Sql.nullableLong(rs, "total_minor");
                    putIfPresent(d, "total", total == null ? null : money(store, total));
                    Integer items = Sql.nullableInt(rs, "items_count");
                    putIfPresent(d, "items_count", items == null ? null : items.toString());
                    entries.add(new Entry("cart", rs.getString("external_id"), Sql.instant(rs, "created_at"), d));
                },
                storeId,
                customerId);
        jdbc.query(
                "SELECT external_id, created_at, product_external_id, rating FROM reviews "
                        + "WHERE store_id = ? AND customer_external_id = ?",
                rs -> {
                    Map<String, String> d = new LinkedHashMap<>();
                    d.put("rating", Integer.toString(rs.getInt("rating")));
                    String product = rs.getString("product_external_id");
                    d.put("of", product == null ? "store" : "product");
                    putIfPresent(d, "product_id", product);
                    entries.add(new Entry("review", rs.getString("external_id"), Sql.instant(rs, "created_at"), d));
                },
                storeId,
                customerId);
        jdbc.query(
                "SELECT product_external_id, added_at FROM wishlist_items WHERE store_id = ? AND customer_external_id = ?",
                rs -> {
                    Map<String, String> d = new LinkedHashMap<>();
                    d.put("product_id", rs.getString("product_external_id"));
                    entries.add(
                            new Entry("wishlist", rs.getString("product_external_id"), Sql.instant(rs, "added_at"), d));
                },
                storeId,
                customerId);
        // channels: the message log (docs/campaigns.md, "Message log")
        jdbc.query(
                "SELECT id, channel, purpose, campaign_id, status, reason, requested_at, sent_at FROM message_log "
                        + "WHERE store_id = ? AND customer_external_id = ?",
                rs -> {
                    Map<String, String> d = new LinkedHashMap<>();
                    d.put("status", rs.getString("status").toLowerCase(java.util.Locale.ROOT));
                    d.put("channel", rs.getString("channel").toLowerCase(java.util.Locale.ROOT));
                    d.put("purpose", rs.getString("purpose").toLowerCase(java.util.Locale.ROOT));
                    d.put("campaign", rs.getString("campaign_id"));
                    putIfPresent(d, "reason", rs.getString("reason"));
                    Instant sent = Sql.instant(rs, "sent_at");
                    entries.add(new Entry(
                            "message", rs.getString("id"), sent != null ? sent : Sql.instant(rs, "requested_at"), d));
                },
                storeId,
                customerId);
        entries.sort(Comparator.comparing(Entry::at)
                .reversed()
                .thenComparing(Entry::kind)
                .thenComparing(Entry::id));
        return entries;
    }

    private static String money(Store store, long minor) {
        return Money.ofMinor(minor, store.currency()).toPlainString();
    }

    private static void putIfPresent(Map<String, String> details, String key, String value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
