package io.basira.analytics.clv;

import static java.lang.Math.exp;
import static java.lang.Math.log;
import static java.lang.Math.pow;

import java.util.Objects;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy
 * Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2); equation numbers below are that
 * paper's). While alive a customer buys at Poisson rate lambda ~ Gamma(r, alpha); after each purchase
 * she drops out with probability p ~ Beta(a, b).
 *
 * <p>Individual likelihood (eq. 6), summed over {@link RepeatPatterns} with weights:
 * L = B(a, b+x)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
 *   + [x &gt; 0] B(a+1, b+x-1)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x)).
 * Time t and T are in the unit of the data the parameters were fitted on. Instances are immutable and
 * thread safe. The expressions with (a-1) in a denominator are undefined at a = 1 exactly.
 */
public final class BgNbd {

    private final BgNbdParameters p;

    public BgNbd(BgNbdParameters parameters) {
        this.p = Objects.requireNonNull(parameters, "parameters");
    }

    public BgNbdParameters parameters() {
        return p;
    }

    /** Maximum-likelihood fit; starts from r = a = b = 1, alpha = mean T, then (if that fails) r = 0.37, alpha = 0.37 mean T, a = 1, b = 2.7. */
    public static ModelFit<BgNbdParameters> fit(RepeatPatterns patterns) {
        double scale = patterns.meanT();
        try {
            PointValuePair best = MaximumLikelihood.maximise(
                    theta ->
                            logLikelihood(exp(theta[0]), scale * exp(theta[1]), exp(theta[2]), exp(theta[3]), patterns),
                    new double[][] {{0, 0, 0, 0}, {-1, -1, 0, 1}},
                    "r",
                    "alpha",
                    "a",
                    "b");
            double[] t = best.getPoint();
            return new ModelFit.Fitted<>(
                    new BgNbdParameters(exp(t[0]), scale * exp(t[1]), exp(t[2]), exp(t[3]), best.getValue()));
        } catch (FitFailure e) {
            return e.asFit();
        }
    }

    /** The total log-likelihood of the patterns (eq. 6, log of the sum done stably); NaN when undefined. */
    public static double logLikelihood(double r, double alpha, double a, double b, RepeatPatterns patterns) {
        int[] dx = patterns.distinctX();
        double base = -Gamma.logGamma(r) + r * log(alpha) + Gamma.logGamma(a + b) - Gamma.logGamma(b);
        double[] head = new double[dx.length];
        double[] tail = new double[dx.length];
        for (int s = 0; s < dx.length; s++) {
            int x = dx[s];
            head[s] = base + Gamma.logGamma(r + x) + Gamma.logGamma(b + x) - Gamma.logGamma(a + b + x);
            tail[s] = x > 0 ? log(a) - log(b + x - 1) : Double.NEGATIVE_INFINITY;
        }
        int[] x = patterns.x();
        int[] slot = patterns.xSlot();
        int[] txAt = patterns.txAt();
        int[] bigTAt = patterns.bigTAt();
        double[] logAt = patterns.logShiftedTimes(alpha);
        double[] w = patterns.weight();
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            double rx = r + x[k];
            double alive = -rx * logAt[bigTAt[k]];
            double value = alive;
            if (x[k] > 0) {
                double gone = tail[slot[k]] - rx * logAt[txAt[k]];
                value = gone > alive ? gone + Math.log1p(exp(alive - gone)) : alive + Math.log1p(exp(gone - alive));
            }
            sum += w[k] * (head[slot[k]] + value);
        }
        return sum;
    }

    static double logAddExp(double u, double v) {
        if (u == Double.NEGATIVE_INFINITY) {
            return v;
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return u;
        }
        double max = Math.max(u, v);
        return max + Math.log1p(exp(-Math.abs(u - v)));
    }

    /** Standard errors of (r, alpha, a, b) from the numerical Hessian of the log-likelihood at p. */
    public double[] standardErrors(RepeatPatterns patterns) {
        return StandardErrors.at(
                new double[] {p.r(), p.alpha(), p.a(), p.b()}, v -> logLikelihood(v[0], v[1], v[2], v[3], patterns));
    }

    /** E[X(t)], expected repeat purchases of a new customer in (0, t] (eq. 7). */
    public double expectedPurchases(double t) {
        double r = p.r(), alpha = p.alpha(), a = p.a(), b = p.b();
        double z = t / (alpha + t);
        double h = GaussHypergeometric.value(r, b, a + b - 1, z);
        return (a + b - 1) / (a - 1) * (1 - pow(alpha / (alpha + t), r) * h);
    }

    /** P(X(t) = n), the probability of exactly n purchases in (0, t] for a new customer (eq. 8). */
    public double probabilityOfPurchases(int n, double t) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        double r = p.r(), alpha = p.alpha(), a = p.a(), b = p.b();
        if (t <= 0) {
            return n == 0 ? 1 : 0;
        }
        double logStay = log(alpha / (alpha + t));
        double logGo = log(t / (alpha + t));
        double lnBab = logBeta(a, b);
        double first = exp(logBeta(a, b + n) - lnBab + poissonGammaLog(r, n) + r * logStay + n * logGo);
        if (n == 0) {
            return first;
        }
        double partial = 0;
        for (int j = 0; j < n; j++) {
            partial += exp(poissonGammaLog(r, j) + j * logGo);
        }
        return first + exp(logBeta(a + 1, b + n - 1) - lnBab) * (1 - exp(r * logStay) * partial);
    }

    /** log of Gamma(r+j) / (Gamma(r) j!). */
    private static double poissonGammaLog(double r, int j) {
        return Gamma.logGamma(r + j) - Gamma.logGamma(r) - Gamma.logGamma(j + 1.0);
    }

    static double logBeta(double u, double v) {
        return Gamma.logGamma(u) + Gamma.logGamma(v) - Gamma.logGamma(u + v);
    }

    /** P(alive | x, t_x, T) (Fader, Hardie &amp; Lee 2008 note "Computing P(alive) using the BG/NBD model"). */
    public double probabilityAlive(int x, double tx, double bigT) {
        if (x == 0) {
            return 1;
        }
        return 1 / (1 + deadOdds(x, tx, bigT));
    }

    private double deadOdds(int x, double tx, double bigT) {
        double r = p.r(), alpha = p.alpha(), a = p.a(), b = p.b();
        return a / (b + x - 1) * exp((r + x) * (log(alpha + bigT) - log(alpha + tx)));
    }

    /** E[Y(t) | x, t_x, T], expected purchases in (T, T+t] of a customer with that history (eq. 10). */
    public double conditionalExpectedPurchases(double t, int x, double tx, double bigT) {
        double numerator = conditionalNumerator(t, x, bigT);
        return x == 0 ? numerator : numerator / aliveDivisor(x, tx, bigT);
    }

    /**
     * The part of E[Y(t) | x, t_x, T] that does not depend on t_x (the hypergeometric series): customers
     * with the same x and T share it, and {@link #conditionalExpectedPurchases} divides it by
     * {@link #aliveDivisor} when x &gt; 0.
     */
    double conditionalNumerator(double t, int x, double bigT) {
        double r = p.r(), alpha = p.alpha(), a = p.a(), b = p.b();
        double z = t / (alpha + bigT + t);
        double h = GaussHypergeometric.value(r + x, b + x, a + b + x - 1, z);
        double bracket = 1 - exp((r + x) * log((alpha + bigT) / (alpha + bigT + t))) * h;
        return (a + b + x - 1) / (a - 1) * bracket;
    }

    /** 1 + the odds of having dropped out (x &gt; 0): E[Y(t) | x, t_x, T] = numerator / this. */
    double aliveDivisor(int x, double tx, double bigT) {
        return 1 + deadOdds(x, tx, bigT);
    }
}
