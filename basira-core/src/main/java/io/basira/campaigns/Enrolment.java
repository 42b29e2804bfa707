package io.basira.campaigns;

import java.time.Instant;
import java.util.Objects;

/**
 * One message a campaign owes one customer for one trigger: the unit that is scheduled, sent once, and counted in
 * the lift report. {@code (campaign, customer, trigger)} is unique in storage, so it is never enrolled twice.
 *
 * @param triggerKey  the occasion ({@code cart:C1:1} the first reminder of cart C1, {@code birthday:2026},
 *                    {@code one-off}, {@code entered:vip:2026-05-01T…}); part of the message's idempotency key
 * @param subject     what the trigger is about, when it can stop it (an abandoned cart's id); else null
 * @param startedAt   the trigger's moment (the abandonment, the midnight, the group entry): conversions are
 *                    orders after it, within the campaign's attribution window
 * @param dueAt       when the message is due (pending) or was settled
 */
public record Enrolment(
        long id,
        long campaignId,
        String customerId,
        String triggerKey,
        String subject,
        Arm arm,
        EnrolmentState state,
        Instant startedAt,
        Instant dueAt,
        int attempts,
        String reason) {

    public Enrolment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(triggerKey, "triggerKey");
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
