package io.basira.analytics.clv;

import static java.lang.Math.exp;
import static java.lang.Math.log;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie &amp; Lee 2005, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", JMR 42(4); Fader &amp; Hardie 2013, note 025 "The
 * Gamma-Gamma Model of Monetary Value"). Given x repeat transactions with mean value zbar, the
 * likelihood of a customer (note 025, eq. 3, written for the mean) is
 * Gamma(px+q) / (Gamma(px) Gamma(q)) * gamma^q * zbar^(px-1) * x^(px) / (gamma + x zbar)^(px+q),
 * the conditional expected transaction value is p (gamma + x zbar) / (px + q - 1) (eq. 5), and the
 * population mean is p gamma / (q - 1), defined only for q &gt; 1.
 *
 * <p>Only customers with x &gt; 0 and zbar &gt; 0 are fitted (zbar = 0 has zero density). The model
 * assumes spend is independent of purchase frequency; check corr(x, zbar) is small (0.11 on CDNOW).
 * Immutable and thread safe.
 */
public final class GammaGamma {

    private final GammaGammaParameters p;

    public GammaGamma(GammaGammaParameters parameters) {
        this.p = Objects.requireNonNull(parameters, "parameters");
    }

    public GammaGammaParameters parameters() {
        return p;
    }

    /** The repeat buyers' (x, zbar) columns, grouped by x so log-gammas are computed once per x. */
    record Spend(int[] x, double[] zbar, int[] slot, int[] distinctX, double meanZ) {

        static Spend of(CalibrationSummary summary) {
            int n = 0;
            for (int i = 0; i < summary.size(); i++) {
                n += summary.x(i) > 0 && summary.mx(i) > 0 ? 1 : 0;
            }
            int[] x = new int[n];
            double[] z = new double[n];
            int[] slot = new int[n];
            Map<Integer, Integer> slots = new HashMap<>();
            double sum = 0;
            for (int i = 0, k = 0; i < summary.size(); i++) {
                if (summary.x(i) > 0 && summary.mx(i) > 0) {
                    x[k] = summary.x(i);
                    z[k] = summary.mx(i);
                    slot[k] = slots.computeIfAbsent(x[k], v -> slots.size());
                    sum += z[k++];
                }
            }
            int[] distinct = new int[slots.size()];
            slots.forEach((value, s) -> distinct[s] = value);
            return new Spend(x, z, slot, distinct, n == 0 ? 1 : sum / n);
        }

        int size() {
            return x.length;
        }
    }

    /** Maximum-likelihood fit on the repeat buyers of the summary; gamma scaled by the mean zbar. */
    public static ModelFit<GammaGammaParameters> fit(CalibrationSummary summary) {
        Spend spend = Spend.of(summary);
        if (spend.size() == 0) {
            return new ModelFit.Failed<>("too-few-repeat-buyers", "no customer has a repeat purchase with a value");
        }
        double scale = spend.meanZ();
        try {
            PointValuePair best = MaximumLikelihood.maximise(
                    t -> logLikelihood(exp(t[0]), exp(t[1]), scale * exp(t[2]), spend),
                    new double[][] {{0, 0, 0}, {1, 1, 1}},
                    "p",
                    "q",
                    "gamma");
            double[] t = best.getPoint();
            return new ModelFit.Fitted<>(
                    new GammaGammaParameters(exp(t[0]), exp(t[1]), scale * exp(t[2]), best.getValue()));
        } catch (FitFailure e) {
            return e.asFit();
        }
    }

    /** Total log-likelihood of the repeat buyers of {@code summary} at the given parameters. */
    public static double logLikelihood(double p, double q, double gamma, CalibrationSummary summary) {
        return logLikelihood(p, q, gamma, Spend.of(summary));
    }

    static double logLikelihood(double p, double q, double gamma, Spend spend) {
        int[] dx = spend.distinctX();
        double[] head = new double[dx.length];
        double base = -Gamma.logGamma(q) + q * log(gamma);
        for (int k = 0; k < dx.length; k++) {
            double px = p * dx[k];
            head[k] = base + Gamma.logGamma(px + q) - Gamma.logGamma(px) + px * log(dx[k]);
        }
        int[] x = spend.x();
        int[] slot = spend.slot();
        double[] z = spend.zbar();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double px = p * x[i];
            sum += head[slot[i]] + (px - 1) * log(z[i]) - (px + q) * log(gamma + x[i] * z[i]);
        }
        return sum;
    }

    /** Standard errors of (p, q, gamma) from the numerical Hessian at these parameters. */
    public double[] standardErrors(CalibrationSummary summary) {
        Spend spend = Spend.of(summary);
        return StandardErrors.at(new double[] {p.p(), p.q(), p.gamma()}, v -> logLikelihood(v[0], v[1], v[2], spend));
    }

    /**
     * E[Z | x, zbar], the expected value of this customer's future transactions; the population mean when
     * x = 0. NaN when x = 0 and q &lt;= 1 (no finite mean).
     */
    public double conditionalExpectedValue(int x, double zbar) {
        if (x == 0) {
            return populationMean();
        }
        return p.p() * (p.gamma() + x * zbar) / (p.p() * x + p.q() - 1);
    }

    /** p gamma / (q - 1); NaN when q &lt;= 1. */
    public double populationMean() {
        return p.q() > 1 ? p.p() * p.gamma() / (p.q() - 1) : Double.NaN;
    }
}
