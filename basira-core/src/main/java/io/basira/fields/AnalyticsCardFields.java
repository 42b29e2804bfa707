package io.basira.fields;

import io.basira.analytics.AnalyticsFields;
import io.basira.analytics.CustomerType;
import io.basira.analytics.Regularity;
import io.basira.analytics.RfmGroup;
import io.basira.analytics.clv.ChurnRisk;
import io.basira.segment.ColumnUnits;
import io.basira.segment.FieldColumn;
import io.basira.segment.FieldContext;
import io.basira.segment.FieldSet;
import io.basira.segment.SegmentField;
import io.basira.segment.SegmentField.SortColumn;
import io.basira.segment.ValueType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The analytics card fields (docs/analytics.md, "Card fields"), as the store's last analytics refresh left
 * them ({@link AnalyticsFields}): every one null for a customer without analytics. Stored in the index with
 * the rounding of {@link AnalyticsFields} ({@code revenue_percentile} in hundredths, {@code p_alive} and
 * {@code expected_purchases_90d} in ten-thousandths, {@code predicted_value_12m} in minor units rounded
 * half-up), enums by their codes, the next category as the merchant's text; sorted by the columns of
 * {@code customer_analytics}.
 */
public final class AnalyticsCardFields implements FieldSet {

    private static final String TABLE = "customer_analytics";

    public static final SegmentField REVENUE_PERCENTILE =
            decimal("revenue_percentile", "percent", 2, (a, x) -> a.revenuePercentile());

    public static final SegmentField RFM_RECENCY = score("rfm_recency", AnalyticsFields::rfmRecency);

    public static final SegmentField RFM_FREQUENCY = score("rfm_frequency", AnalyticsFields::rfmFrequency);

    public static final SegmentField RFM_MONETARY = score("rfm_monetary", AnalyticsFields::rfmMonetary);

    public static final SegmentField RFM_GROUP = code(
            "rfm_group",
            Arrays.stream(RfmGroup.values()).map(RfmGroup::code).toList(),
            a -> a.rfmGroup() == null ? null : a.rfmGroup().code());

    public static final SegmentField CUSTOMER_TYPE = code(
            "customer_type",
            Arrays.stream(CustomerType.values()).map(CustomerType::code).toList(),
            a -> a.customerType() == null ? null : a.customerType().code());

    public static final SegmentField REGULARITY = code(
            "regularity",
            Arrays.stream(Regularity.values()).map(Regularity::code).toList(),
            a -> a.regularity() == null ? null : a.regularity().code());

    public static final SegmentField P_ALIVE =
            decimal("p_alive", "probability", AnalyticsFields.MODEL_DECIMALS, (a, x) -> a.pAlive());

    public static final SegmentField EXPECTED_PURCHASES_90D = decimal(
            "expected_purchases_90d", "count", AnalyticsFields.MODEL_DECIMALS, (a, x) -> a.expectedPurchases90d());

    /** Money rounded half-up to the currency's digits, exactly as the card shows it: stored in minor units. */
    public static final SegmentField PREDICTED_VALUE_12M = SegmentField.builder("predicted_value_12m", ValueType.MONEY)
            .nullable()
            .value((c, x) -> c.analytics() == null ? null : c.analytics().predictedValue12m(x.currencyFractionDigits()))
            .column(FieldColumn.money("predicted_value_12m", (column, row, c, u) -> {
                BigDecimal value =
                        c.analytics() == null ? null : c.analytics().predictedValue12m(u.currencyFractionDigits());
                if (value == null) {
                    column.clear(row);
                } else {
                    column.set(row, ColumnUnits.scaled(value, u.currencyFractionDigits()));
                }
            }))
            .sortable(new SortColumn(TABLE, "predicted_value_12m", false))
            .build();

    public static final SegmentField CHURN_RISK = code(
            "churn_risk",
            Arrays.stream(ChurnRisk.values()).map(AnalyticsFields::code).toList(),
            a -> a.churnRisk() == null ? null : AnalyticsFields.code(a.churnRisk()));

    public static final SegmentField NEXT_ORDER_EXPECTED_AT = SegmentField.builder(
                    "next_order_expected_at", ValueType.DATE)
            .nullable()
            .value((c, x) -> c.analytics() == null ? null : c.analytics().nextOrderExpectedAt())
            .column(FieldColumn.integer(
                    "next_order_expected_at",
                    0,
                    (column, row, c, u) -> column.setDate(
                            row, c.analytics() == null ? null : c.analytics().nextOrderExpectedAt())))
            .sortable(new SortColumn(TABLE, "next_order_expected_at", false))
            .build();

    /**
     * The most likely next category at the refresh (docs/products.md, "Next products"): the merchant's category name,
     * compared exactly like any text ({@code next_category = 'abayas'}); null without a counted order.
     */
    public static final SegmentField NEXT_CATEGORY = SegmentField.builder("next_category", ValueType.TEXT)
            .nullable()
            .unit("category")
            .value((c, x) -> c.analytics() == null ? null : c.analytics().nextCategory())
            .column(FieldColumn.dictionary(
                    "next_category",
                    (column, row, c, u) -> column.set(
                            row, c.analytics() == null ? null : c.analytics().nextCategory())))
            .sortable(new SortColumn(TABLE, "next_category", false))
            .build();

    private static final List<SegmentField> FIELDS = List.of(
            REVENUE_PERCENTILE,
            RFM_RECENCY,
            RFM_FREQUENCY,
            RFM_MONETARY,
            RFM_GROUP,
            CUSTOMER_TYPE,
            REGULARITY,
            P_ALIVE,
            EXPECTED_PURCHASES_90D,
            PREDICTED_VALUE_12M,
            CHURN_RISK,
            NEXT_ORDER_EXPECTED_AT,
            NEXT_CATEGORY);

    @Override
    public List<SegmentField> fields() {
        return FIELDS;
    }

    private static SegmentField decimal(
            String name, String unit, int decimals, BiFunction<AnalyticsFields, FieldContext, BigDecimal> read) {
        return SegmentField.builder(name, ValueType.DECIMAL)
                .nullable()
                .unit(unit)
                .value((c, x) -> c.analytics() == null ? null : read.apply(c.analytics(), x))
                .column(FieldColumn.integer(name, decimals, (column, row, c, u) -> {
                    BigDecimal value = c.analytics() == null ? null : read.apply(c.analytics(), u);
                    if (value == null) {
                        column.clear(row);
                    } else {
                        column.set(row, ColumnUnits.scaled(value, decimals));
                    }
                }))
                .sortable(new SortColumn(TABLE, name, false))
                .build();
    }

    private static SegmentField score(String name, Function<AnalyticsFields, Integer> read) {
        return SegmentField.builder(name, ValueType.INTEGER)
                .nullable()
                .unit("score")
                .value((c, x) -> {
                    Integer score = c.analytics() == null ? null : read.apply(c.analytics());
                    return score == null ? null : BigDecimal.valueOf(score);
                })
                .column(FieldColumn.integer(name, 0, (column, row, c, u) -> {
                    Integer score = c.analytics() == null ? null : read.apply(c.analytics());
                    if (score == null) {
                        column.clear(row);
                    } else {
                        column.set(row, score);
                    }
                }))
                .sortable(new SortColumn(TABLE, name, false))
                .build();
    }

    private static SegmentField code(String name, List<String> codes, Function<AnalyticsFields, String> read) {
        return SegmentField.builder(name, ValueType.ENUM)
                .nullable()
                .allowedValues(codes)
                .value((c, x) -> c.analytics() == null ? null : read.apply(c.analytics()))
                .column(FieldColumn.dictionary(
                        name,
                        (column, row, c, u) ->
                                column.set(row, c.analytics() == null ? null : read.apply(c.analytics()))))
                .sortable(new SortColumn(TABLE, name, false))
                .build();
    }
}
