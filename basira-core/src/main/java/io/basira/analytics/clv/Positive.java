package io.basira.analytics.clv;

/** The check that model parameters are positive and finite. */
final class Positive {

    private Positive() {}

    /** @param namesAndValues alternating name (String) and value (Double) */
    static void require(String model, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            double v = (Double) namesAndValues[i + 1];
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(
                        model + " parameter " + namesAndValues[i] + " must be positive and finite, was " + v);
            }
        }
    }
}
