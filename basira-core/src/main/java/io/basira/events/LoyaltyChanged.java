package io.basira.events;

import io.basira.shared.StoreId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loyalty facts of one change (docs/loyalty.md, "Events"): points earned by customers ({@code earned},
 * customer id to points, only positive earnings), tier changes ({@code tierMoves}) and points about to expire
 * ({@code expiring}). Published by the loyalty use cases in the transaction that writes the ledger; the
 * webhooks {@code loyalty.points_earned}, {@code loyalty.tier_changed} and {@code loyalty.points_expiring}
 * are made from it.
 */
public record LoyaltyChanged(StoreId store, Map<String, Long> earned, List<TierMove> tierMoves, List<Expiring> expiring)
        implements DomainEvent {

    public LoyaltyChanged {
        Objects.requireNonNull(store, "store");
        earned = Map.copyOf(earned);
        tierMoves = List.copyOf(tierMoves);
        expiring = List.copyOf(expiring);
    }

    public boolean isEmpty() {
        return earned.isEmpty() && tierMoves.isEmpty() && expiring.isEmpty();
    }

    @Override
    public String type() {
        return "loyalty_changed";
    }

    /** A customer's tier changed from {@code from} to {@code to} (either null: no tier). */
    public record TierMove(String customerId, String from, String to) {}

    /** {@code points} of a customer expire on {@code on} (the store's date) unless they buy before. */
    public record Expiring(String customerId, long points, LocalDate on) {}
}
