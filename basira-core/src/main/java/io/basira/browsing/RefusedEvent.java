package io.basira.browsing;

/** An event that cannot be recorded: {@link #refusal()} says why, as a code; the message says where and what. */
public final class RefusedEvent extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    public RefusedEvent(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
