package io.basira.analytics;

import io.basira.analytics.clv.CalibrationSummary;
import io.basira.analytics.clv.ClvAnalysis;
import io.basira.analytics.clv.ClvModels;
import io.basira.analytics.clv.ClvTimeUnit;
import io.basira.analytics.clv.CustomerPrediction;
import io.basira.analytics.clv.ScoringOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the analytics card fields of every customer of a store as of one day, over the whole history up
 * to that day: {@link Pareto} percentiles, {@link Rfm} scores and groups, {@link CustomerTypes} and the CLV
 * predictions ({@link ClvAnalysis}, in days, default scoring options; the Pareto/NBD, which no field uses,
 * is not fitted). One scan of the order columns per
 * analysis, results by customer row; stateless.
 */
public final class CardAnalytics {

    private CardAnalytics() {}

    /** The fields of every customer, in row order of {@link StoreFacts}, and the CLV fit used. */
    public record Result(List<CustomerAnalytics> customers, ClvModels models) {}

    /** The CLV calibration and fit in days as of one day: what {@link #compute} needs, computed once per store and day. */
    public record ClvFit(ClvInput.Calibration calibration, ClvModels models) {

        /** The calibration and the models scoring needs ({@link ClvAnalysis#fitForScoring}: no Pareto/NBD). */
        public static ClvFit of(StoreFacts facts, LocalDate asOf) {
            ClvInput.Calibration calibration = ClvInput.calibration(facts, asOf, ClvTimeUnit.DAYS);
            return new ClvFit(calibration, ClvAnalysis.fitForScoring(calibration.summary()));
        }
    }

    public static Result compute(StoreFacts facts, LocalDate asOf) {
        return compute(facts, asOf, ClvFit.of(facts, asOf));
    }

    /** The same with the CLV models already fitted ({@link ClvFit#of} for this store and day). */
    public static Result compute(StoreFacts facts, LocalDate asOf, ClvFit clv) {
        AnalysisWindow window = AnalysisWindow.asOf(asOf);
        int rows = facts.rows();
        StoreFacts.Window w = facts.window(window);
        Pareto.Spend spend = Pareto.spend(w);
        BigDecimal[] percentiles = Pareto.percentiles(spend.values(), spend.descending());
        BigDecimal[] percentileByRow = new BigDecimal[rows];
        for (int i = 0; i < percentiles.length; i++) {
            percentileByRow[spend.rows()[i]] = percentiles[i];
        }
        Rfm.Scores rfm = Rfm.scores(w, window);
        int[] rfmAt = new int[rows];
        java.util.Arrays.fill(rfmAt, -1);
        for (int i = 0; i < rfm.rows().length; i++) {
            rfmAt[rfm.rows()[i]] = i;
        }
        CustomerTypes.Classified[] types = CustomerTypes.classify(facts, window);
        CalibrationSummary summary = clv.calibration().summary();
        CustomerPrediction[] predictions = new CustomerPrediction[rows];
        List<CustomerPrediction> scored = ClvAnalysis.score(summary, clv.models(), ScoringOptions.defaults());
        for (int i = 0; i < scored.size(); i++) {
            predictions[clv.calibration().rows()[i]] = scored.get(i);
        }
        List<CustomerAnalytics> result = new ArrayList<>(facts.customerCount());
        for (int c = 0; c < facts.customerCount(); c++) {
            int s = rfmAt[c];
            CustomerTypes.Classified t = types[c];
            CustomerPrediction p = predictions[c];
            result.add(new CustomerAnalytics(
                    facts.customerId(c),
                    percentileByRow[c],
                    s < 0 ? null : rfm.r()[s],
                    s < 0 ? null : rfm.f()[s],
                    s < 0 ? null : rfm.m()[s],
                    s < 0 ? RfmGroup.PROSPECTS : rfm.groups()[s],
                    t == null ? null : t.type(),
                    t == null ? null : t.regularity(),
                    p == null || p.probabilityAlive().isEmpty()
                            ? null
                            : p.probabilityAlive().getAsDouble(),
                    p == null ? null : p.expectedPurchases90Days(),
                    p == null ? null : p.predictedValue12Months(),
                    p == null ? null : p.churnRisk(),
                    p == null ? null : p.expectedNextOrder().orElse(null)));
        }
        return new Result(result, clv.models());
    }
}
