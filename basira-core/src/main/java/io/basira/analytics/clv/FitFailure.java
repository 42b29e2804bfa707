package io.basira.analytics.clv;

/** Thrown inside a fit when the likelihood cannot be maximised; turned into {@link ModelFit.Failed}. */
final class FitFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    FitFailure(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    <P> ModelFit<P> asFit() {
        return new ModelFit.Failed<>(reason, getMessage());
    }
}
