package io.basira.campaigns;

import java.time.Instant;
import java.util.Objects;

/** An enrolment to store (unless its campaign, customer and trigger are stored already). */
public record NewEnrolment(
        long campaignId,
        String customerId,
        String triggerKey,
        String subject,
        Arm arm,
        Instant startedAt,
        Instant dueAt) {

    public NewEnrolment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(triggerKey, "triggerKey");
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** Stored as {@code CONTROL} (recorded, never sent) or {@code PENDING}. */
    public EnrolmentState initialState() {
        return arm == Arm.CONTROL ? EnrolmentState.CONTROL : EnrolmentState.PENDING;
    }
}
