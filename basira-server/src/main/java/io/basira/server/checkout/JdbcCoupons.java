package io.basira.server.checkout;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.basira.checkout.Coupon;
import io.basira.checkout.CouponState;
import io.basira.checkout.Coupons;
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
 * <p>{@link #find} answers checkout decisions from memory: a coupon's state for one customer is kept for
 * at most {@link JdbcCheckoutPolicies#TRUSTED_FOR} after it was read (refreshed in the background once
 * half of that has passed, so a busy coupon never makes a decision wait on the database). A change
 * through this instance — the coupon's terms, a use taken or given back by an order — is seen by the
 * next decision after its commit; a change through another instance within that second. The decision
 * only advises: the usage limits are enforced when the order is written ({@link JdbcCouponRedemptions}).
 */
public final class JdbcCoupons implements Coupons {

    /** One customer's view of one coupon ({@code customer} empty for an anonymous visitor). */
    private record Asked(StoreId store, String code, String customer, long generation) {}

    /** One coupon of one store. */
    private record CouponKey(StoreId store, String code) {}

    /** Enough for every customer of a busy store asking about its running coupons within a second. */
    private static final int REMEMBERED_STATES = 100_000;

    /** A coupon with its counts, as listed by the API. */
    record Listed(Coupon coupon, int used, int overLimit) {}

    private static final String STATE = "SELECT c.definition, c.used, (SELECT COUNT(*) FROM checkout_redemptions r "
            + "WHERE r.store_id = c.store_id AND r.code = c.code AND r.customer_external_id = ? AND r.state = 'counted') "
            + "AS own FROM checkout_coupons c WHERE c.store_id = ? AND c.code = ?";
    private static final String LISTED = "SELECT c.definition, c.used, (SELECT COUNT(*) FROM checkout_redemptions r "
            + "WHERE r.store_id = c.store_id AND r.code = c.code AND r.state <> 'counted') AS over_limit "
            + "FROM checkout_coupons c WHERE c.store_id = ?";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
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
    private final LoadingCache<Asked, Optional<CouponState>> states = Caffeine.newBuilder()
            .executor(REFRESHES)
            .maximumSize(REMEMBERED_STATES)
            .expireAfterWrite(JdbcCheckoutPolicies.TRUSTED_FOR)
            .refreshAfterWrite(JdbcCheckoutPolicies.TRUSTED_FOR.dividedBy(2))
            .build(this::read);

    public JdbcCoupons(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
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
        return states.get(new Asked(store, normal, customerId == null ? "" : customerId, generation));
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

    /** Forgets every coupon state remembered for this customer of the store (after the customer was erased). */
    public void forgetCustomer(StoreId store, String customerId) {
        states.asMap().keySet().removeIf(asked -> asked.store().equals(store) && asked.customer().equals(customerId));
    }

    /**
     * Moves the coupon's generation, which every remembered state is keyed by: the states of the old one are no
     * longer found (and leave the memory within a second), at no cost on the writer's path.
     */
    private void forget(StoreId store, String code) {
        generations.merge(new CouponKey(store, code), 1L, Long::sum);
    }

    private Optional<CouponState> read(Asked asked) {
        java.util.Currency currency = currency(asked.store());
        boolean anonymous = asked.customer().isEmpty();
        return jdbc.query(STATE, (rs, n) -> new CouponState(parse(currency, rs.getString("definition")), rs.getInt("used"),
                anonymous ? 0 : rs.getInt("own")), asked.customer(), asked.store().value(), asked.code())
                .stream().findFirst();
    }

    List<Listed> list(StoreId store) {
        java.util.Currency currency = currency(store);
        return jdbc.query(LISTED + " ORDER BY c.code", (rs, n) -> new Listed(parse(currency, rs.getString("definition")),
                rs.getInt("used"), rs.getInt("over_limit")), store.value());
    }

    Optional<Listed> get(StoreId store, String code) {
        java.util.Currency currency = currency(store);
        return jdbc.query(LISTED + " AND c.code = ?", (rs, n) -> new Listed(parse(currency, rs.getString("definition")),
                rs.getInt("used"), rs.getInt("over_limit")), store.value(), Coupon.normalize(code)).stream().findFirst();
    }

    /** @return false when the store already has a coupon with this code */
    boolean create(Store store, Coupon coupon) {
        if (get(store.id(), coupon.code()).isPresent()) {
            return false;
        }
        forgetWhenCommitted(store.id(), coupon.code());
        OffsetDateTime now = now();
        jdbc.update("INSERT INTO checkout_coupons (store_id, code, definition, usage_limit, per_customer_limit, used, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)", store.id().value(), coupon.code(),
                write(coupon), coupon.usageLimit(), coupon.perCustomerLimit(), now, now);
        return true;
    }

    /** Replaces the terms; the uses counted so far stay. @return false when there is no such coupon */
    boolean update(StoreId store, Coupon coupon) {
        forgetWhenCommitted(store, coupon.code());
        return jdbc.update("UPDATE checkout_coupons SET definition = ?, usage_limit = ?, per_customer_limit = ?, "
                + "updated_at = ? WHERE store_id = ? AND code = ?", write(coupon), coupon.usageLimit(),
                coupon.perCustomerLimit(), now(), store.value(), coupon.code()) == 1;
    }

    /** Deletes the coupon and its redemptions. */
    boolean delete(StoreId store, String code) {
        forgetWhenCommitted(store, code);
        jdbc.update("DELETE FROM checkout_redemptions WHERE store_id = ? AND code = ?", store.value(),
                Coupon.normalize(code));
        return jdbc.update("DELETE FROM checkout_coupons WHERE store_id = ? AND code = ?", store.value(),
                Coupon.normalize(code)) == 1;
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
        return currencies.computeIfAbsent(store, id -> java.util.Currency.getInstance(jdbc.queryForObject(
                "SELECT currency FROM stores WHERE id = ?", String.class, id.value()).strip()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
