package io.basira.server.importing;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.basira.demo.CanonicalCsv;
import io.basira.loyalty.LoyaltyProgram;
import io.basira.loyalty.LoyaltyPrograms;
import io.basira.loyalty.Tier;
import io.basira.server.platform.csv.SpreadsheetCsv;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code basira export store --format csv}: everything of a store that the import reads, as the canonical CSV
 * folder of docs/import.md (the seven files, their columns in the order the demo generator writes them, and the carts'
 * lines, {@value #CART_ITEMS}), so that importing the folder into an empty store gives the same customers, orders,
 * carts and cards: import(export(x)) = x.
 * Instants are ISO-8601 in UTC ({@code 2024-03-01T15:20:00Z}), money has the currency's decimals, a unit price
 * is the shop's exact one, tags are joined by {@code ;}. Values are written as stored: this is a data folder, not
 * a spreadsheet, so the CSV-injection guard of the card exports (which would change an id) is not applied. Each
 * table is streamed in id order with a bounded fetch size: memory does not grow with the store. Two more files,
 * which the import does not read, carry the saved groups for basira-spark (docs/spark.md): {@value #GROUPS} (each
 * group with a rule, and its rule's text) and {@value #GROUP_LISTS} (the manual additions and exclusions); a third
 * carries the browsing the job's browsing fields read: {@value #BROWSING_EVENTS} (the kept events of the visitors
 * linked to a customer, with the customer), and two the job's loyalty fields read: {@value #LOYALTY_PROGRAM} (the
 * store's program) and {@value #LOYALTY_LEDGER} (every ledger entry, the standing being a fold of them).
 */
public final class StoreCsvExport {

    private static final int FETCH_SIZE = 10_000;
    /** the carts' lines, in the import's own file and columns, so an exported store re-imports with them */
    public static final String CART_ITEMS = "cart_items.csv";

    static final List<String> CART_ITEMS_COLUMNS =
            List.of("cart_id", "product_id", "quantity", "unit_price", "name", "url");

    /** the saved groups with a rule: {@code group,rule} (the rule's text), the job's {@code --rules} file */
    public static final String GROUPS = "groups.csv";

    static final List<String> GROUPS_COLUMNS = List.of("group", "rule");
    /** the groups' manual lists: {@code group,customer_id,list}, {@code list} {@code added} or {@code excluded} */
    public static final String GROUP_LISTS = "group_lists.csv";

    static final List<String> GROUP_LISTS_COLUMNS = List.of("group", "customer_id", "list");
    /**
     * the browsing events of the visitors linked to a customer, with that customer (the link as it is now), for the
     * job's browsing fields: {@code customer_id,visitor_id,session_id,occurred_at,kind,product_id,category}
     */
    public static final String BROWSING_EVENTS = "browsing_events.csv";

    static final List<String> BROWSING_EVENTS_COLUMNS =
            List.of("customer_id", "visitor_id", "session_id", "occurred_at", "kind", "product_id", "category");

    /**
     * the store's loyalty program, one row (none when the store never set one up), money in minor units:
     * {@code tiers} holds each tier as {@code name|threshold|multiplier_permille|free_shipping|early_access}, joined
     * by {@code ;} (a tier's name has neither)
     */
    public static final String LOYALTY_PROGRAM = "loyalty_program.csv";

    static final List<String> LOYALTY_PROGRAM_COLUMNS = List.of(
            "enabled",
            "starts_at",
            "earn_points",
            "earn_per_minor",
            "pending_days",
            "review_points",
            "birthday_points",
            "signup_points",
            "tier_basis",
            "tiers",
            "expiry_months",
            "expiry_kind",
            "expiry_warning_days",
            "redeem_points",
            "redeem_minor",
            "free_shipping_points",
            "free_product_points",
            "free_product_id");

    /**
     * every entry of the store's points ledgers, by customer then in the order they were appended ({@code entry},
     * the ledger's id): what the loyalty standing is a fold of (io.basira.loyalty.Standings)
     */
    public static final String LOYALTY_LEDGER = "loyalty_ledger.csv";

    static final List<String> LOYALTY_LEDGER_COLUMNS = List.of(
            "customer_id",
            "entry",
            "cause",
            "ref",
            "points",
            "shortfall",
            "multiplier_permille",
            "available_at",
            "recorded_at");

    private final JdbcTemplate jdbc;
    private final LoyaltyPrograms programs;

    public StoreCsvExport(JdbcTemplate jdbc, LoyaltyPrograms programs) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.programs = programs;
    }

    /** Writes the store's files into {@code folder} (created if needed). @return the rows written, by file name */
    public Map<String, Long> write(Store store, Path folder) throws IOException {
        Files.createDirectories(folder);
        long id = store.id().value();
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(
                "products.csv",
                file(
                        folder,
                        CanonicalCsv.PRODUCTS,
                        "SELECT external_id, name, category, price_minor, "
                                + "price_exact FROM products WHERE store_id = ? ORDER BY external_id",
                        id,
                        rs -> List.of(
                                rs.getString(1),
                                text(rs.getString(2)),
                                text(rs.getString(3)),
                                price(store, rs.getObject(4) == null ? null : rs.getLong(4), rs.getBigDecimal(5)))));
        rows.put(
                "customers.csv",
                file(
                        folder,
                        CanonicalCsv.CUSTOMERS,
                        "SELECT external_id, first_name, last_name, "
                                + "email, phone, gender, birth_date, city, region, country, created_at, tags FROM customers "
                                + "WHERE store_id = ? ORDER BY external_id",
                        id,
                        rs -> List.of(
                                rs.getString(1),
                                text(rs.getString(2)),
                                text(rs.getString(3)),
                                text(rs.getString(4)),
                                text(rs.getString(5)),
                                text(rs.getString(6)),
                                rs.getDate(7) == null
                                        ? ""
                                        : rs.getDate(7).toLocalDate().toString(),
                                text(rs.getString(8)),
                                text(rs.getString(9)),
                                text(rs.getString(10)).strip(),
                                instant(rs, 11),
                                text(rs.getString(12)))));
        rows.put(
                "orders.csv",
                file(
                        folder,
                        CanonicalCsv.ORDERS,
                        "SELECT external_id, customer_external_id, created_at, "
                                + "status, total_minor, discount_minor, coupon_code, payment_method, shipping_method FROM orders "
                                + "WHERE store_id = ? ORDER BY external_id",
                        id,
                        rs -> List.of(
                                rs.getString(1),
                                rs.getString(2),
                                instant(rs, 3),
                                rs.getString(4),
                                money(store, rs.getLong(5)),
                                store.currency().getCurrencyCode(),
                                money(store, rs.getLong(6)),
                                text(rs.getString(7)),
                                text(rs.getString(8)),
                                text(rs.getString(9)))));
        try (Writer out = Files.newBufferedWriter(folder.resolve("order_items.csv"), StandardCharsets.UTF_8)) {
            rows.put("order_items.csv", new OrderItemsCsvExport(jdbc).write(store, out));
        }
        rows.put(
                "carts.csv",
                file(
                        folder,
                        CanonicalCsv.CARTS,
                        "SELECT external_id, customer_external_id, created_at, "
                                + "updated_at, total_minor, items_count, status FROM carts WHERE store_id = ? ORDER BY external_id",
                        id,
                        rs -> List.of(
                                rs.getString(1),
                                text(rs.getString(2)),
                                instant(rs, 3),
                                instant(rs, 4),
                                rs.getObject(5) == null ? "" : money(store, rs.getLong(5)),
                                rs.getObject(6) == null ? "" : Integer.toString(rs.getInt(6)),
                                rs.getString(7))));
        rows.put(
                CART_ITEMS,
                file(
                        folder,
                        CART_ITEMS,
                        CART_ITEMS_COLUMNS,
                        "SELECT cart_external_id, product_external_id, quantity, unit_price, name, url "
                                + "FROM cart_lines WHERE store_id = ? ORDER BY cart_external_id, line_no",
                        new Object[] {id},
                        rs -> List.of(
                                rs.getString(1),
                                rs.getString(2),
                                Integer.toString(rs.getInt(3)),
                                rs.getBigDecimal(4) == null ? "" : price(store, null, rs.getBigDecimal(4)),
                                text(rs.getString(5)),
                                text(rs.getString(6)))));
        rows.put(
                "reviews.csv",
                file(
                        folder,
                        CanonicalCsv.REVIEWS,
                        "SELECT external_id, customer_external_id, "
                                + "product_external_id, rating, created_at FROM reviews WHERE store_id = ? ORDER BY external_id",
                        id,
                        rs -> List.of(
                                rs.getString(1),
                                rs.getString(2),
                                text(rs.getString(3)),
                                Integer.toString(rs.getInt(4)),
                                instant(rs, 5))));
        rows.put(
                "wishlist.csv",
                file(
                        folder,
                        CanonicalCsv.WISHLIST,
                        "SELECT customer_external_id, product_external_id, "
                                + "added_at FROM wishlist_items WHERE store_id = ? ORDER BY customer_external_id, product_external_id",
                        id,
                        rs -> List.of(rs.getString(1), rs.getString(2), instant(rs, 3))));
        rows.put(
                GROUPS,
                file(
                        folder,
                        GROUPS,
                        GROUPS_COLUMNS,
                        "SELECT group_key, rule_text FROM groups WHERE store_id = ? "
                                + "AND rule_text IS NOT NULL ORDER BY group_key",
                        new Object[] {id},
                        rs -> List.of(rs.getString(1), rs.getString(2))));
        rows.put(
                GROUP_LISTS,
                file(
                        folder,
                        GROUP_LISTS,
                        GROUP_LISTS_COLUMNS,
                        "SELECT group_key, customer_external_id, "
                                + "list FROM (SELECT group_key, customer_external_id, 'added' AS list FROM group_additions WHERE store_id = ? "
                                + "UNION ALL SELECT group_key, customer_external_id, 'excluded' AS list FROM group_exclusions "
                                + "WHERE store_id = ?) lists ORDER BY group_key, customer_external_id",
                        new Object[] {id, id},
                        rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))));
        rows.put(
                BROWSING_EVENTS,
                file(
                        folder,
                        BROWSING_EVENTS,
                        BROWSING_EVENTS_COLUMNS,
                        "SELECT v.customer_external_id, e.visitor_id, e.session_id, e.occurred_at, e.kind, "
                                + "e.product_id, e.category FROM browsing_events e JOIN browsing_visitors v "
                                + "ON e.store_id = v.store_id AND e.visitor_hash = v.visitor_hash "
                                + "AND e.visitor_id = v.visitor_id WHERE e.store_id = ? "
                                + "ORDER BY v.customer_external_id, e.occurred_at, e.visitor_id, e.session_id, e.kind",
                        new Object[] {id},
                        rs -> List.of(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                instant(rs, 4),
                                rs.getString(5),
                                text(rs.getString(6)),
                                text(rs.getString(7)))));
        rows.put(LOYALTY_PROGRAM, program(store, folder));
        rows.put(
                LOYALTY_LEDGER,
                file(
                        folder,
                        LOYALTY_LEDGER,
                        LOYALTY_LEDGER_COLUMNS,
                        "SELECT customer_external_id, id, cause, ref, points, shortfall, multiplier_permille, "
                                + "available_at, recorded_at FROM loyalty_ledger WHERE store_id = ? "
                                + "ORDER BY customer_external_id, id",
                        new Object[] {id},
                        rs -> List.of(
                                rs.getString(1),
                                Long.toString(rs.getLong(2)),
                                rs.getString(3),
                                rs.getString(4),
                                Long.toString(rs.getLong(5)),
                                Long.toString(rs.getLong(6)),
                                Integer.toString(rs.getInt(7)),
                                instant(rs, 8),
                                instant(rs, 9))));
        return rows;
    }

    /** {@value #LOYALTY_PROGRAM}: the store's program as the engine reads it; @return its rows (0 or 1) */
    private long program(Store store, Path folder) throws IOException {
        LoyaltyProgram program = programs.of(store.id()).orElse(null);
        try (Writer out = Files.newBufferedWriter(folder.resolve(LOYALTY_PROGRAM), StandardCharsets.UTF_8)) {
            CsvWriter csv = SpreadsheetCsv.writer(out);
            csv.writeRecord(LOYALTY_PROGRAM_COLUMNS);
            if (program != null) {
                List<String> tiers = new ArrayList<>();
                for (Tier tier : program.tiers()) {
                    tiers.add(tier.name() + "|" + tier.threshold() + "|" + tier.multiplierPermille() + "|"
                            + tier.freeShipping() + "|" + tier.earlyAccess());
                }
                csv.writeRecord(List.of(
                        Boolean.toString(program.enabled()),
                        program.startsAt().toString(),
                        Long.toString(program.earnPoints()),
                        Long.toString(program.earnPerMinor()),
                        Integer.toString(program.pendingDays()),
                        Long.toString(program.reviewPoints()),
                        Long.toString(program.birthdayPoints()),
                        Long.toString(program.signupPoints()),
                        program.tierBasis().code(),
                        String.join(";", tiers),
                        Integer.toString(program.expiryMonths()),
                        program.expiryKind().code(),
                        Integer.toString(program.expiryWarningDays()),
                        Long.toString(program.redeemPoints()),
                        Long.toString(program.redeemMinor()),
                        Long.toString(program.freeShippingPoints()),
                        Long.toString(program.freeProductPoints()),
                        text(program.freeProductId())));
            }
            csv.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return program == null ? 0 : 1;
    }

    private interface RowText {
        List<String> of(ResultSet rs) throws SQLException;
    }

    private long file(Path folder, CanonicalCsv file, String sql, long storeId, RowText row) throws IOException {
        return file(folder, file.fileName(), file.columns(), sql, new Object[] {storeId}, row);
    }

    private long file(Path folder, String fileName, List<String> columns, String sql, Object[] arguments, RowText row)
            throws IOException {
        AtomicLong count = new AtomicLong();
        try (Writer out = Files.newBufferedWriter(folder.resolve(fileName), StandardCharsets.UTF_8)) {
            CsvWriter csv = SpreadsheetCsv.writer(out);
            csv.writeRecord(columns);
            jdbc.query(
                    sql,
                    rs -> {
                        csv.writeRecord(new ArrayList<>(row.of(rs)));
                        count.incrementAndGet();
                    },
                    arguments);
            csv.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return count.get();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null
                ? ""
                : value.toInstant().atOffset(ZoneOffset.UTC).toInstant().toString();
    }

    private static String money(Store store, long minor) {
        return Money.ofMinor(minor, store.currency()).toPlainString();
    }

    private static String price(Store store, Long minor, BigDecimal exact) {
        if (exact != null) {
            return exact.stripTrailingZeros().scale() < Money.fractionDigits(store.currency())
                    ? exact.setScale(Money.fractionDigits(store.currency())).toPlainString()
                    : exact.stripTrailingZeros().toPlainString();
        }
        return minor == null ? "" : money(store, minor);
    }
}
