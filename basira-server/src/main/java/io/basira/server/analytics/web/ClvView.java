package io.basira.server.analytics.web;

import io.basira.analytics.clv.BgNbdParameters;
import io.basira.analytics.clv.ChurnRisk;
import io.basira.analytics.clv.ClvModels;
import io.basira.analytics.clv.GammaGammaParameters;
import io.basira.analytics.clv.ModelFit;
import io.basira.analytics.clv.ParetoNbdParameters;
import io.basira.server.analytics.ClvReport;
import io.basira.server.dashboard.ChartData;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.PageText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CLV tab: how many customers were scored and with which method (the fitted models, or the fallback
 * and why, docs/clv.md), the totals, the churn-risk counts, each model's parameters and log-likelihood,
 * and the histogram of the predicted 12-month value ({@link ValueHistogram}).
 */
public record ClvView(
        String customers,
        String repeatBuyers,
        boolean usesModels,
        String fallbackReason,
        String fallbackDetail,
        String timeUnit,
        String expectedPurchases90d,
        String predictedValue12m,
        List<RiskCount> churn,
        List<Model> models,
        List<ValueHistogram.Bin> histogram,
        String chart) {

    public record RiskCount(String risk, String count) {

        public String label() {
            return "churn.risk." + risk;
        }
    }

    /** One fitted model; {@code parameters} as name and value, or the failure's reason and detail. */
    public record Model(
            String name, List<String[]> parameters, String logLikelihood, String failedReason, String failedDetail) {}

    public static ClvView of(ClvReport report, String currency, DashboardFormats fmt, PageText text) {
        return of(ClvDigest.of(report), currency, fmt, text);
    }

    /** The view of a report from its digest (made once per report). */
    static ClvView of(ClvDigest digest, String currency, DashboardFormats fmt, PageText text) {
        ClvModels models = digest.models();
        Map<ChurnRisk, Integer> churn = digest.churn();
        List<RiskCount> risks = new ArrayList<>();
        churn.forEach((r, n) -> risks.add(new RiskCount(r.name().toLowerCase(Locale.ROOT), fmt.number(n))));
        String reason = models.usesModels() ? "" : models.method().replaceFirst("^fallback:", "");
        String detail = models.bgNbd() instanceof ModelFit.Failed<BgNbdParameters> f
                ? f.detail()
                : models.gammaGamma() instanceof ModelFit.Failed<GammaGammaParameters> g ? g.detail() : "";
        ValueHistogram histogram = digest.histogram().labelled(fmt);
        String chart = ChartData.bars(
                        text.rightToLeft(),
                        histogram.bins().stream().map(ValueHistogram.Bin::label).toList())
                .with("xName", text.get("analytics.clv.value-axis", currency))
                .series(
                        text.get("analytics.customers"),
                        histogram.bins().stream()
                                .map(ValueHistogram.Bin::customers)
                                .toList())
                .json();
        return new ClvView(
                fmt.number(digest.customers()),
                fmt.number(digest.repeatBuyers()),
                models.usesModels(),
                reason,
                models.usesModels() ? "" : detail,
                models.timeUnit().jsonName(),
                fmt.number(BigDecimal.valueOf(digest.expectedPurchases90d())),
                fmt.money(digest.predictedValue12m()),
                risks,
                models(models),
                histogram.bins(),
                chart);
    }

    private static List<Model> models(ClvModels models) {
        List<Model> list = new ArrayList<>();
        if (models.bgNbd() instanceof ModelFit.Fitted<BgNbdParameters> f) {
            BgNbdParameters p = f.value();
            list.add(fitted("BG/NBD", p.logLikelihood(), "r", p.r(), "α", p.alpha(), "a", p.a(), "b", p.b()));
        } else {
            list.add(failed("BG/NBD", models.bgNbd()));
        }
        if (models.paretoNbd() instanceof ModelFit.Fitted<ParetoNbdParameters> f) {
            ParetoNbdParameters p = f.value();
            list.add(fitted("Pareto/NBD", p.logLikelihood(), "r", p.r(), "α", p.alpha(), "s", p.s(), "β", p.beta()));
        } else {
            list.add(failed("Pareto/NBD", models.paretoNbd()));
        }
        if (models.gammaGamma() instanceof ModelFit.Fitted<GammaGammaParameters> f) {
            GammaGammaParameters p = f.value();
            list.add(fitted("Gamma-Gamma", p.logLikelihood(), "p", p.p(), "q", p.q(), "γ", p.gamma()));
        } else {
            list.add(failed("Gamma-Gamma", models.gammaGamma()));
        }
        return list;
    }

    private static Model fitted(String name, double logLikelihood, Object... namesAndValues) {
        List<String[]> parameters = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(new String[] {(String) namesAndValues[i], technical((Double) namesAndValues[i + 1])});
        }
        return new Model(name, parameters, technical(logLikelihood), "", "");
    }

    private static Model failed(String name, ModelFit<?> fit) {
        ModelFit.Failed<?> f = (ModelFit.Failed<?>) fit;
        return new Model(name, List.of(), "", f.reason(), f.detail());
    }

    /** Model quantities with six significant digits, Latin digits and a point, as in docs/clv.md. */
    private static String technical(double value) {
        return Double.isFinite(value)
                ? String.format(Locale.ROOT, "%.6g", value).strip()
                : "—";
    }
}
