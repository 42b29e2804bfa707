package io.basira.card;

import io.basira.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The text of a card's indicators as exported (customer CSV, API): one value per {@link Indicator}
 * in its order. Date-times are ISO-8601 in UTC to the second ({@code 2011-12-09T12:50:00Z}); money
 * has the currency's decimals (two for SAR); an absent value is the empty string.
 */
public final class CardColumns {

    private CardColumns() {}

    public static List<String> header() {
        List<String> names = new ArrayList<>();
        names.add("customer_id");
        for (Indicator indicator : Indicator.values()) {
            names.add(indicator.fieldName());
        }
        return names;
    }

    /** The export row of one customer: {@code customerId} then every indicator. */
    public static List<String> row(
            String customerId, CustomerCard card, Currency currency, LocalDate today, ZoneId zone) {
        List<String> values = new ArrayList<>(Indicator.values().length + 1);
        values.add(customerId);
        for (Indicator indicator : Indicator.values()) {
            values.add(text(indicator, card, currency, today, zone));
        }
        return values;
    }

    static String text(Indicator indicator, CustomerCard card, Currency currency, LocalDate today, ZoneId zone) {
        return switch (indicator) {
            case ORDER_COUNT -> Integer.toString(card.orderCount());
            case TOTAL_SPENT -> Money.ofMinor(card.totalSpentMinor(), currency).toPlainString();
            case AVERAGE_ORDER_VALUE ->
                card.averageOrderValue(Money.fractionDigits(currency)).toPlainString();
            case CANCELLED_ORDERS -> Integer.toString(card.cancelledOrders());
            case RETURNED_ORDERS -> Integer.toString(card.returnedOrders());
            case LAST_PURCHASE_AT -> instant(card.lastPurchaseAt());
            case FIRST_ORDER_AT -> instant(card.firstOrderAt());
            case ABANDONED_CARTS -> Integer.toString(card.abandonedCarts());
            case STORE_RATING ->
                card.storeRating() == null ? "" : card.storeRating().toString();
            case DAYS_SINCE_LAST_PURCHASE -> orEmpty(card.daysSinceLastPurchase(today, zone));
            case DISCOUNT_SHARE -> decimal(card.discountShare());
            case WISHLIST_COUNT -> Integer.toString(card.wishlistCount());
            case REVIEWS_COUNT -> Integer.toString(card.reviewsCount());
        };
    }

    /** ISO-8601 UTC to the second, or empty. */
    public static String instant(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String orEmpty(Long value) {
        return value == null ? "" : value.toString();
    }
}
