package io.basira.loyalty;

import io.basira.shared.StoreId;
import java.util.Optional;

/** Port: each store's loyalty program. */
public interface LoyaltyPrograms {

    /** The store's program; empty when the store never set one up (then loyalty is off). */
    Optional<LoyaltyProgram> of(StoreId store);

    /**
     * Stores the program. Every standing the store's accounts keep ({@link KeptStanding}) is no longer trusted from
     * then on: it was computed under the program before, and a program switched off kept nothing up to date.
     */
    void save(StoreId store, LoyaltyProgram program);

    /** The store-local date whose midnight work was done last; null when never. */
    java.time.LocalDate lastNight(StoreId store);

    void markNight(StoreId store, java.time.LocalDate date);
}
