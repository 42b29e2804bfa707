package io.basira.fields;

import io.basira.card.CardColumns;
import io.basira.card.CustomerCard;
import io.basira.index.IntegerColumn;
import io.basira.segment.ColumnUnits;
import io.basira.segment.FieldColumn;
import io.basira.segment.FieldContext;
import io.basira.segment.FieldSet;
import io.basira.segment.SegmentField;
import io.basira.segment.SegmentField.SortColumn;
import io.basira.segment.ValueType;
import io.basira.shared.Dates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The card's indicators (docs/indicators.md) as rule fields, in the order of the customer export: each
 * read from {@link CustomerCard}, stored in the index as counts, minor units, ten-thousandths or epoch
 * days, sorted by its {@code customers} column, and exported as {@link CardColumns} writes it.
 */
public final class CardFields implements FieldSet {

    public static final SegmentField ORDER_COUNT = count("order_count", CustomerCard::orderCount, "order_count");

    public static final SegmentField TOTAL_SPENT = SegmentField.builder("total_spent", ValueType.MONEY)
            .value((c, x) -> BigDecimal.valueOf(c.card().totalSpentMinor(), x.currencyFractionDigits()))
            .column(FieldColumn.money(
                    "total_spent",
                    (column, row, c, u) -> column.set(row, c.card().totalSpentMinor())))
            .sortable(SortColumn.customers("total_spent_minor"))
            .exported()
            .build();

    /** Rounded by the card to 2 decimals whatever the currency: stored in hundredths. */
    public static final SegmentField AVERAGE_ORDER_VALUE = SegmentField.builder("average_order_value", ValueType.MONEY)
            .value((c, x) -> c.card().averageOrderValue(x.currencyFractionDigits()))
            .column(FieldColumn.integer(
                    "average_order_value",
                    2,
                    (column, row, c, u) -> column.set(
                            row, ColumnUnits.scaled(c.card().averageOrderValue(u.currencyFractionDigits()), 2))))
            .sortable(SortColumn.customers("average_order_value"))
            .exported()
            .build();

    public static final SegmentField CANCELLED_ORDERS =
            count("cancelled_orders", CustomerCard::cancelledOrders, "cancelled_orders");

    public static final SegmentField RETURNED_ORDERS =
            count("returned_orders", CustomerCard::returnedOrders, "returned_orders");

    public static final SegmentField LAST_PURCHASE_AT = dateTime("last_purchase_at", CustomerCard::lastPurchaseAt);

    public static final SegmentField FIRST_ORDER_AT = dateTime("first_order_at", CustomerCard::firstOrderAt);

    public static final SegmentField ABANDONED_CARTS =
            count("abandoned_carts", CustomerCard::abandonedCarts, "abandoned_carts");

    public static final SegmentField STORE_RATING = SegmentField.builder("store_rating", ValueType.INTEGER)
            .nullable()
            .unit("score")
            .value((c, x) -> c.card().storeRating() == null
                    ? null
                    : BigDecimal.valueOf(c.card().storeRating()))
            .column(FieldColumn.integer("store_rating", 0, (column, row, c, u) -> {
                Integer rating = c.card().storeRating();
                if (rating == null) {
                    column.clear(row);
                } else {
                    column.set(row, rating);
                }
            }))
            .sortable(SortColumn.customers("store_rating"))
            .exported()
            .build();

    /** Computed from today: reads {@code last_purchase_at}'s column; sorts by it the other way. */
    public static final SegmentField DAYS_SINCE_LAST_PURCHASE = SegmentField.builder(
                    "days_since_last_purchase", ValueType.INTEGER)
            .nullable()
            .unit("days")
            .value((c, x) -> {
                Long days = c.card().daysSinceLastPurchase(x.today(), x.zone());
                return days == null ? null : BigDecimal.valueOf(days);
            })
            .column(FieldColumn.daysBeforeToday("last_purchase_at"))
            .dependsOnToday()
            .sortable(new SortColumn("customers", "last_purchase_at", true))
            .exported()
            .build();

    /** The card's share rounded to 4 decimals: stored in ten-thousandths. */
    public static final SegmentField DISCOUNT_SHARE = SegmentField.builder("discount_share", ValueType.DECIMAL)
            .nullable()
            .unit("share")
            .value((c, x) -> c.card().discountShare())
            .column(FieldColumn.integer("discount_share", 4, (column, row, c, u) -> {
                BigDecimal share = c.card().discountShare();
                if (share == null) {
                    column.clear(row);
                } else {
                    column.set(row, ColumnUnits.scaled(share, 4));
                }
            }))
            .sortable(SortColumn.customers("discount_share"))
            .exported()
            .build();

    public static final SegmentField WISHLIST_COUNT =
            count("wishlist_count", CustomerCard::wishlistCount, "wishlist_count");

    public static final SegmentField REVIEWS_COUNT =
            count("reviews_count", CustomerCard::reviewsCount, "reviews_count");

    private static final List<SegmentField> FIELDS = List.of(
            ORDER_COUNT,
            TOTAL_SPENT,
            AVERAGE_ORDER_VALUE,
            CANCELLED_ORDERS,
            RETURNED_ORDERS,
            LAST_PURCHASE_AT,
            FIRST_ORDER_AT,
            ABANDONED_CARTS,
            STORE_RATING,
            DAYS_SINCE_LAST_PURCHASE,
            DISCOUNT_SHARE,
            WISHLIST_COUNT,
            REVIEWS_COUNT);

    @Override
    public List<SegmentField> fields() {
        return FIELDS;
    }

    private static SegmentField count(String name, ToIntFunction<CustomerCard> count, String sortColumn) {
        return SegmentField.builder(name, ValueType.INTEGER)
                .value((c, x) -> BigDecimal.valueOf(count.applyAsInt(c.card())))
                .column(FieldColumn.integer(
                        name, 0, (column, row, c, u) -> column.set(row, count.applyAsInt(c.card()))))
                .sortable(SortColumn.customers(sortColumn))
                .exported((c, x) -> Integer.toString(count.applyAsInt(c.card())))
                .build();
    }

    /** A date-time of the card: compared by its date in the store's zone, exported as ISO UTC to the second. */
    private static SegmentField dateTime(String name, java.util.function.Function<CustomerCard, Instant> instant) {
        return SegmentField.builder(name, ValueType.DATE_TIME)
                .nullable()
                .value((c, x) -> date(instant.apply(c.card()), x))
                .column(FieldColumn.integer(
                        name, 0, (column, row, c, u) -> setDay(column, row, instant.apply(c.card()), u)))
                .sortable(SortColumn.customers(name))
                .exported((c, x) -> CardColumns.instant(instant.apply(c.card())))
                .build();
    }

    static LocalDate date(Instant instant, FieldContext context) {
        return instant == null ? null : Dates.dateIn(instant, context.zone());
    }

    static void setDay(IntegerColumn column, int row, Instant instant, ColumnUnits units) {
        if (instant == null) {
            column.clear(row);
        } else {
            column.set(row, units.epochDay(instant));
        }
    }
}
