package io.basira.server.loyalty.jdbc;

import io.basira.card.LoyaltyStanding;
import io.basira.loyalty.Account;
import io.basira.loyalty.Cause;
import io.basira.loyalty.KeptStanding;
import io.basira.loyalty.LedgerEntry;
import io.basira.loyalty.LoyaltyLedgers;
import io.basira.server.loyalty.api.LoyaltyAnswers;
import io.basira.server.platform.jdbc.ColumnArrays;
import io.basira.server.platform.jdbc.Sql;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.shared.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The points ledgers ({@code loyalty_ledger}, only ever inserted into) and accounts ({@code loyalty_accounts}:
 * the lock of a customer's points and their standing). Every statement is scoped to one store.
 *
 * <p>For the privacy registry: {@link #exportCustomer} gives every loyalty row of one customer and
 * {@link #eraseCustomer} de-identifies them.
 */
public final class JdbcLoyaltyLedgers implements LoyaltyLedgers {

    private static final String ENTRY_COLUMNS = "customer_external_id, cause, ref, points, shortfall, "
            + "multiplier_permille, available_at, recorded_at, actor, reason";
    private static final String KEPT_COLUMNS =
            "points, pending, lifetime_points, tier, expiring_30d, kept_basis, kept_last_purchase_at, kept_until";
    private static final String JOINED_KEPT_COLUMNS = "a.points, a.pending, a.lifetime_points, a.tier, a.expiring_30d,"
            + " a.kept_basis, a.kept_last_purchase_at, a.kept_until";
    private static final String JOINED_ENTRY_COLUMNS = "l.customer_external_id, l.cause, l.ref, l.points, l.shortfall,"
            + " l.multiplier_permille, l.available_at, l.recorded_at, l.actor, l.reason";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final JdbcTemplate streaming;

    public JdbcLoyaltyLedgers(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.streaming = Sql.streaming(jdbc.getDataSource());
    }

    @Override
    public Map<String, Account> lock(StoreId store, Collection<String> customerIds) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(customerIds));
        if (dialect == SqlDialect.H2) {
            mergeOnH2(store, sorted);
            return readOnH2(store, sorted);
        }
        insertMissing(store, sorted);
        return readOnPostgres(store, sorted, " FOR UPDATE");
    }

    /**
     * The accounts' lock as {@link #lock} takes it, then the standings they keep, without their ledgers: on H2 one
     * statement per 500 customers from the list of customers (as {@link #readOnH2}), on PostgreSQL the
     * {@code SELECT … FOR UPDATE} itself.
     */
    @Override
    public Map<String, KeptStanding> lockKept(StoreId store, Collection<String> customerIds) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(customerIds));
        Map<String, KeptStanding> kept = new HashMap<>();
        if (dialect == SqlDialect.H2) {
            mergeOnH2(store, sorted);
            for (List<String> chunk : Sql.chunks(sorted, Sql.IN_CHUNK)) {
                jdbc.query(
                        keptOnH2(chunk.size()),
                        rs -> {
                            if (rs.getObject("points") != null) {
                                kept.put(rs.getString("account"), kept(rs));
                            }
                        },
                        idsThenStore(chunk, store));
            }
            return kept;
        }
        insertMissing(store, sorted);
        Sql.queryByIds(
                jdbc,
                "SELECT customer_external_id AS account, " + KEPT_COLUMNS + " FROM loyalty_accounts"
                        + " WHERE store_id = ? AND customer_external_id IN",
                " ORDER BY customer_external_id FOR UPDATE",
                store.value(),
                sorted,
                rs -> {
                    kept.put(rs.getString("account"), kept(rs));
                });
        return kept;
    }

    /** H2: the kept standings of {@code n} customers (ids, store), from the list of customers as {@link #readOnH2}. */
    static String keptOnH2(int n) {
        return "SELECT ids.id AS account, " + JOINED_KEPT_COLUMNS + " FROM " + idsTable(n)
                + " LEFT JOIN loyalty_accounts a ON a.store_id = ? AND a.customer_external_id = ids.id";
    }

    @Override
    public Map<String, Account> readLocked(StoreId store, Collection<String> customerIds) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(customerIds));
        return dialect == SqlDialect.H2 ? readOnH2(store, sorted) : readOnPostgres(store, sorted, "");
    }

    private static KeptStanding kept(ResultSet rs) throws SQLException {
        return new KeptStanding(
                new LoyaltyStanding(
                        rs.getLong("points"),
                        rs.getLong("pending"),
                        rs.getLong("lifetime_points"),
                        rs.getString("tier"),
                        rs.getLong("expiring_30d")),
                rs.getLong("kept_basis"),
                Sql.instant(rs, "kept_last_purchase_at"),
                Sql.instant(rs, "kept_until"));
    }

    /** PostgreSQL: creates the accounts missing (their lock is then taken by reading them {@code FOR UPDATE}). */
    private void insertMissing(StoreId store, List<String> sorted) {
        jdbc.batchUpdate(
                "INSERT INTO loyalty_accounts (store_id, customer_external_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                sorted.stream().map(c -> new Object[] {store.value(), c}).toList());
    }

    /** PostgreSQL: the accounts' tiers (with {@code lock}: {@code FOR UPDATE}, in customer order) and ledgers. */
    private Map<String, Account> readOnPostgres(StoreId store, List<String> sorted, String lock) {
        Map<String, String> tiers = new LinkedHashMap<>();
        Sql.queryByIds(
                jdbc,
                "SELECT customer_external_id, tier FROM loyalty_accounts WHERE store_id = ?"
                        + " AND customer_external_id IN",
                " ORDER BY customer_external_id" + lock,
                store.value(),
                sorted,
                rs -> {
                    tiers.put(rs.getString(1), rs.getString(2));
                });
        Map<String, List<LedgerEntry>> entries = new HashMap<>();
        Sql.queryByIds(
                jdbc,
                "SELECT " + ENTRY_COLUMNS + " FROM loyalty_ledger WHERE store_id = ?" + " AND customer_external_id IN",
                " ORDER BY id",
                store.value(),
                sorted,
                rs -> {
                    LedgerEntry entry = entry(rs);
                    entries.computeIfAbsent(entry.customerId(), c -> new ArrayList<>())
                            .add(entry);
                });
        return accounts(sorted, entries, tiers);
    }

    /**
     * H2: the {@code MERGE} is the lock. H2 locks every row a statement updates until the transaction ends, an
     * unchanged one too, and the batch runs in customer order; a {@code SELECT … FOR UPDATE} after it would only
     * lock them again.
     */
    private void mergeOnH2(StoreId store, List<String> sorted) {
        jdbc.batchUpdate(
                "MERGE INTO loyalty_accounts (store_id, customer_external_id) KEY (store_id, customer_external_id)"
                        + " VALUES (?, ?)",
                sorted.stream().map(c -> new Object[] {store.value(), c}).toList());
    }

    /**
     * H2: the accounts' tiers and ledgers, read in one statement whose plan does not depend on H2's estimates: it
     * starts from the list of customers (a {@code LEFT JOIN}: H2 does not reorder outer joins), finds each account
     * by its primary key and each ledger by {@code loyalty_ledger_customer} ({@code USE INDEX}). H2 plans a
     * statement once per connection and keeps the plan while the connection lives: planned while the tables were
     * empty (a new store, a server just started, accounts being created by {@code loyalty rebuild --repair}) an
     * inner join read the store's whole ledger, or every account, for each chunk of customers, so a write's cost
     * grew with the store's ledger and seeding a 100,000-customer store was still locking after 12 minutes.
     */
    private Map<String, Account> readOnH2(StoreId store, List<String> sorted) {
        Map<String, String> tiers = new HashMap<>();
        Map<String, List<LedgerEntry>> entries = new HashMap<>();
        for (List<String> chunk : Sql.chunks(sorted, Sql.IN_CHUNK)) {
            Object[] args = new Object[chunk.size() + 2];
            System.arraycopy(idsThenStore(chunk, store), 0, args, 0, chunk.size() + 1);
            args[chunk.size() + 1] = store.value();
            jdbc.query(
                    accountsOnH2(chunk.size()),
                    rs -> {
                        String account = rs.getString("account");
                        tiers.putIfAbsent(account, rs.getString("tier"));
                        if (rs.getString("cause") != null) {
                            entries.computeIfAbsent(account, c -> new ArrayList<>())
                                    .add(entry(rs));
                        }
                    },
                    args);
        }
        return accounts(sorted, entries, tiers);
    }

    /** H2: the tiers and ledgers of {@code n} customers (ids, store, store), by the plan {@link #readOnH2} says. */
    static String accountsOnH2(int n) {
        return "SELECT ids.id AS account, a.tier, " + JOINED_ENTRY_COLUMNS + " FROM " + idsTable(n)
                + " LEFT JOIN loyalty_accounts a ON a.store_id = ? AND a.customer_external_id = ids.id"
                + " LEFT JOIN loyalty_ledger l USE INDEX (loyalty_ledger_customer) ON l.store_id = ?"
                + " AND l.customer_external_id = ids.id ORDER BY l.id";
    }

    private static Map<String, Account> accounts(
            List<String> sorted, Map<String, List<LedgerEntry>> entries, Map<String, String> tiers) {
        Map<String, Account> accounts = new TreeMap<>();
        for (String customer : sorted) {
            accounts.put(
                    customer, new Account(customer, entries.getOrDefault(customer, List.of()), tiers.get(customer)));
        }
        return accounts;
    }

    /**
     * On PostgreSQL one {@code INSERT … SELECT FROM unnest} of every entry, in the order given (the ledger's ids are
     * the order entries were appended in): the driver's rewritten batch was three statements for 100 entries, each of
     * its 1,200 values bound through its own conversion (a timestamp to text twice an entry). On H2 a batch.
     */
    @Override
    public void append(StoreId store, Collection<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (dialect == SqlDialect.POSTGRESQL) {
            appendOnPostgres(store, List.copyOf(entries));
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO loyalty_ledger (store_id, " + ENTRY_COLUMNS + ", once_key) VALUES (?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?)",
                entries.stream()
                        .map(e -> new Object[] {
                            store.value(),
                            e.customerId(),
                            e.cause().code(),
                            e.ref(),
                            e.points(),
                            e.shortfall(),
                            e.multiplierPermille(),
                            Sql.utc(e.availableAt()),
                            Sql.utc(e.recordedAt()),
                            e.actor(),
                            e.reason(),
                            e.cause().ofAnOrder() ? null : e.cause().code() + ":" + e.ref()
                        })
                        .toList());
    }

    private void appendOnPostgres(StoreId store, List<LedgerEntry> entries) {
        ColumnArrays<LedgerEntry> columns = ColumnArrays.<LedgerEntry>of()
                .text("customer", LedgerEntry::customerId)
                .text("cause", e -> e.cause().code())
                .text("ref", LedgerEntry::ref)
                .bigint("points", LedgerEntry::points)
                .bigint("shortfall", LedgerEntry::shortfall)
                .integer("multiplier", LedgerEntry::multiplierPermille)
                .timestamptz("available_at", LedgerEntry::availableAt)
                .timestamptz("recorded_at", LedgerEntry::recordedAt)
                .text("actor", LedgerEntry::actor)
                .text("reason", LedgerEntry::reason)
                .text("once_key", e -> e.cause().ofAnOrder() ? null : e.cause().code() + ":" + e.ref());
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO loyalty_ledger (store_id, " + ENTRY_COLUMNS
                    + ", once_key) SELECT ?, v.customer, v.cause, v.ref, v.points, v.shortfall, v.multiplier,"
                    + " v.available_at, v.recorded_at, v.actor, v.reason, v.once_key"
                    + " FROM " + columns.unnestWithOrdinality("v", "n") + " ORDER BY v.n");
            ps.setLong(1, store.value());
            columns.bind(ps, 2, entries);
            return ps;
        });
    }

    /**
     * On PostgreSQL one statement for every standing, its values bound as arrays: as a JDBC batch each account's
     * {@code UPDATE} was a bind and an execution of its own, about 30 µs of the database's time apiece — for a bulk
     * of 100 new orders, more than the rest of what earning costs there. On H2 (in the process, no round trips) a
     * batch.
     */
    @Override
    public void saveStandings(StoreId store, Map<String, KeptStanding> standings) {
        if (standings.isEmpty()) {
            return;
        }
        Map<String, KeptStanding> sorted = new TreeMap<>(standings);
        if (dialect == SqlDialect.POSTGRESQL) {
            saveStandingsOnPostgres(store, sorted);
            return;
        }
        jdbc.batchUpdate(
                "UPDATE loyalty_accounts SET points = ?, pending = ?, lifetime_points = ?, tier = ?, expiring_30d = ?,"
                        + " kept_basis = ?, kept_last_purchase_at = ?, kept_until = ?"
                        + " WHERE store_id = ? AND customer_external_id = ?",
                sorted.entrySet().stream()
                        .map(e -> new Object[] {
                            e.getValue().card().points(),
                            e.getValue().card().pending(),
                            e.getValue().card().lifetime(),
                            e.getValue().card().tier(),
                            e.getValue().card().expiring30d(),
                            e.getValue().basis(),
                            Sql.utc(e.getValue().lastPurchaseAt()),
                            Sql.utc(e.getValue().validUntil()),
                            store.value(),
                            e.getKey()
                        })
                        .toList());
    }

    /** The standings in customer order (the order their accounts were locked in), as one {@code UPDATE … FROM unnest}. */
    private void saveStandingsOnPostgres(StoreId store, Map<String, KeptStanding> sorted) {
        ColumnArrays<Map.Entry<String, KeptStanding>> columns = ColumnArrays.<Map.Entry<String, KeptStanding>>of()
                .text("customer", Map.Entry::getKey)
                .bigint("points", e -> e.getValue().card().points())
                .bigint("pending", e -> e.getValue().card().pending())
                .bigint("lifetime", e -> e.getValue().card().lifetime())
                .text("tier", e -> e.getValue().card().tier())
                .bigint("expiring", e -> e.getValue().card().expiring30d())
                .bigint("basis", e -> e.getValue().basis())
                .timestamptz("last_purchase", e -> e.getValue().lastPurchaseAt())
                .timestamptz("valid_until", e -> e.getValue().validUntil());
        List<Map.Entry<String, KeptStanding>> rows = new ArrayList<>(sorted.entrySet());
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("UPDATE loyalty_accounts a SET points = v.points,"
                    + " pending = v.pending, lifetime_points = v.lifetime, tier = v.tier,"
                    + " expiring_30d = v.expiring, kept_basis = v.basis,"
                    + " kept_last_purchase_at = v.last_purchase, kept_until = v.valid_until"
                    + " FROM " + columns.unnest("v")
                    + " WHERE a.store_id = ? AND a.customer_external_id = v.customer");
            int next = columns.bind(ps, 1, rows);
            ps.setLong(next, store.value());
            return ps;
        });
    }

    @Override
    public void forEachAccount(StoreId store, Consumer<Account> sink) {
        String[] current = {null, null};
        List<LedgerEntry> entries = new ArrayList<>();
        streaming.query(
                Sql.binaryRows(
                        "SELECT a.customer_external_id AS account, a.tier, l.cause, l.customer_external_id, l.ref,"
                                + " l.points, l.shortfall, l.multiplier_permille, l.available_at, l.recorded_at,"
                                + " l.actor, l.reason FROM loyalty_accounts a LEFT JOIN loyalty_ledger l"
                                + " ON l.store_id = a.store_id AND l.customer_external_id = a.customer_external_id"
                                + " WHERE a.store_id = ? ORDER BY a.customer_external_id, l.id",
                        store.value()),
                rs -> {
                    String account = rs.getString("account");
                    if (!account.equals(current[0])) {
                        if (current[0] != null) {
                            sink.accept(new Account(current[0], entries, current[1]));
                        }
                        entries.clear();
                        current[0] = account;
                        current[1] = rs.getString("tier");
                    }
                    if (rs.getString("cause") != null) {
                        entries.add(entry(rs));
                    }
                });
        if (current[0] != null) {
            sink.accept(new Account(current[0], entries, current[1]));
        }
    }

    /** A customer's stored standing (the card fields); {@link LoyaltyStanding#NONE} without an account. */
    public LoyaltyStanding standing(StoreId store, String customerId) {
        return jdbc
                .query(
                        "SELECT points, pending, lifetime_points, tier, expiring_30d FROM loyalty_accounts"
                                + " WHERE store_id = ? AND customer_external_id = ?",
                        (rs, n) -> new LoyaltyStanding(
                                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5)),
                        store.value(),
                        customerId)
                .stream()
                .findFirst()
                .orElse(LoyaltyStanding.NONE);
    }

    /** A customer's ledger, oldest first (read, not locked). */
    public List<LedgerEntry> ledger(StoreId store, String customerId) {
        return jdbc.query(
                "SELECT " + ENTRY_COLUMNS + " FROM loyalty_ledger WHERE store_id = ? AND customer_external_id = ?"
                        + " ORDER BY id",
                (rs, n) -> entry(rs),
                store.value(),
                customerId);
    }

    /** Customers, available and pending points per tier (null: below every tier), by tier name. */
    public List<LoyaltyAnswers.TierCount> tierCounts(StoreId store) {
        return jdbc.query(
                "SELECT tier, COUNT(*), COALESCE(SUM(points), 0), COALESCE(SUM(pending), 0)"
                        + " FROM loyalty_accounts WHERE store_id = ? GROUP BY tier ORDER BY tier",
                (rs, n) -> new LoyaltyAnswers.TierCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                store.value());
    }

    /** Whether the store has this customer. */
    public boolean hasCustomer(StoreId store, String customerId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM customers WHERE store_id = ? AND external_id = ?",
                        Integer.class,
                        store.value(),
                        customerId)
                .isEmpty();
    }

    /** Every loyalty row of one customer, for a data export (privacy): the account, the ledger, the redemptions. */
    public Map<String, List<Map<String, Object>>> exportCustomer(StoreId store, String customerId) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put(
                "loyalty_accounts",
                jdbc.queryForList(
                        "SELECT customer_external_id, points, pending, lifetime_points,"
                                + " tier, expiring_30d FROM loyalty_accounts WHERE store_id = ? AND customer_external_id = ?",
                        store.value(),
                        customerId));
        rows.put(
                "loyalty_ledger",
                jdbc.queryForList(
                        "SELECT id, customer_external_id, cause, ref, points, shortfall,"
                                + " available_at, recorded_at, actor, reason FROM loyalty_ledger WHERE store_id = ?"
                                + " AND customer_external_id = ? ORDER BY id",
                        store.value(),
                        customerId));
        rows.put(
                "loyalty_redemptions",
                jdbc.queryForList(
                        "SELECT id, customer_external_id, reward, points, value_minor,"
                                + " coupon_code, product_id, state, created_at, order_external_id, order_created_at FROM loyalty_redemptions WHERE store_id = ?"
                                + " AND customer_external_id = ? ORDER BY created_at",
                        store.value(),
                        customerId));
        return rows;
    }

    /**
     * Erases one customer's loyalty data (privacy): the account, ledger and redemptions are moved to
     * {@code pseudonym} (so store totals such as the points liability stay whole) and free text (the reasons and
     * actors of adjustments) is removed. The only change ever made to ledger rows; made holding the account's lock.
     */
    public int eraseCustomer(StoreId store, String customerId, String pseudonym) {
        // the account's lock first, as every change of points takes it: a change that holds it (an adjustment, a
        // redemption, the midnight — they take no store lock) ends before the ledger is moved, so none of its entries
        // stays behind under the erased id, without its account
        jdbc.query(
                "SELECT customer_external_id FROM loyalty_accounts WHERE store_id = ? AND customer_external_id = ?"
                        + " FOR UPDATE",
                rs -> {},
                store.value(),
                customerId);
        int rows = jdbc.update(
                "UPDATE loyalty_ledger SET customer_external_id = ?, reason = NULL, actor = NULL"
                        + " WHERE store_id = ? AND customer_external_id = ?",
                pseudonym,
                store.value(),
                customerId);
        rows += jdbc.update(
                "UPDATE loyalty_redemptions SET customer_external_id = ? WHERE store_id = ?"
                        + " AND customer_external_id = ?",
                pseudonym,
                store.value(),
                customerId);
        rows += jdbc.update(
                "UPDATE loyalty_accounts SET customer_external_id = ? WHERE store_id = ?"
                        + " AND customer_external_id = ?",
                pseudonym,
                store.value(),
                customerId);
        return rows;
    }

    static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(
                rs.getString("customer_external_id"),
                Cause.fromCode(rs.getString("cause")),
                rs.getString("ref"),
                rs.getLong("points"),
                rs.getLong("shortfall"),
                rs.getInt("multiplier_permille"),
                Sql.instant(rs, "available_at"),
                Sql.instant(rs, "recorded_at"),
                rs.getString("actor"),
                rs.getString("reason"));
    }

    /**
     * For H2, the customers of a statement as a table to join ({@code ids.id}), ids bound first: H2 does not look
     * up an IN list on the second column of an index ({@code store_id, customer_external_id}), it reads every row
     * of the store and tests each against the list (a write's loyalty reads grew with the store), while a join
     * on a VALUES list looks each customer up. PostgreSQL uses the index for the IN list and keeps it.
     */
    static String idsTable(int n) {
        return "(VALUES " + String.join(", ", java.util.Collections.nCopies(n, "(CAST(? AS VARCHAR(128)))"))
                + ") AS ids(id)";
    }

    /** The arguments of a statement on {@link #idsTable}: the ids, then the store. */
    static Object[] idsThenStore(List<String> ids, StoreId store) {
        Object[] args = new Object[ids.size() + 1];
        for (int i = 0; i < ids.size(); i++) {
            args[i] = ids.get(i);
        }
        args[ids.size()] = store.value();
        return args;
    }

    static Object[] args(StoreId store, List<String> ids) {
        Object[] args = new Object[ids.size() + 1];
        args[0] = store.value();
        for (int i = 0; i < ids.size(); i++) {
            args[i + 1] = ids.get(i);
        }
        return args;
    }
}
