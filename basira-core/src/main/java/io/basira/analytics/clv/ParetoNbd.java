package io.basira.analytics.clv;

import static java.lang.Math.exp;
import static java.lang.Math.log;

import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.special.Gamma;

/**
 * The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987, "Counting Your Customers: Who Are They
 * and What Will They Do Next?", Management Science 33(1)): while alive a customer buys at Poisson rate
 * lambda ~ Gamma(r, alpha) and dies at exponential rate mu ~ Gamma(s, beta).
 *
 * <p>The likelihood follows Fader &amp; Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related
 * Expressions", eq. (22):
 * L = Gamma(r+x) alpha^r beta^s / Gamma(r) * [ 1 / ((alpha+T)^(r+x) (beta+T)^s) + s/(r+s+x) * A0 ],
 * where, with k = r+s+x, A0 = F(t_x) - F(T) and
 * F(t) = 2F1(k, s+1; k+1; (alpha-beta)/(alpha+t)) / (alpha+t)^k when alpha &gt;= beta, and
 * F(t) = 2F1(k, r+x; k+1; (beta-alpha)/(beta+t)) / (beta+t)^k otherwise, so that the argument of 2F1
 * stays in [0, 1). Everything is computed in log space. P(alive) is their eq. (18) written with A0;
 * E[X(t)] and E[Y(t) | x, t_x, T] are eqs. (17) and (21) of Schmittlein et al. as restated in the note.
 * Immutable and thread safe.
 */
public final class ParetoNbd {

    private final ParetoNbdParameters p;

    public ParetoNbd(ParetoNbdParameters parameters) {
        this.p = Objects.requireNonNull(parameters, "parameters");
    }

    public ParetoNbdParameters parameters() {
        return p;
    }

    /**
     * Maximum-likelihood fit over log-parameters, alpha and beta scaled by the mean T. Starts from the
     * BG/NBD-like point r = s = 1, alpha = beta = mean T, then from r = s = 0.37, alpha = beta = 0.37 mean T.
     */
    public static ModelFit<ParetoNbdParameters> fit(RepeatPatterns patterns) {
        double scale = patterns.meanT();
        try {
            PointValuePair best = MaximumLikelihood.maximise(
                    t -> logLikelihood(exp(t[0]), scale * exp(t[1]), exp(t[2]), scale * exp(t[3]), patterns),
                    new double[][] {{0, 0, 0, 0}, {-1, -1, -1, -1}},
                    "r",
                    "alpha",
                    "s",
                    "beta");
            double[] t = best.getPoint();
            return new ModelFit.Fitted<>(new ParetoNbdParameters(
                    exp(t[0]), scale * exp(t[1]), exp(t[2]), scale * exp(t[3]), best.getValue()));
        } catch (FitFailure e) {
            return e.asFit();
        }
    }

    /** Below this many (x, time) pairs a likelihood evaluates its hypergeometric terms on the calling thread only. */
    private static final int PARALLEL_PAIRS = 4_096;

    /**
     * The total log-likelihood of the patterns; NaN when it cannot be evaluated. The hypergeometric term F(t) of A0 is
     * evaluated once per distinct (x, t) among the patterns' (x, t_x) and (x, T), spread over the common fork-join pool
     * when there are many; each is computed on its own, so the result does not depend on the threads.
     */
    public static double logLikelihood(double r, double alpha, double s, double beta, RepeatPatterns patterns) {
        int[] dx = patterns.distinctX();
        double base = -Gamma.logGamma(r) + r * log(alpha) + s * log(beta);
        double[] head = new double[dx.length];
        for (int k = 0; k < dx.length; k++) {
            head[k] = base + Gamma.logGamma(r + dx[k]);
        }
        int[] x = patterns.x();
        int[] slot = patterns.xSlot();
        int[] bigTAt = patterns.bigTAt();
        RepeatPatterns.Pairs pairs = patterns.pairs();
        int[] txPair = pairs.ofTx();
        int[] bigTPair = pairs.ofBigT();
        double[] logAlphaT = patterns.logShiftedTimes(alpha);
        double[] logBetaT = patterns.logShiftedTimes(beta);
        double[] logF = logF(r, alpha, s, beta, patterns, pairs, alpha >= beta ? logAlphaT : logBetaT);
        double[] w = patterns.weight();
        double logS = log(s);
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            double alive = -(r + x[k]) * logAlphaT[bigTAt[k]] - s * logBetaT[bigTAt[k]];
            double died = logS - log(r + s + x[k]) + logA0(logF[txPair[k]], logF[bigTPair[k]]);
            sum += w[k] * (head[slot[k]] + BgNbd.logAddExp(alive, died));
        }
        return sum;
    }

    /**
     * log F(t) of the note for every (x, t) pair of the patterns, indexed like the pairs, with
     * {@code logMaxT} = log(max(alpha, beta) + t) per distinct time.
     */
    private static double[] logF(
            double r,
            double alpha,
            double s,
            double beta,
            RepeatPatterns patterns,
            RepeatPatterns.Pairs pairs,
            double[] logMaxT) {
        boolean alphaLarger = alpha >= beta;
        double max = alphaLarger ? alpha : beta;
        double gap = Math.abs(alpha - beta);
        int[] dx = patterns.distinctX();
        GaussHypergeometric.Fixed[] hypergeometric = new GaussHypergeometric.Fixed[dx.length];
        for (int k = 0; k < dx.length; k++) {
            double a = r + s + dx[k];
            hypergeometric[k] = new GaussHypergeometric.Fixed(a, alphaLarger ? s + 1 : r + dx[k], a + 1);
        }
        int[] pairSlot = pairs.slot();
        int[] pairTime = pairs.time();
        double[] times = patterns.times();
        double[] out = new double[pairSlot.length];
        IntConsumer one = i -> {
            int x = pairSlot[i];
            double t = times[pairTime[i]];
            out[i] = log(hypergeometric[x].value(gap / (max + t))) - (r + s + dx[x]) * logMaxT[pairTime[i]];
        };
        IntStream each = IntStream.range(0, out.length);
        (out.length < PARALLEL_PAIRS ? each : each.parallel()).forEach(one);
        return out;
    }

    /** log A0 of the note; -infinity when t_x = T (A0 = 0). */
    static double logA0(double r, double alpha, double s, double beta, int x, double tx, double bigT) {
        double k = r + s + x;
        boolean alphaLarger = alpha >= beta;
        double max = alphaLarger ? alpha : beta;
        double second = alphaLarger ? s + 1 : r + x;
        double gap = Math.abs(alpha - beta);
        GaussHypergeometric.Fixed hypergeometric = new GaussHypergeometric.Fixed(k, second, k + 1);
        double atTx = log(hypergeometric.value(gap / (max + tx))) - k * log(max + tx);
        double atT = log(hypergeometric.value(gap / (max + bigT))) - k * log(max + bigT);
        return logA0(atTx, atT);
    }

    /** log A0 = log(F(t_x) - F(T)) from log F(t_x) and log F(T); -infinity when they are equal. */
    private static double logA0(double atTx, double atT) {
        if (!(atT < atTx)) {
            return Double.isNaN(atT) || Double.isNaN(atTx) ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        return atTx + Math.log1p(-exp(atT - atTx));
    }

    /** Standard errors of (r, alpha, s, beta) from the numerical Hessian of the log-likelihood at p. */
    public double[] standardErrors(RepeatPatterns patterns) {
        return StandardErrors.at(
                new double[] {p.r(), p.alpha(), p.s(), p.beta()}, v -> logLikelihood(v[0], v[1], v[2], v[3], patterns));
    }

    /** E[X(t)], expected purchases in (0, t] of a new customer. */
    public double expectedPurchases(double t) {
        double r = p.r(), alpha = p.alpha(), s = p.s(), beta = p.beta();
        return r * beta / alpha * survivalIntegral(s, beta, t);
    }

    /** The integral of (beta/(beta+u))^s over (0, t], divided by beta: [1 - (beta/(beta+t))^(s-1)]/(s-1). */
    private static double survivalIntegral(double s, double beta, double t) {
        double logRatio = log(beta / (beta + t));
        if (Math.abs(s - 1) < 1e-9) {
            return -logRatio;
        }
        return -Math.expm1((s - 1) * logRatio) / (s - 1);
    }

    /** P(alive | x, t_x, T). */
    public double probabilityAlive(int x, double tx, double bigT) {
        double r = p.r(), alpha = p.alpha(), s = p.s(), beta = p.beta();
        double logOdds = log(s)
                - log(r + s + x)
                + (r + x) * log(alpha + bigT)
                + s * log(beta + bigT)
                + logA0(r, alpha, s, beta, x, tx, bigT);
        return 1 / (1 + exp(logOdds));
    }

    /** E[Y(t) | x, t_x, T], expected purchases in (T, T+t]. */
    public double conditionalExpectedPurchases(double t, int x, double tx, double bigT) {
        double r = p.r(), alpha = p.alpha(), s = p.s(), beta = p.beta();
        double rate = (r + x) * (beta + bigT) / (alpha + bigT);
        return rate * survivalIntegral(s, beta + bigT, t) * probabilityAlive(x, tx, bigT);
    }
}
