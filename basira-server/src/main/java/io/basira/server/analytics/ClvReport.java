package io.basira.server.analytics;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.basira.analytics.ClvInput;
import io.basira.analytics.StoreFacts;
import io.basira.analytics.clv.CalibrationSummary;
import io.basira.analytics.clv.ChurnRisk;
import io.basira.analytics.clv.ClvAnalysis;
import io.basira.analytics.clv.ClvModels;
import io.basira.analytics.clv.CustomerPrediction;
import io.basira.analytics.clv.ScoringOptions;
import io.basira.server.analytics.Report.Table;
import io.basira.server.analytics.api.AnalysisRequest;
import io.basira.server.analytics.api.AnalyticsJson;
import io.basira.server.platform.csv.SpreadsheetCsv;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLV analysis of a store: the calibration summary as of the as-of day (its last day, inclusive), the
 * three fits and every customer's predictions. See docs/clv.md for the models and docs/analytics.md for how
 * the store's orders become calibration data.
 */
public record ClvReport(CalibrationSummary summary, ClvModels models, List<CustomerPrediction> predictions) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Unmodifiable: a report is cached and read by several requests at once. */
    public ClvReport {
        predictions = List.copyOf(predictions);
    }

    public static ClvReport of(StoreFacts facts, AnalysisRequest request) {
        ClvInput.Calibration calibration =
                ClvInput.calibration(facts, request.window().asOf(), request.timeUnit());
        return of(
                facts,
                new io.basira.analytics.CardAnalytics.ClvFit(calibration, ClvAnalysis.fit(calibration.summary())),
                request);
    }

    /** The report from a calibration and fit made for this as-of day and time unit. */
    static ClvReport of(StoreFacts facts, io.basira.analytics.CardAnalytics.ClvFit fit, AnalysisRequest request) {
        return of(facts, fit, request, null);
    }

    /**
     * The report from a calibration and fit made for this as-of day and time unit, taking from {@code before} (a
     * report of the same store, as-of day and unit at an older data version; may be null) the predictions of the
     * customers that did not change when it was made with the same models ({@link ClvAnalysis#score(
     * CalibrationSummary, ClvModels, ScoringOptions, ClvAnalysis.Scored)}): the same report, made faster.
     */
    static ClvReport of(
            StoreFacts facts, io.basira.analytics.CardAnalytics.ClvFit fit, AnalysisRequest request, ClvReport before) {
        CalibrationSummary summary = fit.calibration().summary();
        ClvModels models = fit.models();
        ScoringOptions options =
                new ScoringOptions(0, 0.7, 0.3, 365, io.basira.shared.Money.fractionDigits(facts.currency()));
        ClvAnalysis.Scored scored = before == null
                ? null
                : new ClvAnalysis.Scored(before.summary(), before.models(), options, before.predictions());
        return new ClvReport(summary, models, ClvAnalysis.score(summary, models, options, scored));
    }

    /** The fitted parameters and log-likelihoods, one line of JSON ({@link ClvModels#toJson()}). */
    public String modelsJson() {
        return models.toJson();
    }

    public Report report() {
        Map<String, Object> modelsTree =
                JSON.readValue(models.toJson(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
        Map<ChurnRisk, Integer> churn = new EnumMap<>(ChurnRisk.class);
        double purchases90 = 0;
        BigDecimal value12 = BigDecimal.ZERO;
        for (CustomerPrediction p : predictions) {
            churn.merge(p.churnRisk(), 1, Integer::sum);
            purchases90 += p.expectedPurchases90Days();
            value12 = value12.add(p.predictedValue12Months());
        }
        Map<String, Object> churnJson = new java.util.LinkedHashMap<>();
        churn.forEach((k, v) -> churnJson.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
        Map<String, Object> json = AnalyticsJson.map(
                "calibration_end",
                summary.calibrationEnd().toString(),
                "time_unit",
                summary.unit().jsonName(),
                "customers",
                summary.size(),
                "repeat_buyers",
                summary.repeatBuyers(),
                "method",
                models.method(),
                "models",
                modelsTree,
                "expected_purchases_90d",
                round(purchases90),
                "predicted_value_12m",
                value12,
                "churn_risk",
                churnJson);
        Table table = new Table("CLV as of " + summary.calibrationEnd(), List.of("metric", "value"));
        json.forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested && !k.equals("models")) {
                nested.forEach((nk, nv) -> table.row(k + "." + nk, nv));
            } else if (!k.equals("models")) {
                table.row(k, v);
            }
        });
        return new Report("clv", json, List.of(table));
    }

    /** Per-customer predictions as CSV (header line first); money in the major unit, absent values empty. */
    public void writeCsv(Writer out) throws IOException {
        CsvWriter csv = SpreadsheetCsv.writer(out);
        csv.writeRecord(
                "customer_id",
                "p_alive",
                "expected_purchases_90d",
                "expected_purchases_12m",
                "expected_order_value",
                "predicted_value_12m",
                "churn_risk",
                "next_order_expected_at",
                "method");
        for (CustomerPrediction p : predictions) {
            csv.writeRecord(
                    SpreadsheetCsv.cell(p.customerId()),
                    p.probabilityAlive().isPresent()
                            ? round(p.probabilityAlive().getAsDouble()).toPlainString()
                            : "",
                    round(p.expectedPurchases90Days()).toPlainString(),
                    round(p.expectedPurchases12Months()).toPlainString(),
                    p.expectedOrderValue().toPlainString(),
                    p.predictedValue12Months().toPlainString(),
                    p.churnRisk().name().toLowerCase(java.util.Locale.ROOT),
                    p.expectedNextOrder().map(LocalDate::toString).orElse(""),
                    p.method());
        }
        csv.flush();
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value)
                .setScale(6, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
