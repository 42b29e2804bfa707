package io.basira.analytics.clv;

import java.util.function.ToDoubleFunction;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Asymptotic standard errors of maximum-likelihood estimates: the square roots of the diagonal of the
 * inverse of the observed information (minus the Hessian of the log-likelihood), the Hessian taken by
 * central differences with a relative step of 1e-4 per parameter. NaN entries when the Hessian is
 * singular or not negative definite.
 */
final class StandardErrors {

    private static final double STEP = 1e-4;

    private StandardErrors() {}

    static double[] at(double[] point, ToDoubleFunction<double[]> logLikelihood) {
        int n = point.length;
        double[][] info = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = -secondDerivative(point, i, j, logLikelihood);
                info[i][j] = v;
                info[j][i] = v;
            }
        }
        double[] se = new double[n];
        try {
            RealMatrix covariance = new LUDecomposition(MatrixUtils.createRealMatrix(info))
                    .getSolver()
                    .getInverse();
            for (int i = 0; i < n; i++) {
                double v = covariance.getEntry(i, i);
                se[i] = v > 0 ? Math.sqrt(v) : Double.NaN;
            }
        } catch (RuntimeException singular) {
            java.util.Arrays.fill(se, Double.NaN);
        }
        return se;
    }

    private static double secondDerivative(double[] point, int i, int j, ToDoubleFunction<double[]> f) {
        double hi = STEP * point[i];
        double hj = STEP * point[j];
        return (shifted(f, point, i, hi, j, hj)
                        - shifted(f, point, i, hi, j, -hj)
                        - shifted(f, point, i, -hi, j, hj)
                        + shifted(f, point, i, -hi, j, -hj))
                / (4 * hi * hj);
    }

    private static double shifted(ToDoubleFunction<double[]> f, double[] point, int i, double di, int j, double dj) {
        double[] v = point.clone();
        v[i] += di;
        v[j] += dj;
        return f.applyAsDouble(v);
    }
}
