package io.basira.server.products.jdbc;

import io.basira.analytics.products.Baskets;
import io.basira.commerce.OrderStatus;
import io.basira.server.platform.jdbc.BulkReads;
import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.Dates;
import io.basira.shared.Store;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads one store's counted orders (pending, processing, completed) with their lines into {@link Baskets} by
 * streaming, one row per line, ordered by order so each order's lines arrive together; the line revenue is
 * {@code quantity * unit_price_minor}. The product's category comes from {@code products} (none when the
 * product is unknown there). Also reads the memberships affinity compares: saved groups, RFM groups and
 * customer types (the stored analytics card fields).
 */
public final class JdbcBaskets {

    static final int FETCH_SIZE = 10_000;
    private static final String COUNTED = Arrays.stream(OrderStatus.values())
            .filter(OrderStatus::isCounted)
            .map(s -> "'" + s.code() + "'")
            .collect(Collectors.joining(", "));
    private static final String LINES =
            "SELECT o.external_id, o.customer_external_id, o.created_at, l.product_external_id, "
                    + "l.quantity, l.unit_price_minor, p.category FROM orders o JOIN order_lines l ON l.store_id = o.store_id "
                    + "AND l.order_external_id = o.external_id LEFT JOIN products p ON p.store_id = l.store_id "
                    + "AND p.external_id = l.product_external_id WHERE o.store_id = ? AND o.status IN (" + COUNTED
                    + ") "
                    + "ORDER BY o.external_id, l.line_no";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final BulkReads bulkReads;

    public JdbcBaskets(JdbcTemplate jdbc, TransactionTemplate transactions, BulkReads bulkReads) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.bulkReads = bulkReads;
    }

    /** The store's baskets, read whole; at most {@link BulkReads}' number of loads run at once. */
    public Baskets load(Store store) {
        return bulkReads.run(() -> readOnly.execute(status -> read(store)));
    }

    private Baskets read(Store store) {
        ZoneId zone = store.timeZone();
        Baskets.Builder b = Baskets.builder();
        String[] current = {null};
        jdbc.query(Sql.binaryRows(LINES, store.id().value()), rs -> {
            String order = rs.getString(1);
            if (!order.equals(current[0])) {
                current[0] = order;
                b.order(
                        b.customer(rs.getString(2)),
                        Dates.dateIn(Sql.instant(rs, 3), zone).toEpochDay());
            }
            long revenue = Math.multiplyExact((long) Math.max(0, rs.getInt(5)), Math.max(0, rs.getLong(6)));
            b.line(b.product(rs.getString(4), rs.getString(7)), revenue);
        });
        return b.build();
    }

    /**
     * A digest of the store's products as the baskets hold them (each product id with its category, in any
     * order): equal digests, the same products and categories but for a 64-bit hash collision. Read in one pass
     * over the store's products (hundreds to thousands of rows), against the millions of order lines a read of
     * the baskets takes.
     */
    public long productsDigest(Store store) {
        long[] digest = {0, 0};
        readOnly.executeWithoutResult(status -> jdbc.query(
                "SELECT external_id, category FROM products WHERE store_id = ?",
                rs -> {
                    digest[0] += mix(rs.getString(1), rs.getString(2));
                    digest[1]++;
                },
                store.id().value()));
        return digest[0] * 31 + digest[1];
    }

    /** A 64-bit hash of one product and its category (FNV-1a, then a final mix); summed, order does not matter. */
    private static long mix(String product, String category) {
        long h = 0xcbf29ce484222325L;
        String text = product + "\u0000" + (category == null ? "\u0001" : category);
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Whether the store has this customer. */
    public boolean customerExists(Store store, String customerId) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM customers WHERE store_id = ? AND external_id = ?",
                Integer.class,
                store.id().value(),
                customerId);
        return n != null && n > 0;
    }

    /**
     * The store's categories as the rule field {@code next_category} can hold them: every category of its products
     * feed, stripped of spaces at its ends (as {@link Baskets} keeps them), blank ones left out, in text order; at
     * most {@code limit}, and {@code limit + 1} when there are more (so the caller can tell).
     */
    public List<String> categories(Store store, int limit) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        jdbc.query(
                "SELECT DISTINCT category FROM products WHERE store_id = ? AND category IS NOT NULL",
                rs -> {
                    String category = rs.getString(1).strip();
                    if (!category.isEmpty()) {
                        out.add(category);
                    }
                },
                store.id().value());
        return out.stream().limit(limit + 1L).toList();
    }

    /** A product's name and category, by id, for the ids given (at most a few hundred). */
    public Map<String, String[]> products(Store store, Collection<String> ids) {
        Map<String, String[]> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            List<Object> args = new ArrayList<>();
            args.add(store.id().value());
            args.addAll(chunk);
            jdbc.query(
                    "SELECT external_id, name, category FROM products WHERE store_id = ? AND external_id IN ("
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    },
                    args.toArray());
        }
        return out;
    }

    /** One membership list: kind (group, rfm, type), key, display name, customer ids. */
    public record Membership(String kind, String key, String name, List<String> customers) {}

    /**
     * Saved groups (by key), then RFM groups, then customer types (from the stored card fields, each by key) of the
     * store.
     */
    public List<Membership> memberships(Store store) {
        // in a transaction, so that PostgreSQL hands the rows over FETCH_SIZE at a time (a million at a million
        // customers)
        return readOnly.execute(status -> readMemberships(store));
    }

    private List<Membership> readMemberships(Store store) {
        long id = store.id().value();
        Map<String, Membership> out = new LinkedHashMap<>();
        jdbc.query(
                "SELECT g.group_key, g.name, m.customer_external_id FROM groups g JOIN group_members m "
                        + "ON m.store_id = g.store_id AND m.group_key = g.group_key WHERE g.store_id = ? "
                        + "ORDER BY g.group_key",
                rs -> {
                    out.computeIfAbsent(
                                    "group:" + rs.getString(1),
                                    k -> new Membership("group", key(k), name(rs), new ArrayList<>()))
                            .customers()
                            .add(rs.getString(3));
                },
                id);
        jdbc.query(
                "SELECT rfm_group, customer_type, customer_external_id FROM customer_analytics WHERE store_id = ?",
                rs -> {
                    String rfm = rs.getString(1);
                    String type = rs.getString(2);
                    String customer = rs.getString(3);
                    if (rfm != null) {
                        out.computeIfAbsent("rfm:" + rfm, k -> new Membership("rfm", rfm, rfm, new ArrayList<>()))
                                .customers()
                                .add(customer);
                    }
                    if (type != null) {
                        out.computeIfAbsent("type:" + type, k -> new Membership("type", type, type, new ArrayList<>()))
                                .customers()
                                .add(customer);
                    }
                },
                id);
        // saved groups by key, then RFM groups, then customer types, each by name (not in the rows' order)
        List<Membership> sorted = new ArrayList<>(out.values());
        sorted.sort(java.util.Comparator.comparingInt((Membership m) -> KINDS.indexOf(m.kind()))
                .thenComparing(m -> m.kind().equals("group") ? "" : m.key()));
        return sorted;
    }

    private static final List<String> KINDS = List.of("group", "rfm", "type");

    private static String key(String prefixed) {
        return prefixed.substring(prefixed.indexOf(':') + 1);
    }

    private static String name(java.sql.ResultSet rs) {
        try {
            return rs.getString(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of {@code baskets} holding these customer ids. */
    public static BitSet rows(Map<String, Integer> rowOf, List<String> customers) {
        BitSet set = new BitSet();
        for (String c : customers) {
            Integer row = rowOf.get(c);
            if (row != null) {
                set.set(row);
            }
        }
        return set;
    }
}
