package io.basira.analytics.clv;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a log-likelihood over log-parameters with Hipparchus' BOBYQA (Powell's derivative-free
 * trust-region method with a quadratic model).
 *
 * <p>Design: every model parameter is positive, so the search runs over theta = log(parameter / scale),
 * which removes the positivity constraint and puts all coordinates on a similar scale (the models
 * normalise their time and money scale parameters by the data's scale before calling). BOBYQA needed
 * about 150 likelihood evaluations on CDNOW where Nelder-Mead needed thousands. Each run is followed by
 * restarts from its end point (a fresh quadratic model) until a restart no longer improves the value by
 * more than 1e-9 relative. The next start is tried only when the previous one failed. The search box is
 * +/-{@value #LIMIT}; an end point with a coordinate beyond +/-{@value #BOUNDARY} (a parameter 10^6
 * times larger or smaller than its scale) means the likelihood has no interior maximum: the fit fails,
 * as it does for a non-finite value or an exhausted evaluation budget.
 */
final class MaximumLikelihood {

    static final double BOUNDARY = 13.8;
    private static final double LIMIT = 16;
    private static final int MAX_EVAL = 5_000;
    private static final int MAX_RESTARTS = 3;

    private MaximumLikelihood() {}

    /**
     * @param logLikelihood total log-likelihood as a function of theta (may return NaN or -inf)
     * @param starts starting points in theta, tried in order until one succeeds
     * @param names parameter names for messages
     * @return theta and the maximised log-likelihood
     * @throws FitFailure when no start converges to a finite interior maximum (the last start's reason)
     */
    static PointValuePair maximise(ToDoubleFunction<double[]> logLikelihood, double[][] starts, String... names) {
        ObjectiveFunction objective = new ObjectiveFunction(theta -> {
            double ll = logLikelihood.applyAsDouble(theta);
            return Double.isFinite(ll) ? -ll : Double.MAX_VALUE;
        });
        FitFailure last = null;
        for (double[] start : starts) {
            try {
                return checked(refine(objective, start), names);
            } catch (FitFailure e) {
                last = e;
            }
        }
        throw last;
    }

    private static PointValuePair checked(PointValuePair best, String[] names) {
        if (best.getValue() == Double.MAX_VALUE) {
            throw new FitFailure("not-finite", "the log-likelihood is not finite at any point tried");
        }
        double[] theta = best.getPoint();
        for (int i = 0; i < theta.length; i++) {
            if (Math.abs(theta[i]) > BOUNDARY) {
                throw new FitFailure(
                        "parameter-at-boundary",
                        "parameter " + names[i] + " ran off to " + (theta[i] > 0 ? "infinity" : "zero") + " (log-scale "
                                + theta[i] + ")");
            }
        }
        return new PointValuePair(theta, -best.getValue());
    }

    private static PointValuePair refine(ObjectiveFunction objective, double[] start) {
        PointValuePair current = run(objective, start);
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            PointValuePair next = run(objective, current.getPoint());
            boolean improved = current.getValue() - next.getValue() > 1e-9 * Math.abs(current.getValue());
            if (next.getValue() < current.getValue()) {
                current = next;
            }
            if (!improved) {
                return current;
            }
        }
        return current;
    }

    private static PointValuePair run(ObjectiveFunction objective, double[] start) {
        int n = start.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, -LIMIT);
        Arrays.fill(upper, LIMIT);
        double[] inside = start.clone();
        for (int i = 0; i < n; i++) {
            inside[i] = Math.max(-LIMIT + 1, Math.min(LIMIT - 1, inside[i]));
        }
        try {
            return new BOBYQAOptimizer(2 * n + 1, 0.5, 1e-9)
                    .optimize(
                            new MaxEval(MAX_EVAL),
                            objective,
                            GoalType.MINIMIZE,
                            new InitialGuess(inside),
                            new SimpleBounds(lower, upper));
        } catch (MathIllegalStateException e) {
            throw new FitFailure(
                    "did-not-converge", "the optimiser did not converge within " + MAX_EVAL + " evaluations");
        }
    }
}
