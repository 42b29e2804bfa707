package io.basira.analytics;

import io.basira.analytics.clv.ChurnRisk;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One customer's analytics card fields as customer-group rules read them (docs/analytics.md, "Card
 * fields"; docs/rules.md): the values of the store's last analytics refresh, in exact decimals.
 *
 * <p>Every component may be null (the method gives no value for this customer). A customer whose store was
 * never refreshed has no {@code AnalyticsFields} at all (the holder's reference is null), and then every
 * analytics field is null for the rules.
 *
 * <p>Rounding, done here once so that every engine reads the same number: {@code revenuePercentile} to 2
 * decimals half-up (what {@link Pareto} publishes); {@code pAlive} and {@code expectedPurchases90d} to
 * {@value #MODEL_DECIMALS} decimals half-up from the model's double, exactly ({@code new BigDecimal(double)},
 * not its shortest text); {@code predictedValue12m} is kept as given (money in the store currency's major
 * unit) and rules round it half-up to the currency's digits, as the customer card shows it.
 *
 * <p>{@code nextCategory} is the most likely next category of the customer's next products at the refresh
 * (docs/products.md, "Next products"; {@code io.basira.analytics.products.NextCategories}): the merchant's
 * category name as the products feed gave it, null for a customer without a counted order or whose likely next
 * products carry no category (a blank name is null).
 */
public record AnalyticsFields(
        BigDecimal revenuePercentile,
        Integer rfmRecency,
        Integer rfmFrequency,
        Integer rfmMonetary,
        RfmGroup rfmGroup,
        CustomerType customerType,
        Regularity regularity,
        BigDecimal pAlive,
        BigDecimal expectedPurchases90d,
        BigDecimal predictedValue12m,
        ChurnRisk churnRisk,
        LocalDate nextOrderExpectedAt,
        String nextCategory) {

    /** Decimals kept of the CLV model's probabilities and expectations. */
    public static final int MODEL_DECIMALS = 4;

    public AnalyticsFields {
        revenuePercentile = rounded(revenuePercentile, 2);
        pAlive = rounded(pAlive, MODEL_DECIMALS);
        expectedPurchases90d = rounded(expectedPurchases90d, MODEL_DECIMALS);
        requireScore(rfmRecency, "rfm_recency");
        requireScore(rfmFrequency, "rfm_frequency");
        requireScore(rfmMonetary, "rfm_monetary");
        nextCategory = nextCategory == null || nextCategory.isBlank() ? null : nextCategory;
    }

    /** The fields without a next category. */
    public AnalyticsFields(
            BigDecimal revenuePercentile,
            Integer rfmRecency,
            Integer rfmFrequency,
            Integer rfmMonetary,
            RfmGroup rfmGroup,
            CustomerType customerType,
            Regularity regularity,
            BigDecimal pAlive,
            BigDecimal expectedPurchases90d,
            BigDecimal predictedValue12m,
            ChurnRisk churnRisk,
            LocalDate nextOrderExpectedAt) {
        this(
                revenuePercentile,
                rfmRecency,
                rfmFrequency,
                rfmMonetary,
                rfmGroup,
                customerType,
                regularity,
                pAlive,
                expectedPurchases90d,
                predictedValue12m,
                churnRisk,
                nextOrderExpectedAt,
                null);
    }

    /** The fields of one computed row ({@link CardAnalytics}), doubles converted exactly before rounding. */
    public static AnalyticsFields of(CustomerAnalytics row) {
        return new AnalyticsFields(
                row.revenuePercentile(),
                row.rfmRecency(),
                row.rfmFrequency(),
                row.rfmMonetary(),
                row.rfmGroup(),
                row.customerType(),
                row.regularity(),
                decimal(row.pAlive()),
                decimal(row.expectedPurchases90d()),
                row.predictedValue12m(),
                row.churnRisk(),
                row.nextOrderExpectedAt());
    }

    /** These fields with {@code category} as the next category (null for none). */
    public AnalyticsFields withNextCategory(String category) {
        return new AnalyticsFields(
                revenuePercentile,
                rfmRecency,
                rfmFrequency,
                rfmMonetary,
                rfmGroup,
                customerType,
                regularity,
                pAlive,
                expectedPurchases90d,
                predictedValue12m,
                churnRisk,
                nextOrderExpectedAt,
                category);
    }

    /** A model's double as an exact decimal (null stays null); rounding happens in the constructor. */
    public static BigDecimal decimal(Double value) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value.isInfinite()) {
            throw new IllegalArgumentException("an analytics value must be a finite number, not " + value);
        }
        return new BigDecimal(value);
    }

    /** The published code of a churn risk band ({@code high}). */
    public static String code(ChurnRisk risk) {
        return risk.code();
    }

    /** predicted_value_12m as rules read it: rounded half-up to the currency's decimals; null when absent. */
    public BigDecimal predictedValue12m(int fractionDigits) {
        return rounded(predictedValue12m, fractionDigits);
    }

    private static BigDecimal rounded(BigDecimal value, int decimals) {
        return value == null ? null : value.setScale(decimals, RoundingMode.HALF_UP);
    }

    private static void requireScore(Integer score, String name) {
        if (score != null && (score < 1 || score > 5)) {
            throw new IllegalArgumentException(name + " must be 1-5, was " + score);
        }
    }
}
