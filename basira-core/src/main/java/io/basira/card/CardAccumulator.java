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
