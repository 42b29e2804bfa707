package io.basira.analytics.clv;

/**
 * Gamma-Gamma spend parameters: a transaction's value is Gamma(p, nu) with nu ~ Gamma(q, gamma) across
 * customers (gamma is in money units; lifetimes calls it {@code v}).
 *
 * @param logLikelihood the total log-likelihood at these parameters on the data they were fitted to;
 *     NaN for parameters given by hand
 */
public record GammaGammaParameters(double p, double q, double gamma, double logLikelihood) {

    public GammaGammaParameters {
        Positive.require("Gamma-Gamma", "p", p, "q", q, "gamma", gamma);
    }

    /** Parameters given by hand (e.g. published values), without a log-likelihood. */
    public static GammaGammaParameters of(double p, double q, double gamma) {
        return new GammaGammaParameters(p, q, gamma, Double.NaN);
    }
}
