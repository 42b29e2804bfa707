package io.basira.segment.eval;

import io.basira.card.CustomerCard;
import io.basira.commerce.Customer;
import io.basira.segment.SegmentField;
import io.basira.shared.Dates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The value of each {@link SegmentField} for one customer on one day, as rules compare it:
 * {@link BigDecimal} for integer, decimal and money fields (money in major units); {@link LocalDate} for
 * date and date-time fields (a date-time becomes its date in the store's time zone); {@link String} for
 * text and enum fields; {@code java.util.Set<String>} for tags and group. Null when the customer has no
 * value. Shared by every engine so that all read the card the same way.
 */
public final class FieldValues {

    private FieldValues() {}

    public static Object of(SegmentField field, CustomerProfile profile, EvaluationContext context) {
        if (field.indicator().isPresent()) {
            return indicator(field, profile.card(), context);
        }
        Customer customer = profile.customer();
        LocalDate birth = customer.birthDate();
        LocalDate today = context.today();
        return switch (field) {
            case GENDER -> customer.gender() == null ? null : customer.gender().code();
            case BIRTH_DATE -> birth;
            case AGE -> birth == null ? null : BigDecimal.valueOf(Birthdays.age(birth, today));
            case BIRTHDAY -> birth == null ? null : Birthdays.nextBirthday(birth, today);
            case CITY -> customer.city();
            case REGION -> customer.region();
            case COUNTRY -> customer.country();
            case CREATED_AT -> date(customer.createdAt(), context);
            case TAGS -> customer.tags();
            case GROUP -> profile.groupKeys();
            default -> throw new IllegalStateException("no value for " + field);
        };
    }

    private static Object indicator(SegmentField field, CustomerCard card, EvaluationContext context) {
        int digits = context.currencyFractionDigits();
        return switch (field) {
            case ORDER_COUNT -> BigDecimal.valueOf(card.orderCount());
            case TOTAL_SPENT -> BigDecimal.valueOf(card.totalSpentMinor(), digits);
            case AVERAGE_ORDER_VALUE -> card.averageOrderValue(digits);
            case CANCELLED_ORDERS -> BigDecimal.valueOf(card.cancelledOrders());
            case RETURNED_ORDERS -> BigDecimal.valueOf(card.returnedOrders());
            case LAST_PURCHASE_AT -> date(card.lastPurchaseAt(), context);
            case FIRST_ORDER_AT -> date(card.firstOrderAt(), context);
            case ABANDONED_CARTS -> BigDecimal.valueOf(card.abandonedCarts());
            case STORE_RATING -> card.storeRating() == null ? null : BigDecimal.valueOf(card.storeRating());
            case DAYS_SINCE_LAST_PURCHASE -> days(card.daysSinceLastPurchase(context.today(), context.zone()));
            case DISCOUNT_SHARE -> card.discountShare();
            case WISHLIST_COUNT -> BigDecimal.valueOf(card.wishlistCount());
            case REVIEWS_COUNT -> BigDecimal.valueOf(card.reviewsCount());
            default -> throw new IllegalStateException(field + " is not an indicator");
        };
    }

    private static LocalDate date(Instant instant, EvaluationContext context) {
        return instant == null ? null : Dates.dateIn(instant, context.zone());
    }

    private static BigDecimal days(Long days) {
        return days == null ? null : BigDecimal.valueOf(days);
    }
}
