package io.basira.loyalty;

import io.basira.shared.StoreId;
import java.util.List;
import java.util.Optional;

/** Port: the redemptions of a store, inside the caller's transaction. */
public interface Redemptions {

    void add(StoreId store, Redemption redemption);

    /** The redemption, locked until the transaction ends; empty when the store has none by that id. */
    Optional<Redemption> lock(StoreId store, String id);

    void update(StoreId store, Redemption redemption);

    /** The redemptions whose reward coupon has one of these codes, locked in code order until the transaction ends. */
    List<Redemption> lockByCoupons(StoreId store, java.util.Collection<String> couponCodes);

    /** A customer's redemptions, newest first. */
    List<Redemption> of(StoreId store, String customerId);
}
