package io.basira.segment.audience;

import io.basira.index.ColumnSpec;
import io.basira.segment.SegmentField;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of an {@link IndexedAudience}'s index and the unit of each: which stored column a
 * segment field reads, and by how many decimal places its value is scaled into a whole number.
 *
 * <p>One column per stored field, named like the field: counts and ratings as is; money in minor
 * units ({@code total_spent}, scale = the currency's fraction digits) except
 * {@code average_order_value}, which the card rounds to 2 decimals (scale 2); {@code discount_share}
 * in ten-thousandths (scale 4, the card's rounding); the analytics fields (written by
 * {@link AnalyticsRows}) with {@code revenue_percentile} in hundredths (scale 2), {@code p_alive} and
 * {@code expected_purchases_90d} in ten-thousandths (scale 4, {@link io.basira.analytics.AnalyticsFields}'
 * rounding), {@code predicted_value_12m} in minor units rounded half-up, RFM scores as is, and the four
 * analytics enums dictionary-encoded by their codes; dates and date-times as the epoch day in the
 * store's zone; gender, city, region and country dictionary-encoded; tags as a tag column. Three
 * fields have no column of their own: {@code days_since_last_purchase} reads
 * {@code last_purchase_at}, {@code age} reads {@code birth_date}, and {@code birthday} reads
 * {@link #BIRTH_MONTH_DAY} ({@code month * 100 + day} of the birth date, 29 February as 229).
 */
final class AudienceColumns {

    /** The birth date's month and day as {@code month * 100 + day}: 1 January is 101, 29 February 229. */
    static final String BIRTH_MONTH_DAY = "birth_month_day";

    private AudienceColumns() {}

    /** Every column: one per stored field, then {@link #BIRTH_MONTH_DAY}. */
    static List<ColumnSpec> specs() {
        List<ColumnSpec> specs = new ArrayList<>();
        for (SegmentField field : SegmentField.values()) {
            if (!stored(field)) {
                continue;
            }
            specs.add(switch (field.type()) {
                case TEXT, ENUM -> ColumnSpec.dictionary(field.fieldName());
                case TAG_SET -> ColumnSpec.tags(field.fieldName());
                default -> ColumnSpec.integer(field.fieldName());
            });
        }
        specs.add(ColumnSpec.integer(BIRTH_MONTH_DAY));
        return specs;
    }

    /** Whether the field has a column of its own (not derived, not group membership). */
    static boolean stored(SegmentField field) {
        return switch (field) {
            case DAYS_SINCE_LAST_PURCHASE, AGE, BIRTHDAY, GROUP -> false;
            default -> true;
        };
    }

    /** The column a field's value is read from. */
    static String columnOf(SegmentField field) {
        return switch (field) {
            case DAYS_SINCE_LAST_PURCHASE -> SegmentField.LAST_PURCHASE_AT.fieldName();
            case AGE -> SegmentField.BIRTH_DATE.fieldName();
            case BIRTHDAY -> BIRTH_MONTH_DAY;
            case GROUP -> throw new IllegalArgumentException("group membership has no column");
            default -> field.fieldName();
        };
    }

    /**
     * The decimal places by which a numeric field's stored whole number is scaled: the stored value
     * {@code v} means {@code v / 10^scale}. 0 for counts, ratings and dates.
     */
    static int scaleOf(SegmentField field, int currencyFractionDigits) {
        return switch (field) {
            case TOTAL_SPENT -> currencyFractionDigits;
            case AVERAGE_ORDER_VALUE -> 2;
            case DISCOUNT_SHARE, P_ALIVE, EXPECTED_PURCHASES_90D -> 4;
            case REVENUE_PERCENTILE -> 2;
            case PREDICTED_VALUE_12M -> currencyFractionDigits;
            default -> 0;
        };
    }

    /** The month-day code of {@link #BIRTH_MONTH_DAY}. */
    static int monthDayCode(int month, int day) {
        return month * 100 + day;
    }
}
