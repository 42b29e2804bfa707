package io.basira.server.checkout.jdbc;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.basira.checkout.Coupon;
import io.basira.checkout.CouponState;
import io.basira.checkout.Coupons;
import io.basira.server.checkout.api.CheckoutJson;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store's coupons and their counted uses. Codes are stored as {@link Coupon#normalize} gives them.
 *
 * <p>{@link #find} answers checkout decisions from memory: a coupon — its terms, its counted uses and, when it
 * limits uses per customer, each customer's (read with it, in one query, up to {@link #REDEEMERS_REMEMBERED}
 * customers; beyond that per customer asking) — is kept for at most {@link JdbcCheckoutPolicies#TRUSTED_FOR}
 * after it was read (refreshed in the background once half of that has passed, so a busy coupon never makes a
 * decision wait on the database, nor does a new customer asking about it). A change
 * through this instance — the coupon's terms, a use taken or given back by an order — is seen by the
 * next decision after its commit; a change through another instance within that second. The decision
 * only advises: the usage limits are enforced when the order is written ({@link JdbcCouponRedemptions}).
 */
public final class JdbcCoupons implements Coupons {

    /** One customer's view of one coupon ({@code customer} empty for an anonymous visitor). */
    private record Asked(StoreId store, String code, String customer, long generation) {}

    /** One coupon of one store as remembered since its last change ({@code generation}). */
    private record Remembered(StoreId store, String code, long generation) {}

    /**
     * A coupon's row and, when it has a per-customer limit and at most {@code redeemersRemembered} customers used it,
     * every such customer's counted uses ({@code null} otherwise: a customer's uses are then read per customer).
     */
    private record CouponRow(Coupon coupon, int used, Map<String, Integer> usesByCustomer) {}

    /**
     * The most customers whose uses of one coupon are read with the coupon itself, so that a customer who never
     * used it (nearly every customer asking) costs no read of their own.
     */
    static final int REDEEMERS_REMEMBERED = 20_000;

    /** One coupon of one store. */
    private record CouponKey(StoreId store, String code) {}

    /** Enough for every customer of a busy store asking about its running coupons within a second. */
    private static final int REMEMBERED_STATES = 100_000;

    /** A coupon with its counts, as listed by the API. */
    public record Listed(Coupon coupon, int used, int overLimit) {}

    private static final String ROW = "SELECT definition, used FROM checkout_coupons WHERE store_id = ? AND code = ?";
    private static final String REDEEMERS = "SELECT customer_external_id, COUNT(*) AS uses FROM checkout_redemptions "
            + "WHERE store_id = ? AND code = ? AND state = 'counted' GROUP BY customer_external_id";
    private static final String OWN = "SELECT COUNT(*) FROM checkout_redemptions WHERE store_id = ? AND code = ? "
            + "AND customer_external_id = ? AND state = 'counted'";
    private static final String LISTED = "SELECT c.definition, c.used, (SELECT COUNT(*) FROM checkout_redemptions r "
            + "WHERE r.store_id = c.store_id AND r.code = c.code AND r.state <> 'counted') AS over_limit "
            + "FROM checkout_coupons c WHERE c.store_id = ?";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final int redeemersRemembered;
    private final Map<StoreId, java.util.Currency> currencies = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The background re-reads run on one thread of their own: Caffeine's default, the common fork-join pool,
     * has a parallelism of 1 on a 2-core machine, where CompletableFuture starts a new thread per task
     * instead — a thread per refresh on the request path, which made decisions wait.
     */
    private static final Executor REFRESHES = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "basira-coupon-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /** Per coupon, how often it was forgotten; part of the key of its remembered states. */
    private final Map<CouponKey, Long> generations = new java.util.concurrent.ConcurrentHashMap<>();

    private final LoadingCache<Remembered, Optional<CouponRow>> rows = Caffeine.newBuilder()
            .executor(REFRESHES)
            .maximumSize(REMEMBERED_STATES)
            .expireAfterWrite(JdbcCheckoutPolicies.TRUSTED_FOR)
            .refreshAfterWrite(JdbcCheckoutPolicies.TRUSTED_FOR.dividedBy(2))
            .build(this::readRow);
    /** A customer's uses of a coupon with more redeemers than {@link #REDEEMERS_REMEMBERED}. */
    private final LoadingCache<Asked, Integer> ownUses = Caffeine.newBuilder()
            .executor(REFRESHES)
            .maximumSize(REMEMBERED_STATES)
            .expireAfterWrite(JdbcCheckoutPolicies.TRUSTED_FOR)
            .refreshAfterWrite(JdbcCheckoutPolicies.TRUSTED_FOR.dividedBy(2))
            .build(this::readOwnUses);

    public JdbcCoupons(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this(jdbc, json, clock, REDEEMERS_REMEMBERED);
    }

    /** @param redeemersRemembered the most customers whose uses of one coupon are read with it */
    public JdbcCoupons(JdbcTemplate jdbc, JsonMapper json, Clock clock, int redeemersRemembered) {
        this.redeemersRemembered = redeemersRemembered;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Optional<CouponState> find(StoreId store, String code, String customerId) {
        if (code == null) {
            return Optional.empty();
        }
        String normal = Coupon.normalize(code);
        long generation = generations.getOrDefault(new CouponKey(store, normal), 0L);
        Optional<CouponRow> found = rows.get(new Remembered(store, normal, generation));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CouponRow row = found.get();
        int own;
        if (customerId == null || customerId.isEmpty() || row.coupon().perCustomerLimit() == null) {
            own = 0;
        } else if (row.usesByCustomer() != null) {
            own = row.usesByCustomer().getOrDefault(customerId, 0);
        } else {
            own = ownUses.get(new Asked(store, normal, customerId, generation));
        }
        return Optional.of(new CouponState(row.coupon(), row.used(), own));
    }

    /**
     * Forgets what {@link #find} remembers of this coupon now and again once the changing transaction
     * ended (a decision in between may remember the old state); call it in the transaction that
     * changes the coupon or its uses.
     */
    public void forgetWhenCommitted(StoreId store, String code) {
        String normal = Coupon.normalize(code);
        forget(store, normal);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(store, normal);
                }
            });
        }
    }

    /**
     * Forgets everything remembered of this customer of the store (after the customer was erased): the store's
     * coupons, whose remembered redeemers name customers, and the customer's own uses.
     */
    public void forgetCustomer(StoreId store, String customerId) {
        rows.asMap().keySet().removeIf(coupon -> coupon.store().equals(store));
        ownUses.asMap()
                .keySet()
                .removeIf(
                        asked -> asked.store().equals(store) && asked.customer().equals(customerId));
    }

    /**
     * Moves the coupon's generation, which every remembered state is keyed by: the states of the old one are no
     * longer found (and leave the memory within a second), at no cost on the writer's path.
     */
    private void forget(StoreId store, String code) {
        generations.merge(new CouponKey(store, code), 1L, Long::sum);
    }

    private Optional<CouponRow> readRow(Remembered asked) {
        java.util.Currency currency = currency(asked.store());
        Optional<CouponRow> row = jdbc
                .query(
                        ROW,
                        (rs, n) -> new CouponRow(parse(currency, rs.getString("definition")), rs.getInt("used"), null),
                        asked.store().value(),
                        asked.code())
                .stream()
                .findFirst();
        if (row.isEmpty() || row.get().coupon().perCustomerLimit() == null) {
            return row;
        }
        Map<String, Integer> uses = new java.util.HashMap<>();
        jdbc.query(
                ps -> {
                    var statement = ps.prepareStatement(REDEEMERS);
                    statement.setMaxRows(redeemersRemembered + 1);
                    statement.setLong(1, asked.store().value());
                    statement.setString(2, asked.code());
                    return statement;
                },
                rs -> {
                    uses.put(rs.getString(1), rs.getInt(2));
                });
        return Optional.of(new CouponRow(
                row.get().coupon(), row.get().used(), uses.size() > redeemersRemembered ? null : Map.copyOf(uses)));
    }

    private int readOwnUses(Asked asked) {
        Integer own = jdbc.queryForObject(OWN, Integer.class, asked.store().value(), asked.code(), asked.customer());
        return own == null ? 0 : own;
    }

    public List<Listed> list(StoreId store) {
        java.util.Currency currency = currency(store);
        return jdbc.query(
                LISTED + " ORDER BY c.code",
                (rs, n) -> new Listed(
                        parse(currency, rs.getString("definition")), rs.getInt("used"), rs.getInt("over_limit")),
                store.value());
    }

    public Optional<Listed> get(StoreId store, String code) {
        java.util.Currency currency = currency(store);
        return jdbc
                .query(
                        LISTED + " AND c.code = ?",
                        (rs, n) -> new Listed(
                                parse(currency, rs.getString("definition")),
                                rs.getInt("used"),
                                rs.getInt("over_limit")),
                        store.value(),
                        Coupon.normalize(code))
                .stream()
                .findFirst();
    }

    /** @return false when the store already has a coupon with this code */
    public boolean create(Store store, Coupon coupon) {
        if (get(store.id(), coupon.code()).isPresent()) {
            return false;
        }
        forgetWhenCommitted(store.id(), coupon.code());
        OffsetDateTime now = now();
        jdbc.update(
                "INSERT INTO checkout_coupons (store_id, code, definition, usage_limit, per_customer_limit, used, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
                store.id().value(),
                coupon.code(),
                write(coupon),
                coupon.usageLimit(),
                coupon.perCustomerLimit(),
                now,
                now);
        return true;
    }

    /** Replaces the terms; the uses counted so far stay. @return false when there is no such coupon */
    public boolean update(StoreId store, Coupon coupon) {
        forgetWhenCommitted(store, coupon.code());
        return jdbc.update(
                        "UPDATE checkout_coupons SET definition = ?, usage_limit = ?, per_customer_limit = ?, "
                                + "updated_at = ? WHERE store_id = ? AND code = ?",
                        write(coupon),
                        coupon.usageLimit(),
                        coupon.perCustomerLimit(),
                        now(),
                        store.value(),
                        coupon.code())
                == 1;
    }

    /** Deletes the coupon and its redemptions. */
    public boolean delete(StoreId store, String code) {
        forgetWhenCommitted(store, code);
        jdbc.update(
                "DELETE FROM checkout_redemptions WHERE store_id = ? AND code = ?",
                store.value(),
                Coupon.normalize(code));
        return jdbc.update(
                        "DELETE FROM checkout_coupons WHERE store_id = ? AND code = ?",
                        store.value(),
                        Coupon.normalize(code))
                == 1;
    }

    private String write(Coupon coupon) {
        return json.writeValueAsString(CheckoutJson.json(coupon));
    }

    private Coupon parse(java.util.Currency currency, String definition) {
        return CheckoutJson.coupon(CheckoutJson.stored(json, definition), currency);
    }

    /**
     * A store's currency never changes, so it is looked up once per store. Called before a query,
     * never from its row mapper: a look-up there would take a second connection while the query
     * holds one (and, under computeIfAbsent, make other readers wait holding theirs), which drains
     * the pool under concurrent decisions.
     */
    private java.util.Currency currency(StoreId store) {
        return currencies.computeIfAbsent(
                store,
                id -> java.util.Currency.getInstance(
                        jdbc.queryForObject("SELECT currency FROM stores WHERE id = ?", String.class, id.value())
                                .strip()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
