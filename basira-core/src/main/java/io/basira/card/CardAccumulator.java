package io.basira.card;

import io.basira.commerce.Cart;
import io.basira.commerce.CartStatus;
import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.commerce.Review;
import java.time.Instant;

/**
 * Folds one customer's records into a {@link CustomerCard}: the single place where the indicator
 * definitions of docs/indicators.md are written down in code.
 *
 * <p>Feed it every current record of one customer, in any order, then call {@link #card()}. The
 * result does not depend on the order of the calls. Not thread-safe; use one per customer.
 *
 * <p>Incrementally: {@link #from(CustomerCard)} starts from a stored card, which holds the sufficient
 * aggregates of the customer's orders (counts, the sum in minor units, the latest completed and earliest
 * counted dates); {@link #addOrder} folds a new order version in and {@link #retractOrder} takes a stored
 * one out. Counts and sums retract exactly; a date extreme cannot be retracted when the order held it (the
 * next one is not in the card), so such a retraction leaves the accumulator {@link #isExact() inexact}: the
 * caller folds that customer again from its records. A card started from a stored card takes orders, carts
 * and wishlist items, never reviews (the store rating's tie-break id is not on the card).
 */
public final class CardAccumulator {

    private int orderCount;
    private long totalSpentMinor;
    private int cancelledOrders;
    private int returnedOrders;
    private Instant lastPurchaseAt;
    private Instant firstOrderAt;
    private int abandonedCarts;
    private Instant storeRatingAt;
    private String storeRatingReviewId;
    private Integer storeRating;
    private int discountedOrders;
    private int wishlistCount;
    private int reviewsCount;
    private boolean fromCard;
    private boolean exact = true;

    public CardAccumulator() {}

    /** Continues from a stored card, to fold order changes into it (see the class comment). */
    public static CardAccumulator from(CustomerCard card) {
        CardAccumulator fold = new CardAccumulator();
        fold.orderCount = card.orderCount();
        fold.totalSpentMinor = card.totalSpentMinor();
        fold.cancelledOrders = card.cancelledOrders();
        fold.returnedOrders = card.returnedOrders();
        fold.lastPurchaseAt = card.lastPurchaseAt();
        fold.firstOrderAt = card.firstOrderAt();
        fold.abandonedCarts = card.abandonedCarts();
        fold.storeRating = card.storeRating();
        fold.discountedOrders = card.discountedOrders();
        fold.wishlistCount = card.wishlistCount();
        fold.reviewsCount = card.reviewsCount();
        fold.fromCard = true;
        return fold;
    }

    public CardAccumulator add(Order order) {
        return addOrder(order.status(), order.createdAt(), order.total().minor(), order.isDiscounted());
    }

    /** The order facts the card needs, for callers that stream rows rather than build records. */
    public CardAccumulator addOrder(OrderStatus status, Instant createdAt, long totalMinor, boolean discounted) {
        switch (status) {
            case CANCELLED -> cancelledOrders++;
            case RETURNED -> returnedOrders++;
            default -> {}
        }
        if (status == OrderStatus.COMPLETED && (lastPurchaseAt == null || createdAt.isAfter(lastPurchaseAt))) {
            lastPurchaseAt = createdAt;
        }
        if (status.isCounted()) {
            orderCount++;
            totalSpentMinor = Math.addExact(totalSpentMinor, totalMinor);
            if (discounted) {
                discountedOrders++;
            }
            if (firstOrderAt == null || createdAt.isBefore(firstOrderAt)) {
                firstOrderAt = createdAt;
            }
        }
        return this;
    }

    /** Takes a stored version of an order out again (it was folded in before): the inverse of {@link #add(Order)}. */
    public CardAccumulator retract(Order order) {
        return retractOrder(order.status(), order.createdAt(), order.total().minor(), order.isDiscounted());
    }

    /**
     * The inverse of {@link #addOrder}. When the order held last_purchase_at or first_order_at (or the counts
     * say it cannot have been folded in), the result is no longer known: {@link #isExact()} turns false.
     */
    public CardAccumulator retractOrder(OrderStatus status, Instant createdAt, long totalMinor, boolean discounted) {
        switch (status) {
            case CANCELLED -> cancelledOrders = decremented(cancelledOrders);
            case RETURNED -> returnedOrders = decremented(returnedOrders);
            default -> {}
        }
        if (status == OrderStatus.COMPLETED && (lastPurchaseAt == null || !createdAt.isBefore(lastPurchaseAt))) {
            exact = false; // it was the latest: the one before it is not on the card
        }
        if (status.isCounted()) {
            orderCount = decremented(orderCount);
            totalSpentMinor = Math.subtractExact(totalSpentMinor, totalMinor);
            if (discounted) {
                discountedOrders = decremented(discountedOrders);
            }
            if (orderCount == 0) {
                firstOrderAt = null;
            } else if (firstOrderAt == null || !createdAt.isAfter(firstOrderAt)) {
                exact = false; // it was the earliest: the next one is not on the card
            }
        }
        return this;
    }

    private int decremented(int count) {
        if (count == 0) {
            exact = false; // nothing to take out: the card did not hold it
            return 0;
        }
        return count - 1;
    }

    /**
     * Whether {@link #card()} is the fold of the records fed (or of the stored card and the changes folded
     * into it): false after a retraction that took out a date extreme or found the card not holding the order.
     */
    public boolean isExact() {
        return exact;
    }

    public CardAccumulator add(Cart cart) {
        return addCart(cart.status());
    }

    public CardAccumulator addCart(CartStatus status) {
        if (status == CartStatus.ABANDONED) {
            abandonedCarts++;
        }
        return this;
    }

    public CardAccumulator add(Review review) {
        return addReview(review.externalId(), review.isStoreRating(), review.rating(), review.createdAt());
    }

    /**
     * Counts a review; a rating of the store becomes store_rating when it is the most recent one
     * (ties on the instant go to the greater review id, so the result is deterministic).
     */
    public CardAccumulator addReview(String reviewId, boolean ofStore, int rating, Instant createdAt) {
        if (fromCard) {
            throw new IllegalStateException("a review is folded from the customer's records, not into a stored card");
        }
        reviewsCount++;
        if (ofStore && isLaterRating(reviewId, createdAt)) {
            storeRatingAt = createdAt;
            storeRatingReviewId = reviewId;
            storeRating = rating;
        }
        return this;
    }

    private boolean isLaterRating(String reviewId, Instant createdAt) {
        if (storeRatingAt == null) {
            return true;
        }
        int byTime = createdAt.compareTo(storeRatingAt);
        return byTime > 0 || (byTime == 0 && reviewId.compareTo(storeRatingReviewId) > 0);
    }

    public CardAccumulator addWishlistItem() {
        wishlistCount++;
        return this;
    }

    public CustomerCard card() {
        return new CustomerCard(
                orderCount,
                totalSpentMinor,
                cancelledOrders,
                returnedOrders,
                lastPurchaseAt,
                firstOrderAt,
                abandonedCarts,
                storeRating,
                discountedOrders,
                wishlistCount,
                reviewsCount);
    }
}
