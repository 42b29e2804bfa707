package io.basira.card;

import io.basira.shared.Dates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The stored indicators of one customer's card (docs/indicators.md, version {@value #DEFINITIONS_VERSION}).
 *
 * <p>Only what cannot be derived is stored; {@link #averageOrderValue()}, {@link #discountShare()} and
 * {@link #daysSinceLastPurchase(LocalDate, ZoneId)} are derived on read. Money is in minor units of
 * the store's currency. Nullable fields are null when the customer has no such value.
 *
 * @param totalSpentMinor sum of {@code total} over counted orders, in minor units
 * @param discountedOrders counted orders that used a coupon or carried a discount
 * @param storeRating the latest rating of the store, 1–5, or null
 */
public record CustomerCard(
        int orderCount,
        long totalSpentMinor,
        int cancelledOrders,
        int returnedOrders,
        Instant lastPurchaseAt,
        Instant firstOrderAt,
        int abandonedCarts,
        Integer storeRating,
        int discountedOrders,
        int wishlistCount,
        int reviewsCount) {

    /** Changes whenever a definition in docs/indicators.md changes. */
    public static final String DEFINITIONS_VERSION = "1.0";

    public static final CustomerCard EMPTY = new CustomerCard(0, 0, 0, 0, null, null, 0, null, 0, 0, 0);

    /**
     * total_spent / order_count rounded half-up to 2 decimals, in the major unit; 0.00 when there
     * are no counted orders.
     */
    public BigDecimal averageOrderValue(int currencyFractionDigits) {
        if (orderCount == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(totalSpentMinor, currencyFractionDigits)
                .divide(BigDecimal.valueOf(orderCount), 2, RoundingMode.HALF_UP);
    }

    /** Share of counted orders that were discounted, 0–1 rounded half-up to 4 decimals; null without counted orders. */
    public BigDecimal discountShare() {
        if (orderCount == 0) {
            return null;
        }
        return BigDecimal.valueOf(discountedOrders).divide(BigDecimal.valueOf(orderCount), 4, RoundingMode.HALF_UP);
    }

    /**
     * Whole calendar days from the date of last_purchase_at to {@code today}, both in the store's
     * time zone; null when there is no completed order.
     */
    public Long daysSinceLastPurchase(LocalDate today, ZoneId zone) {
        if (lastPurchaseAt == null) {
            return null;
        }
        return ChronoUnit.DAYS.between(Dates.dateIn(lastPurchaseAt, zone), today);
    }
}
