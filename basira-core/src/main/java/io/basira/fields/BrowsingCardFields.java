package io.basira.fields;

import io.basira.browsing.BrowsingStats;
import io.basira.card.CardColumns;
import io.basira.segment.FieldColumn;
import io.basira.segment.FieldSet;
import io.basira.segment.SegmentField;
import io.basira.segment.SegmentField.SortColumn;
import io.basira.segment.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The browsing card fields (docs/browsing.md, "Card fields"), from the customer's {@link BrowsingStats}:
 * {@code last_seen_at} (null when never seen), the 30-day counts (0 when never seen) and {@code visitor_type}
 * ({@code new} for one session, {@code returning} for {@value BrowsingStats#RETURNING_SESSIONS} or more; null
 * when never seen). Sorted by the columns of {@code browsing_customers}; exported in the customer CSV.
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

    private static final List<SegmentField> FIELDS = List.of(LAST_SEEN_AT, SESSIONS_30D, PAGE_VIEWS_30D,
            PRODUCT_VIEWS_30D, VISITOR_TYPE);

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
