package io.basira.segment.audience;

import io.basira.analytics.AnalyticsFields;
import io.basira.card.CustomerCard;
import io.basira.commerce.Customer;
import io.basira.index.CustomerIndex;
import io.basira.index.DictionaryColumn;
import io.basira.index.IntegerColumn;
import io.basira.index.TagColumn;
import io.basira.segment.SegmentField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Writes one customer's values into their row, in the units of {@link AudienceColumns}. Column
 * handles are resolved once. Date-times become the epoch day of their date in the store's zone,
 * exactly as {@link io.basira.shared.Dates#dateIn} reads them; derived money and shares come from the
 * card's own derivations ({@link CustomerCard#averageOrderValue}, {@link CustomerCard#discountShare}),
 * so the index and the single-customer evaluator read the same numbers.
 */
final class AudienceRows {

    private static final long SECONDS_PER_DAY = 86_400;

    private final ZoneRules zoneRules;
    private final int fractionDigits;
    private final IntegerColumn orderCount;
    private final IntegerColumn totalSpent;
    private final IntegerColumn averageOrderValue;
    private final IntegerColumn cancelledOrders;
    private final IntegerColumn returnedOrders;
    private final IntegerColumn lastPurchaseAt;
    private final IntegerColumn firstOrderAt;
    private final IntegerColumn abandonedCarts;
    private final IntegerColumn storeRating;
    private final IntegerColumn discountShare;
    private final IntegerColumn wishlistCount;
    private final IntegerColumn reviewsCount;
    private final IntegerColumn birthDate;
    private final IntegerColumn birthMonthDay;
    private final IntegerColumn createdAt;
    private final DictionaryColumn gender;
    private final DictionaryColumn city;
    private final DictionaryColumn region;
    private final DictionaryColumn country;
    private final TagColumn tags;
    private final AnalyticsRows analytics;

    AudienceRows(CustomerIndex index, ZoneId zone, int fractionDigits) {
        this.zoneRules = zone.getRules();
        this.fractionDigits = fractionDigits;
        orderCount = integer(index, SegmentField.ORDER_COUNT);
        totalSpent = integer(index, SegmentField.TOTAL_SPENT);
        averageOrderValue = integer(index, SegmentField.AVERAGE_ORDER_VALUE);
        cancelledOrders = integer(index, SegmentField.CANCELLED_ORDERS);
        returnedOrders = integer(index, SegmentField.RETURNED_ORDERS);
        lastPurchaseAt = integer(index, SegmentField.LAST_PURCHASE_AT);
        firstOrderAt = integer(index, SegmentField.FIRST_ORDER_AT);
        abandonedCarts = integer(index, SegmentField.ABANDONED_CARTS);
        storeRating = integer(index, SegmentField.STORE_RATING);
        discountShare = integer(index, SegmentField.DISCOUNT_SHARE);
        wishlistCount = integer(index, SegmentField.WISHLIST_COUNT);
        reviewsCount = integer(index, SegmentField.REVIEWS_COUNT);
        birthDate = integer(index, SegmentField.BIRTH_DATE);
        createdAt = integer(index, SegmentField.CREATED_AT);
        birthMonthDay = index.integerColumn(AudienceColumns.BIRTH_MONTH_DAY);
        gender = index.dictionaryColumn(SegmentField.GENDER.fieldName());
        city = index.dictionaryColumn(SegmentField.CITY.fieldName());
        region = index.dictionaryColumn(SegmentField.REGION.fieldName());
        country = index.dictionaryColumn(SegmentField.COUNTRY.fieldName());
        tags = index.tagColumn(SegmentField.TAGS.fieldName());
        analytics = new AnalyticsRows(index, fractionDigits);
    }

    private static IntegerColumn integer(CustomerIndex index, SegmentField field) {
        return index.integerColumn(field.fieldName());
    }

    /** Replaces every value of {@code row} with the customer's; {@code fields} null clears the analytics. */
    void write(int row, Customer customer, CustomerCard card, AnalyticsFields fields) {
        writeCard(row, card);
        analytics.write(row, fields);
        gender.set(row, customer.gender() == null ? null : customer.gender().code());
        LocalDate birth = customer.birthDate();
        birthDate.setDate(row, birth);
        if (birth == null) {
            birthMonthDay.clear(row);
        } else {
            birthMonthDay.set(row, AudienceColumns.monthDayCode(birth.getMonthValue(), birth.getDayOfMonth()));
        }
        city.set(row, customer.city());
        region.set(row, customer.region());
        country.set(row, customer.country());
        createdAt.set(row, epochDay(customer.createdAt()));
        tags.set(row, customer.tags());
    }

    private void writeCard(int row, CustomerCard card) {
        orderCount.set(row, card.orderCount());
        totalSpent.set(row, card.totalSpentMinor());
        averageOrderValue.set(row, scaled(card.averageOrderValue(fractionDigits), 2));
        cancelledOrders.set(row, card.cancelledOrders());
        returnedOrders.set(row, card.returnedOrders());
        setDay(lastPurchaseAt, row, card.lastPurchaseAt());
        setDay(firstOrderAt, row, card.firstOrderAt());
        abandonedCarts.set(row, card.abandonedCarts());
        if (card.storeRating() == null) {
            storeRating.clear(row);
        } else {
            storeRating.set(row, card.storeRating());
        }
        BigDecimal share = card.discountShare();
        if (share == null) {
            discountShare.clear(row);
        } else {
            discountShare.set(row, scaled(share, 4));
        }
        wishlistCount.set(row, card.wishlistCount());
        reviewsCount.set(row, card.reviewsCount());
    }

    private void setDay(IntegerColumn column, int row, Instant instant) {
        if (instant == null) {
            column.clear(row);
        } else {
            column.set(row, epochDay(instant));
        }
    }

    /** The epoch day of the instant's date in the store's zone (local seconds, floored to days). */
    long epochDay(Instant instant) {
        long local = instant.getEpochSecond() + zoneRules.getOffset(instant).getTotalSeconds();
        return Math.floorDiv(local, SECONDS_PER_DAY);
    }

    /** {@code value * 10^scale} as an exact long; the card's derivations never have more decimals. */
    static long scaled(BigDecimal value, int scale) {
        return value.setScale(scale).unscaledValue().longValueExact();
    }
}
