package io.basira.loyalty;

import io.basira.shared.StoreId;
import java.util.Optional;

/** Port: each store's loyalty program. */
public interface LoyaltyPrograms {

    /** The store's program; empty when the store never set one up (then loyalty is off). */
    Optional<LoyaltyProgram> of(StoreId store);

    /**
     * Stores the program. A standing the store's accounts keep ({@link KeptStanding}) that the save may make wrong is
     * no longer trusted from then on: every one when the terms of a standing change (tiers, their basis, expiry), and
     * when a program switched off is switched on again at least those whose customers' completed orders changed
     * while it was off (nothing kept them up to date then).
     */
    void save(StoreId store, LoyaltyProgram program);

    /** The store-local date whose midnight work was done last; null when never. */
    java.time.LocalDate lastNight(StoreId store);

    void markNight(StoreId store, java.time.LocalDate date);
}
