package io.basira.segment.eval;

import io.basira.analytics.AnalyticsFields;
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
 * value (every analytics field when the profile has no analytics). Shared by every engine so that all read the card the same way.
 */
public final class FieldValues {

    private FieldValues() {}

    public static Object of(SegmentField field, CustomerProfile profile, EvaluationContext context) {
        if (field.indicator().isPresent()) {
            return indicator(field, profile.card(), context);
        }
        if (field.analytics()) {
            return analytics(field, profile.analytics(), context);
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

    /** The analytics card field; null without analytics. Money is rounded half-up to the currency's digits. */
    private static Object analytics(SegmentField field, AnalyticsFields a, EvaluationContext context) {
        if (a == null) {
            return null;
        }
        return switch (field) {
            case REVENUE_PERCENTILE -> a.revenuePercentile();
            case RFM_RECENCY -> whole(a.rfmRecency());
            case RFM_FREQUENCY -> whole(a.rfmFrequency());
            case RFM_MONETARY -> whole(a.rfmMonetary());
            case RFM_GROUP -> a.rfmGroup() == null ? null : a.rfmGroup().code();
            case CUSTOMER_TYPE -> a.customerType() == null ? null : a.customerType().code();
            case REGULARITY -> a.regularity() == null ? null : a.regularity().code();
            case P_ALIVE -> a.pAlive();
            case EXPECTED_PURCHASES_90D -> a.expectedPurchases90d();
            case PREDICTED_VALUE_12M -> a.predictedValue12m(context.currencyFractionDigits());
            case CHURN_RISK -> a.churnRisk() == null ? null : AnalyticsFields.code(a.churnRisk());
            case NEXT_ORDER_EXPECTED_AT -> a.nextOrderExpectedAt();
            default -> throw new IllegalStateException(field + " is not an analytics field");
        };
    }

    private static BigDecimal whole(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static LocalDate date(Instant instant, EvaluationContext context) {
        return instant == null ? null : Dates.dateIn(instant, context.zone());
    }

    private static BigDecimal days(Long days) {
        return days == null ? null : BigDecimal.valueOf(days);
    }
}
