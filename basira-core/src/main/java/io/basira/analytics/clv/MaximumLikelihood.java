package io.basira.analytics.clv;

import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over log-parameters with Hipparchus' Nelder-Mead simplex.
 *
 * <p>Design: every model parameter is positive, so the search runs over theta = log(parameter / scale),
 * which removes the positivity constraint and puts all coordinates on a similar scale (the models
 * normalise their time and money scale parameters by the data's scale before calling). Nelder-Mead can
 * stall on a flat ridge, so each start is followed by restarts from its best point with a fresh simplex
 * until a restart no longer improves the value by more than 1e-9 (relative). A run that ends with a
 * coordinate beyond +/-{@value #BOUNDARY} (a parameter 10^6 times larger or smaller than its scale) has
 * run off to a boundary: the likelihood has no interior maximum and the fit fails, as does a non-finite
 * value or an exhausted evaluation budget.
 */
final class MaximumLikelihood {

    static final double BOUNDARY = 13.8;
    private static final int MAX_EVAL = 20_000;
    private static final int MAX_RESTARTS = 6;

    private MaximumLikelihood() {}

    /**
     * @param logLikelihood total log-likelihood as a function of theta (may return NaN or -inf)
     * @param starts starting points in theta; the best end point wins
     * @param names parameter names for messages
     * @return the theta that maximises the log-likelihood
     * @throws FitFailure when no start converges to a finite interior maximum
     */
    static PointValuePair maximise(ToDoubleFunction<double[]> logLikelihood, double[][] starts, String... names) {
        ObjectiveFunction objective = new ObjectiveFunction(theta -> {
            double ll = logLikelihood.applyAsDouble(theta);
            return Double.isFinite(ll) ? -ll : Double.MAX_VALUE;
        });
        PointValuePair best = null;
        for (double[] start : starts) {
            PointValuePair run = refine(objective, start);
            if (best == null || run.getValue() < best.getValue()) {
                best = run;
            }
        }
        if (best.getValue() == Double.MAX_VALUE) {
            throw new FitFailure("not-finite", "the log-likelihood is not finite at any point tried");
        }
        double[] theta = best.getPoint();
        for (int i = 0; i < theta.length; i++) {
            if (Math.abs(theta[i]) > BOUNDARY) {
                throw new FitFailure("parameter-at-boundary", "parameter " + names[i] + " ran off to "
                        + (theta[i] > 0 ? "infinity" : "zero") + " (log-scale " + theta[i] + ")");
            }
        }
        return new PointValuePair(theta, -best.getValue());
    }

    private static PointValuePair refine(ObjectiveFunction objective, double[] start) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-11, 1e-11);
        PointValuePair current = run(optimizer, objective, start);
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            PointValuePair next = run(optimizer, objective, current.getPoint());
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

    private static PointValuePair run(SimplexOptimizer optimizer, ObjectiveFunction objective, double[] start) {
        try {
            return optimizer.optimize(new MaxEval(MAX_EVAL), objective, GoalType.MINIMIZE,
                    new InitialGuess(start), new NelderMeadSimplex(start.length, 0.5));
        } catch (MathIllegalStateException e) {
            throw new FitFailure("did-not-converge", "the optimiser did not converge within " + MAX_EVAL
                    + " evaluations");
        }
    }
}
