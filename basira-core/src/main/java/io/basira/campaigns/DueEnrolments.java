package io.basira.campaigns;

import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.List;

/**
 * Port: the stored enrolments that are due. {@link #claim} takes pending enrolments of active campaigns due at
 * {@code now}, putting each off until {@code leaseUntil} (so a process that dies while sending leaves it due again
 * after the lease; instances sharing a database take different rows); {@link #settle} records what became of a
 * claimed one, unless the claim is no longer this one's.
 */
public interface DueEnrolments {

    /** A claimed enrolment with its store and campaign; {@code lease} identifies the claim. */
    record Due(StoreId store, Campaign campaign, Enrolment enrolment, Instant lease) {}

    List<Due> claim(Instant now, Instant leaseUntil, int limit);

    /**
     * @param dueAt    the next due time ({@code PENDING}) or the time it was settled
     * @param attempts the failed attempts so far
     * @param reason   why (a suppression's or cancellation's reason, a failure); null when sent
     */
    void settle(Due due, EnrolmentState state, Instant dueAt, int attempts, String reason);
}
