package io.basira.loyalty;

import io.basira.card.LoyaltyStanding;
import io.basira.segment.FieldColumn;
import io.basira.segment.FieldSet;
import io.basira.segment.SegmentField;
import io.basira.segment.SegmentField.SortColumn;
import io.basira.segment.ValueType;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The loyalty card fields (docs/loyalty.md, "Card fields"), read from the customer's
 * {@link LoyaltyStanding}: {@code loyalty_points} (available now), {@code loyalty_tier} (the tier's name;
 * null without one, so {@code loyalty_tier IS NULL} finds customers below every tier),
 * {@code points_expiring_30d} and {@code lifetime_points}. A customer who never had points has 0 points.
 * Sorted by the columns of {@code loyalty_accounts}; all four are in the customer export.
 */
public final class LoyaltyFields implements FieldSet {

    private static final String TABLE = "loyalty_accounts";

    public static final SegmentField LOYALTY_POINTS = points("loyalty_points", LoyaltyStanding::points, "points");

    public static final SegmentField LOYALTY_TIER = SegmentField.builder("loyalty_tier", ValueType.TEXT)
            .nullable()
            .value((c, x) -> c.loyalty().tier())
            .sortable(new SortColumn(TABLE, "tier", false))
            .exported()
            .build();

    public static final SegmentField POINTS_EXPIRING_30D =
            points("points_expiring_30d", LoyaltyStanding::expiring30d, "expiring_30d");

    public static final SegmentField LIFETIME_POINTS =
            points("lifetime_points", LoyaltyStanding::lifetime, "lifetime_points");

    private static final List<SegmentField> FIELDS =
            List.of(LOYALTY_POINTS, LOYALTY_TIER, POINTS_EXPIRING_30D, LIFETIME_POINTS);

    @Override
    public List<SegmentField> fields() {
        return FIELDS;
    }

    private static SegmentField points(String name, ToLongFunction<LoyaltyStanding> read, String column) {
        return SegmentField.builder(name, ValueType.INTEGER)
                .unit("points")
                .value((c, x) -> BigDecimal.valueOf(read.applyAsLong(c.loyalty())))
                .column(FieldColumn.integer(name, 0, (col, row, c, u) -> col.set(row, read.applyAsLong(c.loyalty()))))
                .sortable(new SortColumn(TABLE, column, false))
                .exported((c, x) -> Long.toString(read.applyAsLong(c.loyalty())))
                .build();
    }
}
