package io.basira.analytics.reference;

import io.basira.analytics.*;
import io.basira.analytics.clv.CalibrationSummary;
import io.basira.analytics.clv.ClvAnalysis;
import io.basira.analytics.clv.ClvModels;
import io.basira.analytics.clv.ClvTimeUnit;
import io.basira.analytics.clv.CustomerPrediction;
import io.basira.analytics.clv.ScoringOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the analytics card fields of every customer of a store as of one day, over the whole history up
 * to that day: {@link Pareto} percentiles, {@link Rfm} scores and groups, {@link CustomerTypes} and the CLV
 * predictions ({@link ClvAnalysis}, in days, default scoring options). Stateless.
 */
public final class CardAnalytics {

    private CardAnalytics() {}

    /** The fields of every customer, in the order of {@link StoreFacts#customers()}, and the CLV fit used. */
    public record Result(List<CustomerAnalytics> customers, ClvModels models) {}

    public static Result compute(StoreFacts facts, LocalDate asOf) {
        AnalysisWindow window = AnalysisWindow.asOf(asOf);
        Map<String, java.math.BigDecimal> percentiles = Pareto.of(facts, window).revenuePercentiles();
        Map<String, Rfm.Score> rfm = new HashMap<>();
        Rfm.of(facts, window).scores().forEach(s -> rfm.put(s.customerId(), s));
        Map<String, CustomerTypes.Classified> types = new HashMap<>();
        CustomerTypes.of(facts, window).customers().forEach(c -> types.put(c.customerId(), c));
        CalibrationSummary summary = ClvInput.summary(facts, asOf, ClvTimeUnit.DAYS);
        ClvModels models = ClvAnalysis.fit(summary);
        Map<String, CustomerPrediction> predictions = new HashMap<>();
        io.basira.analytics.clv.ReferenceClvScoring.score(summary, models, ScoringOptions.defaults())
                .forEach(p -> predictions.put(p.customerId(), p));
        List<CustomerAnalytics> result = new ArrayList<>(facts.customers().size());
        for (CustomerFact c : facts.customers()) {
            String id = c.customerId();
            Rfm.Score s = rfm.get(id);
            CustomerTypes.Classified t = types.get(id);
            CustomerPrediction p = predictions.get(id);
            result.add(new CustomerAnalytics(
                    id,
                    percentiles.get(id),
                    s == null ? null : s.recency(),
                    s == null ? null : s.frequencyScore(),
                    s == null ? null : s.monetaryScore(),
                    s == null ? RfmGroup.PROSPECTS : s.group(),
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
        return new Result(result, models);
    }
}
