package io.basira.server.cards.jdbc;

import io.basira.browsing.BrowsingStats;
import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.card.LoyaltyStanding;
import io.basira.commerce.Customer;
import io.basira.commerce.Gender;
import io.basira.groups.GroupCustomers;
import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.DateRange;
import io.basira.shared.SearchText;
import io.basira.shared.StoreId;
import io.basira.shared.TextRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read side of customers and their cards (and the groups engine's {@link GroupCustomers}). Every query is scoped to one
 * store, and leaves out the pseudonymous rows that hold erased customers' orders ({@code erased_at} set,
 * docs/privacy.md): they are in no list, count, export or group.
 */
public final class JdbcCustomerQueries implements GroupCustomers {

    /** One page of a customer list. */
    public record Page(List<CustomerSnapshot> items, long total, int page, int size) {}

    public static final String COLUMNS =
            "id, external_id, first_name, last_name, email, phone, gender, birth_date, city, "
                    + "region, country, created_at, tags, order_count, total_spent_minor, cancelled_orders, returned_orders, "
                    + "last_purchase_at, first_order_at, abandoned_carts, store_rating, discounted_orders, wishlist_count, "
                    + "reviews_count";

    /**
     * The customers with the analytics card fields of the store's last refresh ({@code customer_analytics},
     * migration V2), their loyalty standing ({@code loyalty_accounts}, V50) and their browsing aggregates
     * ({@code browsing_customers}, V60): every column of {@link #COLUMNS} is a customers column, the rest come from
     * the left joins.
     */
    private static final String WITH_ANALYTICS = "SELECT " + COLUMNS + ", revenue_percentile, rfm_recency, "
            + "rfm_frequency, rfm_monetary, rfm_group, customer_type, regularity, p_alive, expected_purchases_90d, "
            + "predicted_value_12m, churn_risk, next_order_expected_at, next_category, la.points AS loyalty_points, "
            + "la.pending AS loyalty_pending, la.lifetime_points AS loyalty_lifetime, la.tier AS loyalty_tier, "
            + "la.expiring_30d AS loyalty_expiring, b.last_seen_at, b.sessions_30d, "
            + "b.page_views_30d, b.product_views_30d, b.sessions_total, b.viewed_product_days, "
            + "b.viewed_category_days FROM customers c LEFT JOIN customer_analytics a "
            + "ON a.store_id = c.store_id AND a.customer_external_id = c.external_id LEFT JOIN loyalty_accounts la "
            + "ON la.store_id = c.store_id AND la.customer_external_id = c.external_id LEFT JOIN browsing_customers b "
            + "ON b.store_id = c.store_id AND b.customer_external_id = c.external_id WHERE c.store_id = ? "
            + "AND c.erased_at IS NULL";

    /** Rows a whole-store read takes from PostgreSQL at a time (the driver buffers a whole result otherwise). */
    static final int FETCH_SIZE = 10_000;

    private final JdbcTemplate jdbc;
    /** For reads of every customer of a store: fetched {@value #FETCH_SIZE} rows at a time. */
    private final JdbcTemplate streaming;
    /**
     * PostgreSQL's driver fetches a result in parts only inside a transaction: a whole-store read runs in one
     * (or in the caller's). Without it, the groups' load of a 1,000,000-customer store held every row of the
     * result at once, 1.3 GB of the heap.
     */
    private final TransactionTemplate readOnly;

    /**
     * @param streaming for the whole-store reads: the same data source with a fetch size ({@link Sql#streaming})
     */
    public JdbcCustomerQueries(JdbcTemplate jdbc, JdbcTemplate streaming, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = streaming;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Over {@code jdbc}'s data source alone: its own transaction manager, whole-store reads through {@code jdbc}. */
    public JdbcCustomerQueries(JdbcTemplate jdbc) {
        this(jdbc, jdbc, new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /** The customer with their analytics card fields (null before the store's first analytics refresh). */
    public Optional<CustomerSnapshot> find(StoreId store, String externalId) {
        if (TextRules.lineProblem(externalId, Integer.MAX_VALUE) != null) { // no id holds it; PostgreSQL refuses NUL
            return Optional.empty();
        }
        return jdbc
                .query(
                        WITH_ANALYTICS + " AND c.external_id = ?",
                        JdbcCustomerQueries::mapWithAnalytics,
                        store.value(),
                        externalId)
                .stream()
                .findFirst();
    }

    /** The customers with these ids, with their analytics fields, in chunks of {@link Sql#IN_CHUNK}; unknown ids are skipped. */
    public List<CustomerSnapshot> findAll(StoreId store, java.util.Collection<String> externalIds) {
        List<CustomerSnapshot> found = new ArrayList<>(externalIds.size());
        for (List<String> chunk : Sql.chunks(externalIds, Sql.IN_CHUNK)) {
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(store.value());
            args.addAll(chunk);
            found.addAll(jdbc.query(
                    WITH_ANALYTICS + " AND c.external_id IN (" + Sql.marks(chunk.size()) + ")",
                    JdbcCustomerQueries::mapWithAnalytics,
                    args.toArray()));
        }
        return found;
    }

    /**
     * A page of customers, optionally filtered by {@code search} (a substring of the name, email, phone or
     * customer id, compared as {@link #searchCondition} says) and sorted.
     */
    public Page page(StoreId store, String search, CustomerSort sort, boolean descending, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE store_id = ? AND erased_at IS NULL");
        List<Object> args = new ArrayList<>(List.of(store.value()));
        searchCondition(search, where, args);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM customers" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<CustomerSnapshot> items = jdbc.query(
                "SELECT " + COLUMNS + " FROM customers" + where + " ORDER BY " + sort.orderBy(descending)
                        + " LIMIT ? OFFSET ?",
                JdbcCustomerQueries::map,
                pageArgs.toArray());
        return new Page(items, total, page, size);
    }

    /**
     * A page of the customers that also pass {@code include} (for example the members of a rule),
     * otherwise as {@link #page}: the store's customers are read in order and filtered, so the
     * sort and the paging are the database's.
     */
    public Page page(
            StoreId store,
            String search,
            CustomerSort sort,
            boolean descending,
            int page,
            int size,
            java.util.function.Predicate<String> include) {
        StringBuilder where = new StringBuilder(" WHERE store_id = ? AND erased_at IS NULL");
        List<Object> args = new ArrayList<>(List.of(store.value()));
        searchCondition(search, where, args);
        List<CustomerSnapshot> items = new ArrayList<>(size);
        long[] total = {0};
        long skip = (long) page * size;
        readOnly.executeWithoutResult(status -> streaming.query(
                Sql.binaryRows(
                        "SELECT " + COLUMNS + " FROM customers" + where + " ORDER BY " + sort.orderBy(descending),
                        args.toArray()),
                rs -> {
                    if (include.test(rs.getString("external_id"))) {
                        if (total[0] >= skip && items.size() < size) {
                            items.add(map(rs, 0));
                        }
                        total[0]++;
                    }
                }));
        return new Page(items, total[0], page, size);
    }

    /** Streams every customer of the store, with their analytics card fields, in customer-id order to {@code sink}. */
    public void forEach(StoreId store, Consumer<CustomerSnapshot> sink) {
        readOnly.executeWithoutResult(status ->
                streaming.query(Sql.binaryRows(WITH_ANALYTICS + " ORDER BY c.external_id", store.value()), rs -> {
                    sink.accept(mapWithAnalytics(rs, 0));
                }));
    }

    /**
     * Adds the search condition: a substring of the customer's stored search text (name, email, phone or
     * customer id), both sides folded by {@link SearchText} (case, Arabic letter variants, digits); a search
     * that reads as a phone number also matches the phone however it was written ({@code 0529202449} finds
     * {@code +966529202449}).
     */
    private static void searchCondition(String search, StringBuilder where, List<Object> args) {
        if (search != null && !search.isBlank()) {
            if (TextRules.textProblem(search, Integer.MAX_VALUE) != null) {
                where.append(" AND 1 = 0"); // text no stored value can hold (and PostgreSQL refuses NUL) matches no one
                return;
            }
            where.append(" AND (search_text LIKE ? ESCAPE '!'");
            args.add("%" + escapeLike(SearchText.fold(search.strip())) + "%");
            String phone = SearchText.typedPhone(search);
            if (phone != null) {
                where.append(" OR search_text LIKE ? ESCAPE '!'");
                args.add("%" + escapeLike(phone) + "%");
            }
            where.append(')');
        }
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * The stored birth date; one outside the {@link DateRange}, stored before the range was enforced,
     * is read as unknown (it would give an age of a million years), so the customer still reads.
     */
    private static LocalDate birthDate(ResultSet rs) throws SQLException {
        LocalDate stored = Sql.date(rs, "birth_date");
        return DateRange.problem(stored) == null ? stored : null;
    }

    /**
     * A stored {@code created_at} (a customer's signup, an order's placing), brought into the
     * {@link DateRange} when an older version stored one outside it, so the record still reads.
     */
    public static Instant createdAt(ResultSet rs) throws SQLException {
        Instant stored = Sql.instant(rs, "created_at");
        return stored.isBefore(EARLIEST_NOON) ? EARLIEST_NOON : stored.isAfter(LATEST_NOON) ? LATEST_NOON : stored;
    }

    /** Noon UTC of the first and last accepted days: those days in every store's zone. */
    private static final Instant EARLIEST_NOON =
            DateRange.EARLIEST.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);

    private static final Instant LATEST_NOON = DateRange.LATEST.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);

    /**
     * Stored text as the rules of today accept it: control characters and unpaired surrogates that
     * an older version stored are left out (the value fits its column, which enforced the length).
     */
    static String text(ResultSet rs, String column) throws SQLException {
        return readable(rs.getString(column), true);
    }

    /** As {@link #text}, for a single-line column: line breaks and tabs are left out too. */
    public static String line(ResultSet rs, String column) throws SQLException {
        return readable(rs.getString(column), false);
    }

    private static String readable(String stored, boolean multiline) {
        if (stored == null
                || (multiline
                                ? TextRules.textProblem(stored, Integer.MAX_VALUE)
                                : TextRules.lineProblem(stored, Integer.MAX_VALUE))
                        == null) {
            return stored;
        }
        StringBuilder readable = new StringBuilder(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < stored.length() && Character.isLowSurrogate(stored.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(stored.charAt(i - 1));
            boolean allowed = c >= 0x20 && c != 0x7F || multiline && (c == '\t' || c == '\n' || c == '\r');
            if (allowed && paired) {
                readable.append(c);
            }
        }
        return readable.toString();
    }

    private static Set<String> tags(ResultSet rs) throws SQLException {
        String tags = line(rs, "tags");
        return tags == null
                ? Set.of()
                : Arrays.stream(tags.split(";")).filter(tag -> !tag.isBlank()).collect(Collectors.toSet());
    }

    public static CustomerSnapshot map(ResultSet rs, int row) throws SQLException {
        String gender = rs.getString("gender");
        String country = rs.getString("country");
        Customer customer = new Customer(
                rs.getString("external_id"),
                text(rs, "first_name"),
                text(rs, "last_name"),
                line(rs, "email"),
                line(rs, "phone"),
                gender == null ? null : Gender.fromCode(gender),
                birthDate(rs),
                text(rs, "city"),
                text(rs, "region"),
                country == null ? null : country.strip(),
                createdAt(rs),
                tags(rs));
        CustomerCard card = new CustomerCard(
                rs.getInt("order_count"),
                rs.getLong("total_spent_minor"),
                rs.getInt("cancelled_orders"),
                rs.getInt("returned_orders"),
                Sql.instant(rs, "last_purchase_at"),
                Sql.instant(rs, "first_order_at"),
                rs.getInt("abandoned_carts"),
                Sql.nullableInt(rs, "store_rating"),
                rs.getInt("discounted_orders"),
                rs.getInt("wishlist_count"),
                rs.getInt("reviews_count"));
        return new CustomerSnapshot(rs.getLong("id"), customer, card);
    }

    private static CustomerSnapshot mapWithAnalytics(ResultSet rs, int row) throws SQLException {
        CustomerSnapshot snapshot = map(rs, row);
        return new CustomerSnapshot(
                snapshot.rowId(),
                snapshot.customer(),
                snapshot.card(),
                JdbcAnalyticsFields.map(rs),
                loyalty(rs),
                browsing(rs));
    }

    /** The loyalty standing of {@code loyalty_accounts} (migration V50); none for a customer who never had points. */
    private static LoyaltyStanding loyalty(ResultSet rs) throws SQLException {
        long points = rs.getLong("loyalty_points");
        if (rs.wasNull()) {
            return LoyaltyStanding.NONE;
        }
        return new LoyaltyStanding(
                points,
                rs.getLong("loyalty_pending"),
                rs.getLong("loyalty_lifetime"),
                rs.getString("loyalty_tier"),
                rs.getLong("loyalty_expiring"));
    }

    /** The browsing aggregates of the left join, or null when the customer was never seen browsing. */
    private static BrowsingStats browsing(ResultSet rs) throws SQLException {
        Instant lastSeen = Sql.instant(rs, "last_seen_at");
        return lastSeen == null
                ? null
                : new BrowsingStats(
                        lastSeen,
                        rs.getInt("sessions_30d"),
                        rs.getInt("page_views_30d"),
                        rs.getInt("product_views_30d"),
                        rs.getInt("sessions_total"),
                        new BrowsingStats.Viewed(
                                BrowsingStats.Viewed.days(rs.getString("viewed_product_days")),
                                BrowsingStats.Viewed.days(rs.getString("viewed_category_days"))));
    }
}
