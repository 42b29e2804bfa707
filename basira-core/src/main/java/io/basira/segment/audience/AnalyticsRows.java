package io.basira.segment.audience;

import io.basira.analytics.AnalyticsFields;
import io.basira.index.CustomerIndex;
import io.basira.index.DictionaryColumn;
import io.basira.index.IntegerColumn;
import io.basira.segment.SegmentField;
import java.math.BigDecimal;

/**
 * Writes one customer's analytics card fields into their row, in the units of {@link AudienceColumns}:
 * decimals scaled to whole numbers ({@link AnalyticsFields} has already rounded them, and
 * {@code predicted_value_12m} is rounded half-up to the currency's digits here, exactly as
 * {@link io.basira.segment.eval.FieldValues} reads it), scores as is, enums by their codes, the expected
 * next order as an epoch day. A customer without analytics gets every column cleared (null).
 */
final class AnalyticsRows {

    private final int fractionDigits;
    private final IntegerColumn revenuePercentile;
    private final IntegerColumn rfmRecency;
    private final IntegerColumn rfmFrequency;
    private final IntegerColumn rfmMonetary;
    private final DictionaryColumn rfmGroup;
    private final DictionaryColumn customerType;
    private final DictionaryColumn regularity;
    private final IntegerColumn pAlive;
    private final IntegerColumn expectedPurchases90d;
    private final IntegerColumn predictedValue12m;
    private final DictionaryColumn churnRisk;
    private final IntegerColumn nextOrderExpectedAt;

    AnalyticsRows(CustomerIndex index, int fractionDigits) {
        this.fractionDigits = fractionDigits;
        revenuePercentile = integer(index, SegmentField.REVENUE_PERCENTILE);
        rfmRecency = integer(index, SegmentField.RFM_RECENCY);
        rfmFrequency = integer(index, SegmentField.RFM_FREQUENCY);
        rfmMonetary = integer(index, SegmentField.RFM_MONETARY);
        rfmGroup = index.dictionaryColumn(SegmentField.RFM_GROUP.fieldName());
        customerType = index.dictionaryColumn(SegmentField.CUSTOMER_TYPE.fieldName());
        regularity = index.dictionaryColumn(SegmentField.REGULARITY.fieldName());
        pAlive = integer(index, SegmentField.P_ALIVE);
        expectedPurchases90d = integer(index, SegmentField.EXPECTED_PURCHASES_90D);
        predictedValue12m = integer(index, SegmentField.PREDICTED_VALUE_12M);
        churnRisk = index.dictionaryColumn(SegmentField.CHURN_RISK.fieldName());
        nextOrderExpectedAt = integer(index, SegmentField.NEXT_ORDER_EXPECTED_AT);
    }

    private static IntegerColumn integer(CustomerIndex index, SegmentField field) {
        return index.integerColumn(field.fieldName());
    }

    void write(int row, AnalyticsFields a) {
        boolean none = a == null;
        setDecimal(revenuePercentile, row, none ? null : a.revenuePercentile(), 2);
        setWhole(rfmRecency, row, none ? null : a.rfmRecency());
        setWhole(rfmFrequency, row, none ? null : a.rfmFrequency());
        setWhole(rfmMonetary, row, none ? null : a.rfmMonetary());
        rfmGroup.set(row, none || a.rfmGroup() == null ? null : a.rfmGroup().code());
        customerType.set(row, none || a.customerType() == null ? null : a.customerType().code());
        regularity.set(row, none || a.regularity() == null ? null : a.regularity().code());
        setDecimal(pAlive, row, none ? null : a.pAlive(), AnalyticsFields.MODEL_DECIMALS);
        setDecimal(expectedPurchases90d, row, none ? null : a.expectedPurchases90d(), AnalyticsFields.MODEL_DECIMALS);
        BigDecimal value = none ? null : a.predictedValue12m(fractionDigits);
        setDecimal(predictedValue12m, row, value, fractionDigits);
        churnRisk.set(row, none || a.churnRisk() == null ? null : AnalyticsFields.code(a.churnRisk()));
        nextOrderExpectedAt.setDate(row, none ? null : a.nextOrderExpectedAt());
    }

    private static void setWhole(IntegerColumn column, int row, Integer value) {
        if (value == null) {
            column.clear(row);
        } else {
            column.set(row, value);
        }
    }

    private static void setDecimal(IntegerColumn column, int row, BigDecimal value, int scale) {
        if (value == null) {
            column.clear(row);
        } else {
            column.set(row, AudienceRows.scaled(value, scale));
        }
    }
}
