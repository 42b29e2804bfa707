package io.basira.campaigns;

import java.util.Locale;

/**
 * Where one enrolment stands. {@code PENDING} waits for its due time (or a deferral's end, or a retry);
 * {@code SENT}, {@code SUPPRESSED} (the messenger's reason kept), {@code FAILED} (after the last retry),
 * {@code CANCELLED} (the cart was bought, the customer ordered, the campaign finished) and {@code CONTROL}
 * (kept back, never sent) are final.
 */
public enum EnrolmentState {
    PENDING,
    SENT,
    SUPPRESSED,
    FAILED,
    CANCELLED,
    CONTROL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnrolmentState fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
