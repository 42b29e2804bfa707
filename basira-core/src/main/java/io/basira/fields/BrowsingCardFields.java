package io.basira.fields;

import io.basira.browsing.BrowsingStats;
import io.basira.browsing.BrowsingStats.Viewed;
import io.basira.card.CardColumns;
import io.basira.segment.FieldColumn;
import io.basira.segment.FieldSet;
import io.basira.segment.SegmentField;
import io.basira.segment.SegmentField.SortColumn;
import io.basira.segment.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The browsing card fields (docs/browsing.md, "Card fields"), from the customer's {@link BrowsingStats}:
 * {@code last_seen_at} (null when never seen), the 30-day counts (0 when never seen) and {@code visitor_type}
 * ({@code new} for one session, {@code returning} for {@value BrowsingStats#RETURNING_SESSIONS} or more; null
 * when never seen), and the sets {@code viewed_products_7d|30d} and {@code viewed_categories_7d|30d} ("viewed this
 * product or category within N days", {@link Viewed}). The numbers sort by the columns of
 * {@code browsing_customers}; every field is exported in the customer CSV.
 * Registered by the server's browsing feature, after the built-in fields.
 */
public final class BrowsingCardFields implements FieldSet {

    private static final String TABLE = "browsing_customers";

    public static final SegmentField LAST_SEEN_AT = SegmentField.builder("last_seen_at", ValueType.DATE_TIME)
            .nullable()
            .value((c, x) -> CardFields.date(lastSeen(c.browsing()), x))
            .column(FieldColumn.integer("last_seen_at", 0, (column, row, c, u) -> CardFields.setDay(column, row,
                    lastSeen(c.browsing()), u)))
            .sortable(new SortColumn(TABLE, "last_seen_at", false))
            .exported((c, x) -> CardColumns.instant(lastSeen(c.browsing()))).build();

    public static final SegmentField SESSIONS_30D = count("sessions_30d", BrowsingStats::sessions30d);

    public static final SegmentField PAGE_VIEWS_30D = count("page_views_30d", BrowsingStats::pageViews30d);

    public static final SegmentField PRODUCT_VIEWS_30D = count("product_views_30d", BrowsingStats::productViews30d);

    public static final SegmentField VISITOR_TYPE = SegmentField.builder("visitor_type", ValueType.ENUM).nullable()
            .allowedValues(List.of("new", "returning"))
            .value((c, x) -> visitorType(c.browsing()))
            .column(FieldColumn.dictionary("visitor_type", (column, row, c, u) -> column.set(row,
                    visitorType(c.browsing()))))
            .sortable(new SortColumn(TABLE, "sessions_total", false))
            .exported((c, x) -> visitorType(c.browsing())).build();

    /** The products viewed within the last 7 days of the store's calendar: {@code viewed_products_7d = 'P1'}. */
    public static final SegmentField VIEWED_PRODUCTS_7D = viewed("viewed_products_7d", "product", Viewed::products7d);

    public static final SegmentField VIEWED_PRODUCTS_30D = viewed("viewed_products_30d", "product",
            Viewed::products30d);

    /** The categories of the products viewed within the last 7 days: {@code viewed_categories_7d IN ('a', 'b')}. */
    public static final SegmentField VIEWED_CATEGORIES_7D = viewed("viewed_categories_7d", "category",
            Viewed::categories7d);

    public static final SegmentField VIEWED_CATEGORIES_30D = viewed("viewed_categories_30d", "category",
            Viewed::categories30d);

    private static final List<SegmentField> FIELDS = List.of(LAST_SEEN_AT, SESSIONS_30D, PAGE_VIEWS_30D,
            PRODUCT_VIEWS_30D, VISITOR_TYPE, VIEWED_PRODUCTS_7D, VIEWED_PRODUCTS_30D, VIEWED_CATEGORIES_7D,
            VIEWED_CATEGORIES_30D);

    @Override
    public List<SegmentField> fields() {
        return FIELDS;
    }

    private static Instant lastSeen(BrowsingStats stats) {
        return stats == null ? null : stats.lastSeenAt();
    }

    private static String visitorType(BrowsingStats stats) {
        return stats == null ? null : stats.returning() ? "returning" : "new";
    }

    /**
     * A set of what the customer viewed (never null: empty when never seen), tested like tags
     * ({@code = 'x'}, {@code != 'x'}, {@code IN (...)}); exported sorted, separated by {@code "; "}.
     */
    private static SegmentField viewed(String name, String unit, Function<Viewed, Set<String>> items) {
        return SegmentField.builder(name, ValueType.TAG_SET).unit(unit)
                .value((c, x) -> items(c.browsing(), items))
                .column(FieldColumn.tags(name, (column, row, c, u) -> column.set(row, items(c.browsing(), items))))
                .exported((c, x) -> String.join("; ", new TreeSet<>(items(c.browsing(), items)))).build();
    }

    private static Set<String> items(BrowsingStats stats, Function<Viewed, Set<String>> items) {
        return stats == null ? Set.of() : items.apply(stats.viewed());
    }

    private static SegmentField count(String name, ToIntFunction<BrowsingStats> count) {
        return SegmentField.builder(name, ValueType.INTEGER).unit("count")
                .value((c, x) -> BigDecimal.valueOf(c.browsing() == null ? 0 : count.applyAsInt(c.browsing())))
                .column(FieldColumn.integer(name, 0, (column, row, c, u) -> column.set(row,
                        c.browsing() == null ? 0 : count.applyAsInt(c.browsing()))))
                .sortable(new SortColumn(TABLE, name, false))
                .exported((c, x) -> Integer.toString(c.browsing() == null ? 0 : count.applyAsInt(c.browsing())))
                .build();
    }
}
