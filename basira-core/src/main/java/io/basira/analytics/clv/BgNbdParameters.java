package io.basira.analytics.clv;

/**
 * BG/NBD parameters: purchase rates are Gamma(r, alpha) across customers (alpha in the time unit of the
 * data), the drop-out probability after each purchase is Beta(a, b).
 *
 * @param logLikelihood the total log-likelihood at these parameters on the data they were fitted to;
 *     NaN for parameters given by hand
 */
public record BgNbdParameters(double r, double alpha, double a, double b, double logLikelihood) {

    public BgNbdParameters {
        Positive.require("BG/NBD", "r", r, "alpha", alpha, "a", a, "b", b);
    }

    /** Parameters given by hand (e.g. published values), without a log-likelihood. */
    public static BgNbdParameters of(double r, double alpha, double a, double b) {
        return new BgNbdParameters(r, alpha, a, b, Double.NaN);
    }
}
