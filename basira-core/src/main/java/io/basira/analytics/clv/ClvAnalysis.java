package io.basira.analytics.clv;

import java.util.List;

/**
 * The entry point of customer-lifetime-value analysis: fit the models on a calibration summary, then
 * score every customer.
 *
 * <p>Fallback rule: the models are used only when the store has at least {@value #MIN_REPEAT_BUYERS}
 * repeat buyers, the BG/NBD and Gamma-Gamma fits converge to an interior maximum, and the Gamma-Gamma
 * spend distribution has a finite mean (q &gt; 1). Otherwise {@link ClvModels#method()} is
 * {@code fallback:<reason>} and {@link #score} uses the store's empirical repeat rate and mean order value
 * (see {@link ClvScoring}). The Pareto/NBD is fitted alongside for comparison and reporting; its failure
 * does not change the method. Stateless, thread safe.
 */
public final class ClvAnalysis {

    /** Fewer repeat buyers than this and the model parameters are not identifiable in practice. */
    public static final int MIN_REPEAT_BUYERS = 30;

    private ClvAnalysis() {}

    /** Fits BG/NBD, Pareto/NBD and Gamma-Gamma; never throws for data it cannot fit. */
    public static ClvModels fit(CalibrationSummary summary) {
        int repeatBuyers = summary.repeatBuyers();
        if (repeatBuyers < MIN_REPEAT_BUYERS) {
            String detail = "only " + repeatBuyers + " customers bought more than once; at least " + MIN_REPEAT_BUYERS
                    + " are needed for a stable fit";
            return new ClvModels(
                    new ModelFit.Failed<>("too-few-repeat-buyers", detail),
                    new ModelFit.Failed<>("too-few-repeat-buyers", detail),
                    new ModelFit.Failed<>("too-few-repeat-buyers", detail),
                    summary.unit(),
                    "fallback:too-few-repeat-buyers");
        }
        ModelFit<BgNbdParameters> bg = BgNbd.fit(summary.patterns());
        ModelFit<ParetoNbdParameters> pareto = ParetoNbd.fit(summary.patterns());
        ModelFit<GammaGammaParameters> gg = GammaGamma.fit(summary);
        return new ClvModels(bg, pareto, gg, summary.unit(), method(bg, gg));
    }

    /**
     * The fit that scoring needs: BG/NBD and Gamma-Gamma exactly as {@link #fit} makes them, hence the same
     * method and predictions, without the Pareto/NBD (reported as failed {@code not-fitted}), which only
     * reports show and which is the slowest of the three to fit. The card-field refresh uses this.
     */
    public static ClvModels fitForScoring(CalibrationSummary summary) {
        ClvModels full = summary.repeatBuyers() < MIN_REPEAT_BUYERS ? fit(summary) : null;
        if (full != null) {
            return full;
        }
        ModelFit<BgNbdParameters> bg = BgNbd.fit(summary.patterns());
        ModelFit<GammaGammaParameters> gg = GammaGamma.fit(summary);
        return new ClvModels(
                bg,
                new ModelFit.Failed<>(NOT_FITTED, "the Pareto/NBD is fitted for reports only"),
                gg,
                summary.unit(),
                method(bg, gg));
    }

    /**
     * {@link #fit} of {@code summary} from {@code forScoring}, {@link #fitForScoring} of the same summary: its BG/NBD
     * and Gamma-Gamma kept, only the Pareto/NBD fitted (the nightly refresh fits those two, and the day's report
     * then needs all three). {@code forScoring} as it is when it already has its Pareto/NBD (a fallback's).
     */
    public static ClvModels completed(ClvModels forScoring, CalibrationSummary summary) {
        if (!(forScoring.paretoNbd() instanceof ModelFit.Failed<ParetoNbdParameters> failed)
                || !failed.reason().equals(NOT_FITTED)) {
            return forScoring;
        }
        return new ClvModels(
                forScoring.bgNbd(),
                ParetoNbd.fit(summary.patterns()),
                forScoring.gammaGamma(),
                forScoring.timeUnit(),
                forScoring.method());
    }

    /** The reason {@link #fitForScoring} gives for the Pareto/NBD it leaves out. */
    static final String NOT_FITTED = "not-fitted";

    private static String method(ModelFit<BgNbdParameters> bg, ModelFit<GammaGammaParameters> gg) {
        if (bg instanceof ModelFit.Failed<BgNbdParameters> f) {
            return "fallback:bgnbd-" + f.reason();
        }
        if (gg instanceof ModelFit.Failed<GammaGammaParameters> f) {
            return "fallback:gammagamma-" + f.reason();
        }
        if (gg.parameters().orElseThrow().q() <= 1) {
            return "fallback:gammagamma-no-finite-mean";
        }
        return ClvModels.MODEL_METHOD;
    }

    /** Per-customer predictions, in the summary's customer order. */
    public static List<CustomerPrediction> score(CalibrationSummary summary, ClvModels models, ScoringOptions options) {
        return new ClvScoring(summary, models, options).all();
    }

    /** Predictions made before: with the summary, models and options they were made from. */
    public record Scored(
            CalibrationSummary summary,
            ClvModels models,
            ScoringOptions options,
            List<CustomerPrediction> predictions) {}

    /**
     * What {@link #score(CalibrationSummary, ClvModels, ScoringOptions)} returns, taking from {@code before} the
     * prediction of every customer whose x, t_x, T and m_x are unchanged, when the models are the same instance, the
     * options, calibration end and unit equal and the prediction came from the models (a fallback prediction uses the
     * store's averages, which move with every customer): the same numbers, since a model prediction depends on
     * nothing else. After one write to a store of 100,000 customers, a few are scored instead of all.
     */
    public static List<CustomerPrediction> score(
            CalibrationSummary summary, ClvModels models, ScoringOptions options, Scored before) {
        boolean comparable = before != null
                && before.models() == models
                && models.usesModels()
                && before.options().equals(options)
                && before.summary().unit() == summary.unit()
                && before.summary().calibrationEnd().equals(summary.calibrationEnd());
        if (!comparable) {
            return score(summary, models, options);
        }
        CalibrationSummary old = before.summary();
        java.util.Map<String, Integer> oldRow = new java.util.HashMap<>(old.size() * 2);
        for (int i = 0; i < old.size(); i++) {
            oldRow.put(old.customerId(i), i);
        }
        CustomerPrediction[] reused = new CustomerPrediction[summary.size()];
        for (int i = 0; i < summary.size(); i++) {
            Integer j = oldRow.get(summary.customerId(i));
            if (j != null
                    && old.x(j) == summary.x(i)
                    && Double.doubleToLongBits(old.tx(j)) == Double.doubleToLongBits(summary.tx(i))
                    && Double.doubleToLongBits(old.bigT(j)) == Double.doubleToLongBits(summary.bigT(i))
                    && Double.doubleToLongBits(old.mx(j)) == Double.doubleToLongBits(summary.mx(i))) {
                CustomerPrediction kept = before.predictions().get(j);
                if (ClvModels.MODEL_METHOD.equals(kept.method())) {
                    reused[i] = kept;
                }
            }
        }
        return new ClvScoring(summary, models, options).all(reused);
    }
}
