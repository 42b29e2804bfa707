package io.basira.campaigns;

import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The campaign engine's sending round (docs/campaigns.md, "Campaigns"): claims the due enrolments, drops those whose
 * occasion passed (the cart was bought, the customer ordered: cancelled with the reason), asks the {@link Messenger}
 * for the rest and records each outcome — sent; deferred (due again at the messenger's time, never dropped);
 * suppressed (the reason kept for the report); failed (retried with backoff when retryable, at most
 * {@value #MAX_ATTEMPTS} attempts, then failed for good).
 */
public final class SendDueMessages {

    public static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_RETRY = Duration.ofMinutes(5);
    static final Duration LONGEST_RETRY = Duration.ofHours(12);

    private final DueEnrolments due;
    private final CampaignStops stops;
    private final CampaignExtras extras;
    private final Messenger messenger;
    private final Clock clock;
    private final Duration lease;

    public SendDueMessages(
            DueEnrolments due,
            CampaignStops stops,
            CampaignExtras extras,
            Messenger messenger,
            Clock clock,
            Duration lease) {
        this.due = due;
        this.stops = stops;
        this.extras = extras;
        this.messenger = messenger;
        this.clock = clock;
        this.lease = lease;
    }

    /** What one round did. */
    public record Round(int claimed, int sent, int deferred, int suppressed, int failed, int cancelled) {
        public static final Round NONE = new Round(0, 0, 0, 0, 0, 0);

        Round plus(Round other) {
            return new Round(
                    claimed + other.claimed,
                    sent + other.sent,
                    deferred + other.deferred,
                    suppressed + other.suppressed,
                    failed + other.failed,
                    cancelled + other.cancelled);
        }
    }

    /** Sends what is due now, in batches of {@code batch}, until nothing is due. */
    public Round sendAllDue(int batch) {
        Round total = Round.NONE;
        while (true) {
            Round round = sendDue(batch);
            total = total.plus(round);
            if (round.claimed() < batch) {
                return total;
            }
        }
    }

    /** Sends up to {@code limit} due enrolments. */
    public Round sendDue(int limit) {
        Instant now = clock.instant();
        List<DueEnrolments.Due> claimed = due.claim(now, now.plus(lease), limit);
        int sent = 0;
        int deferred = 0;
        int suppressed = 0;
        int failed = 0;
        int cancelled = 0;
        for (DueEnrolments.Due one : claimed) {
            switch (handle(one)) {
                case SENT -> sent++;
                case PENDING -> deferred++;
                case SUPPRESSED -> suppressed++;
                case FAILED -> failed++;
                default -> cancelled++;
            }
        }
        return new Round(claimed.size(), sent, deferred, suppressed, failed, cancelled);
    }

    private EnrolmentState handle(DueEnrolments.Due one) {
        StoreId store = one.store();
        Campaign campaign = one.campaign();
        Enrolment enrolment = one.enrolment();
        Instant now = clock.instant();
        String stop = stops.stopReason(store, campaign, enrolment);
        if (stop != null) {
            due.settle(one, EnrolmentState.CANCELLED, now, enrolment.attempts(), stop);
            return EnrolmentState.CANCELLED;
        }
        SendOutcome outcome;
        try {
            outcome = messenger.send(request(store, campaign, enrolment, now));
        } catch (RuntimeException e) {
            outcome = new SendOutcome.Failed(e.getClass().getSimpleName(), true);
        }
        if (outcome instanceof SendOutcome.Sent sent) {
            due.settle(one, EnrolmentState.SENT, sent.at(), enrolment.attempts(), null);
            return EnrolmentState.SENT;
        }
        if (outcome instanceof SendOutcome.Deferred deferred) {
            Instant until = deferred.until().isAfter(now) ? deferred.until() : now.plusSeconds(60);
            due.settle(
                    one,
                    EnrolmentState.PENDING,
                    until,
                    enrolment.attempts(),
                    deferred.reason().name().toLowerCase(Locale.ROOT));
            return EnrolmentState.PENDING;
        }
        if (outcome instanceof SendOutcome.Suppressed suppressed) {
            due.settle(
                    one,
                    EnrolmentState.SUPPRESSED,
                    now,
                    enrolment.attempts(),
                    suppressed.reason().name().toLowerCase(Locale.ROOT));
            return EnrolmentState.SUPPRESSED;
        }
        SendOutcome.Failed failure = (SendOutcome.Failed) outcome;
        int attempts = enrolment.attempts() + 1;
        String reason = truncate(failure.reason());
        if (failure.retryable() && attempts < MAX_ATTEMPTS) {
            due.settle(one, EnrolmentState.PENDING, now.plus(backoff(attempts)), attempts, reason);
            return EnrolmentState.PENDING;
        }
        due.settle(one, EnrolmentState.FAILED, now, attempts, reason);
        return EnrolmentState.FAILED;
    }

    /** 5 min after the first failure, then four times longer each time, at most 12 h. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_RETRY) < 0; i++) {
            wait = wait.multipliedBy(4);
        }
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private MessageRequest request(StoreId store, Campaign campaign, Enrolment enrolment, Instant now) {
        String code = null;
        Instant codeExpires = null;
        if (campaign.discount() != null) {
            CampaignExtras.Coupon coupon = extras.coupon(
                    store,
                    campaign,
                    enrolment,
                    now.plus(Duration.ofDays(campaign.discount().validDays())));
            code = coupon.code();
            codeExpires = coupon.expiresAt();
        }
        String survey = campaign.surveyQuestion() == null ? null : extras.surveyUrl(store, campaign, enrolment);
        List<ItemLink> items = campaign.kind() == CampaignKind.ABANDONED_CART && enrolment.subject() != null
                ? extras.cartItems(store, enrolment.subject())
                : List.of();
        MessageVariables variables = new MessageVariables(items, code, codeExpires, null, null, survey);
        return new MessageRequest(
                store,
                enrolment.customerId(),
                campaign.channel(),
                campaign.purpose(),
                String.valueOf(campaign.id()),
                enrolment.triggerKey(),
                campaign.template(),
                variables);
    }

    private static String truncate(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}
