package io.basira.loyalty;

/** A loyalty request that cannot be done, with its reason (a stable code the API and dashboard translate). */
public final class LoyaltyRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        PROGRAM_DISABLED,
        INSUFFICIENT_POINTS,
        REWARD_NOT_OFFERED,
        NO_SUCH_REDEMPTION,
        REDEMPTION_SETTLED,
        NO_SUCH_CUSTOMER
    }

    private final Reason reason;

    public LoyaltyRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
