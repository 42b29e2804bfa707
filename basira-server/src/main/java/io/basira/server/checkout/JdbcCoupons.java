package io.basira.server.checkout;

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
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A store's coupons and their counted uses. Codes are stored as {@link Coupon#normalize} gives them. */
public final class JdbcCoupons implements Coupons {

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
        java.util.Currency currency = currency(store);
        return jdbc.query(STATE, (rs, n) -> new CouponState(parse(currency, rs.getString("definition")), rs.getInt("used"),
                customerId == null ? 0 : rs.getInt("own")), customerId == null ? "" : customerId, store.value(), normal)
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
        OffsetDateTime now = now();
        jdbc.update("INSERT INTO checkout_coupons (store_id, code, definition, usage_limit, per_customer_limit, used, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)", store.id().value(), coupon.code(),
                write(coupon), coupon.usageLimit(), coupon.perCustomerLimit(), now, now);
        return true;
    }

    /** Replaces the terms; the uses counted so far stay. @return false when there is no such coupon */
    boolean update(StoreId store, Coupon coupon) {
        return jdbc.update("UPDATE checkout_coupons SET definition = ?, usage_limit = ?, per_customer_limit = ?, "
                + "updated_at = ? WHERE store_id = ? AND code = ?", write(coupon), coupon.usageLimit(),
                coupon.perCustomerLimit(), now(), store.value(), coupon.code()) == 1;
    }

    /** Deletes the coupon and its redemptions. */
    boolean delete(StoreId store, String code) {
        jdbc.update("DELETE FROM checkout_redemptions WHERE store_id = ? AND code = ?", store.value(),
                Coupon.normalize(code));
        return jdbc.update("DELETE FROM checkout_coupons WHERE store_id = ? AND code = ?", store.value(),
                Coupon.normalize(code)) == 1;
    }

    private String write(Coupon coupon) {
        return json.writeValueAsString(CheckoutJson.json(coupon));
    }

    private Coupon parse(java.util.Currency currency, String definition) {
        return CheckoutJson.coupon(JsonFields.asMap(json.readValue(definition, Map.class), "stored coupon"), currency);
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
