package io.basira.analytics.clv;

/**
 * Pareto/NBD parameters: purchase rates are Gamma(r, alpha) across customers, drop-out rates are
 * Gamma(s, beta); alpha and beta are in the time unit of the data.
 *
 * @param logLikelihood the total log-likelihood at these parameters on the data they were fitted to;
 *     NaN for parameters given by hand
 */
public record ParetoNbdParameters(double r, double alpha, double s, double beta, double logLikelihood) {

    public ParetoNbdParameters {
        Positive.require("Pareto/NBD", "r", r, "alpha", alpha, "s", s, "beta", beta);
    }

    /** Parameters given by hand (e.g. published values), without a log-likelihood. */
    public static ParetoNbdParameters of(double r, double alpha, double s, double beta) {
        return new ParetoNbdParameters(r, alpha, s, beta, Double.NaN);
    }
}
