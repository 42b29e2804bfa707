package io.basira.fields;

import io.basira.browsing.BrowsingStats;
import io.basira.browsing.BrowsingStats.Viewed;
import io.basira.card.CardColumns;
import io.basira.segment.FieldColumn;
import io.basira.segment.FieldFamily;
import io.basira.segment.FieldSet;
import io.basira.segment.SegmentField;
import io.basira.segment.SegmentField.SortColumn;
import io.basira.segment.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The browsing card fields (docs/browsing.md, "Card fields"), from the customer's {@link BrowsingStats}:
 * {@code last_seen_at} (null when never seen), the 30-day counts (0 when never seen) and {@code visitor_type}
 * ({@code new} for one session, {@code returning} for {@value BrowsingStats#RETURNING_SESSIONS} or more; null
 * when never seen), and "viewed this product or category within n days" ({@link Viewed}): the listed sets
 * {@code viewed_products_7d|30d} and {@code viewed_categories_7d|30d}, and the families
 * {@code viewed_products_<n>d} and {@code viewed_categories_<n>d} for any n from 1 to {@value Viewed#MAX_DAYS}. The numbers sort by the columns of
 * {@code browsing_customers}; every field is exported in the customer CSV.
 * Registered by the server's browsing feature, after the built-in fields.
 */
public final class BrowsingCardFields implements FieldSet {

    private static final String TABLE = "browsing_customers";

    public static final SegmentField LAST_SEEN_AT = SegmentField.builder("last_seen_at", ValueType.DATE_TIME)
            .nullable()
            .value((c, x) -> CardFields.date(lastSeen(c.browsing()), x))
            .column(FieldColumn.integer(
                    "last_seen_at",
                    0,
                    (column, row, c, u) -> CardFields.setDay(column, row, lastSeen(c.browsing()), u)))
            .sortable(new SortColumn(TABLE, "last_seen_at", false))
            .exported((c, x) -> CardColumns.instant(lastSeen(c.browsing())))
            .build();

    public static final SegmentField SESSIONS_30D = count("sessions_30d", BrowsingStats::sessions30d);

    public static final SegmentField PAGE_VIEWS_30D = count("page_views_30d", BrowsingStats::pageViews30d);

    public static final SegmentField PRODUCT_VIEWS_30D = count("product_views_30d", BrowsingStats::productViews30d);

    public static final SegmentField VISITOR_TYPE = SegmentField.builder("visitor_type", ValueType.ENUM)
            .nullable()
            .allowedValues(List.of("new", "returning"))
            .value((c, x) -> visitorType(c.browsing()))
            .column(FieldColumn.dictionary(
                    "visitor_type", (column, row, c, u) -> column.set(row, visitorType(c.browsing()))))
            .sortable(new SortColumn(TABLE, "sessions_total", false))
            .exported((c, x) -> visitorType(c.browsing()))
            .build();

    /** The products viewed within the last 7 days of the store's calendar: {@code viewed_products_7d = 'P1'}. */
    public static final SegmentField VIEWED_PRODUCTS_7D = viewed(Item.PRODUCTS, 7, true);

    public static final SegmentField VIEWED_PRODUCTS_30D = viewed(Item.PRODUCTS, 30, true);

    /** The categories of the products viewed within the last 7 days: {@code viewed_categories_7d IN ('a', 'b')}. */
    public static final SegmentField VIEWED_CATEGORIES_7D = viewed(Item.CATEGORIES, 7, true);

    public static final SegmentField VIEWED_CATEGORIES_30D = viewed(Item.CATEGORIES, 30, true);

    /** {@code viewed_products_<n>d} for any n from 1 to {@value Viewed#MAX_DAYS}: 7 and 30 are the fields above. */
    public static final FieldFamily VIEWED_PRODUCTS = FieldFamily.of(
            Item.PRODUCTS.key,
            1,
            Viewed.MAX_DAYS,
            n -> viewed(Item.PRODUCTS, n, false),
            Map.of(7, VIEWED_PRODUCTS_7D, 30, VIEWED_PRODUCTS_30D));

    /** {@code viewed_categories_<n>d} for any n from 1 to {@value Viewed#MAX_DAYS}. */
    public static final FieldFamily VIEWED_CATEGORIES = FieldFamily.of(
            Item.CATEGORIES.key,
            1,
            Viewed.MAX_DAYS,
            n -> viewed(Item.CATEGORIES, n, false),
            Map.of(7, VIEWED_CATEGORIES_7D, 30, VIEWED_CATEGORIES_30D));

    private static final List<SegmentField> FIELDS = List.of(
            LAST_SEEN_AT,
            SESSIONS_30D,
            PAGE_VIEWS_30D,
            PRODUCT_VIEWS_30D,
            VISITOR_TYPE,
            VIEWED_PRODUCTS_7D,
            VIEWED_PRODUCTS_30D,
            VIEWED_CATEGORIES_7D,
            VIEWED_CATEGORIES_30D);

    @Override
    public List<SegmentField> fields() {
        return FIELDS;
    }

    @Override
    public List<FieldFamily> families() {
        return List.of(VIEWED_PRODUCTS, VIEWED_CATEGORIES);
    }

    private static Instant lastSeen(BrowsingStats stats) {
        return stats == null ? null : stats.lastSeenAt();
    }

    private static String visitorType(BrowsingStats stats) {
        return stats == null ? null : stats.returning() ? "returning" : "new";
    }

    /** What a viewed set holds: product ids, or the categories of the product views. */
    private enum Item {
        PRODUCTS("viewed_products", "product", "viewed_product_days", Viewed::productDays),
        CATEGORIES("viewed_categories", "category", "viewed_category_days", Viewed::categoryDays);

        final String key;
        final String unit;
        final String column;
        final Function<Viewed, Map<String, Integer>> days;

        Item(String key, String unit, String column, Function<Viewed, Map<String, Integer>> days) {
            this.key = key;
            this.unit = unit;
            this.column = column;
            this.days = days;
        }

        Map<String, Integer> days(BrowsingStats stats) {
            return stats == null ? Map.of() : days.apply(stats.viewed());
        }
    }

    /**
     * The set of what the customer viewed within the last {@code days} days of the store's calendar, today
     * included (never null: empty when never seen), tested like tags ({@code = 'x'}, {@code != 'x'},
     * {@code IN (...)}). The value depends on today (it moves at the store's midnight). In the index, every
     * member reads one dated column per item ({@code item -> last day}), which the 7-day field writes. A listed
     * field (7 and 30 days) is exported, sorted, separated by {@code "; "}; the other members are labelled
     * {@code segment.field.<key>_days} with the number of days.
     */
    private static SegmentField viewed(Item item, int days, boolean listed) {
        SegmentField.Builder field = SegmentField.builder(item.key + "_" + days + "d", ValueType.TAG_SET)
                .unit(item.unit)
                .dependsOnToday()
                .value((c, x) -> within(item, c.browsing(), x.today(), days))
                .column(
                        listed && days == 7
                                ? FieldColumn.datedTags(
                                        item.column,
                                        days,
                                        (column, row, c, u) -> column.set(row, item.days(c.browsing())))
                                : FieldColumn.withinDays(item.column, days));
        if (listed) {
            return field.exported(
                            (c, x) -> String.join("; ", new TreeSet<>(within(item, c.browsing(), x.today(), days))))
                    .build();
        }
        return field.label("segment.field." + item.key + "_days", Integer.toString(days))
                .build();
    }

    private static Set<String> within(Item item, BrowsingStats stats, LocalDate today, int days) {
        if (stats == null) {
            return Set.of();
        }
        return item == Item.PRODUCTS
                ? stats.viewed().products(today, days)
                : stats.viewed().categories(today, days);
    }

    private static SegmentField count(String name, ToIntFunction<BrowsingStats> count) {
        return SegmentField.builder(name, ValueType.INTEGER)
                .unit("count")
                .value((c, x) -> BigDecimal.valueOf(c.browsing() == null ? 0 : count.applyAsInt(c.browsing())))
                .column(FieldColumn.integer(
                        name,
                        0,
                        (column, row, c, u) ->
                                column.set(row, c.browsing() == null ? 0 : count.applyAsInt(c.browsing()))))
                .sortable(new SortColumn(TABLE, name, false))
                .exported((c, x) -> Integer.toString(c.browsing() == null ? 0 : count.applyAsInt(c.browsing())))
                .build();
    }
}
