package io.basira.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SendDueMessagesTest {

    private static final StoreId STORE = new StoreId(1);
    private static final Instant ABANDONED = Instant.parse("2026-03-01T10:00:00Z");

    private final TestClock clock = new TestClock(ABANDONED);
    private final InMemoryEnrolments enrolments = new InMemoryEnrolments();
    private final Set<String> boughtCarts = new HashSet<>();
    private final RecordingMessenger messenger = new RecordingMessenger();
    private final SendDueMessages engine = new SendDueMessages(
            enrolments,
            (store, campaign, enrolment) -> boughtCarts.contains(enrolment.subject()) ? "cart_bought" : null,
            new FakeExtras(),
            messenger,
            clock,
            Duration.ofMinutes(5));

    @Test
    void the_reminders_go_at_one_hour_and_thirteen_hours_and_the_second_stops_when_the_cart_is_bought() {
        Campaign campaign = CampaignFixtures.withDiscountAndSurvey(CampaignFixtures.abandonedCart(3, 0));
        enrolments.enrol(campaign, Triggers.abandonedCart(STORE, campaign, "C1", "K1", ABANDONED));
        enrolments.enrol(campaign, Triggers.abandonedCart(STORE, campaign, "C2", "K2", ABANDONED));

        clock.set(ABANDONED.plus(Duration.ofMinutes(59)));
        assertThat(engine.sendAllDue(10).claimed()).isZero();
        clock.set(ABANDONED.plus(Duration.ofHours(1)));
        assertThat(engine.sendAllDue(10).sent()).isEqualTo(2);
        assertThat(messenger.sent)
                .extracting(MessageRequest::idempotencyKey)
                .containsExactly("1/C1/3/cart:K1:1", "1/C2/3/cart:K2:1");
        MessageRequest first = messenger.sent.get(0);
        assertThat(first.variables().couponCode()).isEqualTo("CODE-C1-cart:K1:1");
        assertThat(first.variables().couponExpiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofDays(3)));
        assertThat(first.variables().surveyUrl()).isEqualTo("https://survey/C1/cart:K1:1");
        assertThat(first.purpose()).isEqualTo(Purpose.MARKETING);

        boughtCarts.add("K2");
        clock.set(ABANDONED.plus(Duration.ofHours(13)));
        SendDueMessages.Round round = engine.sendAllDue(10);
        assertThat(round.sent()).isEqualTo(1);
        assertThat(round.cancelled()).isEqualTo(1);
        assertThat(messenger.sent)
                .extracting(MessageRequest::triggerKey)
                .containsExactly("cart:K1:1", "cart:K2:1", "cart:K1:2");
        assertThat(enrolments.byKey("C2", "cart:K2:2").state()).isEqualTo(EnrolmentState.CANCELLED);
        assertThat(enrolments.byKey("C2", "cart:K2:2").reason()).isEqualTo("cart_bought");
        clock.advance(Duration.ofDays(30));
        assertThat(engine.sendAllDue(10).claimed()).isZero();
    }

    @Test
    void control_members_are_recorded_and_never_sent() {
        Campaign campaign = CampaignFixtures.abandonedCart(4, 50);
        int control = 0;
        for (int i = 0; i < 40; i++) {
            List<NewEnrolment> planned = Triggers.abandonedCart(STORE, campaign, "C" + i, "K" + i, ABANDONED);
            control += planned.get(0).arm() == Arm.CONTROL ? 1 : 0;
            enrolments.enrol(campaign, planned);
        }
        clock.set(ABANDONED.plus(Duration.ofDays(1)));
        engine.sendAllDue(7);
        assertThat(messenger.sent).hasSize(2 * (40 - control));
        assertThat(messenger.sent).allMatch(r -> !ControlGroup.isControl(STORE, 4, r.customerId(), 50));
        assertThat(enrolments.rows.values())
                .filteredOn(e -> e.arm() == Arm.CONTROL)
                .allMatch(e -> e.state() == EnrolmentState.CONTROL)
                .hasSize(2 * control);
    }

    @Test
    void a_deferral_waits_until_told_a_retryable_failure_backs_off_and_a_suppression_keeps_its_reason() {
        Campaign campaign = CampaignFixtures.abandonedCart(5, 0);
        enrolments.enrol(
                campaign,
                Triggers.abandonedCart(STORE, campaign, "C1", "K1", ABANDONED).subList(0, 1));
        enrolments.enrol(
                campaign,
                Triggers.abandonedCart(STORE, campaign, "C2", "K2", ABANDONED).subList(0, 1));
        enrolments.enrol(
                campaign,
                Triggers.abandonedCart(STORE, campaign, "C3", "K3", ABANDONED).subList(0, 1));
        Instant due = ABANDONED.plus(Duration.ofHours(1));
        Instant morning = due.plus(Duration.ofHours(9));
        messenger.outcomes.put(
                "C1",
                new ArrayDeque<>(List.of(new SendOutcome.Deferred(morning, SendOutcome.DeferReason.QUIET_HOURS))));
        messenger.outcomes.put(
                "C2",
                new ArrayDeque<>(
                        List.of(new SendOutcome.Failed("smtp 451", true), new SendOutcome.Failed("smtp 451", true))));
        messenger.outcomes.put(
                "C3", new ArrayDeque<>(List.of(new SendOutcome.Suppressed(SendOutcome.SuppressReason.UNSUBSCRIBED))));
        clock.set(due);
        SendDueMessages.Round round = engine.sendAllDue(10);
        assertThat(round.deferred()).isEqualTo(2);
        assertThat(round.suppressed()).isEqualTo(1);
        assertThat(enrolments.byKey("C1", "cart:K1:1").dueAt()).isEqualTo(morning);
        assertThat(enrolments.byKey("C1", "cart:K1:1").reason()).isEqualTo("quiet_hours");
        assertThat(enrolments.byKey("C2", "cart:K2:1").dueAt()).isEqualTo(due.plus(Duration.ofMinutes(5)));
        assertThat(enrolments.byKey("C3", "cart:K3:1").reason()).isEqualTo("unsubscribed");

        clock.set(due.plus(Duration.ofMinutes(5)));
        engine.sendAllDue(10);
        assertThat(enrolments.byKey("C2", "cart:K2:1").attempts()).isEqualTo(2);
        assertThat(enrolments.byKey("C2", "cart:K2:1").dueAt())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
        clock.set(morning);
        engine.sendAllDue(10);
        assertThat(enrolments.byKey("C1", "cart:K1:1").state()).isEqualTo(EnrolmentState.SENT);
        assertThat(enrolments.byKey("C2", "cart:K2:1").state()).isEqualTo(EnrolmentState.SENT);
    }

    @Test
    void a_failure_that_cannot_be_retried_or_the_last_attempt_fails_for_good() {
        assertThat(SendDueMessages.backoff(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SendDueMessages.backoff(3)).isEqualTo(Duration.ofMinutes(80));
        assertThat(SendDueMessages.backoff(9)).isEqualTo(Duration.ofHours(12));
        Campaign campaign = CampaignFixtures.abandonedCart(6, 0);
        enrolments.enrol(
                campaign,
                Triggers.abandonedCart(STORE, campaign, "C1", "K1", ABANDONED).subList(0, 1));
        messenger.outcomes.put("C1", new ArrayDeque<>(List.of(new SendOutcome.Failed("550 no such user", false))));
        clock.set(ABANDONED.plus(Duration.ofHours(2)));
        assertThat(engine.sendAllDue(10).failed()).isEqualTo(1);
        assertThat(enrolments.byKey("C1", "cart:K1:1").state()).isEqualTo(EnrolmentState.FAILED);
        assertThat(enrolments.byKey("C1", "cart:K1:1").reason()).isEqualTo("550 no such user");
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Records every request; answers Sent unless an outcome is queued for the customer. */
    static final class RecordingMessenger implements Messenger {
        final List<MessageRequest> sent = new ArrayList<>();
        final List<MessageRequest> asked = new ArrayList<>();
        final Map<String, Deque<SendOutcome>> outcomes = new LinkedHashMap<>();

        @Override
        public SendOutcome send(MessageRequest request) {
            asked.add(request);
            Deque<SendOutcome> queued = outcomes.get(request.customerId());
            SendOutcome outcome = queued == null || queued.isEmpty() ? null : queued.poll();
            if (outcome == null) {
                sent.add(request);
                return new SendOutcome.Sent(Instant.EPOCH, "m-" + sent.size());
            }
            return outcome;
        }
    }

    static final class FakeExtras implements CampaignExtras {
        @Override
        public Coupon coupon(StoreId store, Campaign campaign, Enrolment enrolment, Instant expiresAt) {
            return new Coupon("CODE-" + enrolment.customerId() + "-" + enrolment.triggerKey(), expiresAt);
        }

        @Override
        public String surveyUrl(StoreId store, Campaign campaign, Enrolment enrolment) {
            return "https://survey/" + enrolment.customerId() + "/" + enrolment.triggerKey();
        }

        @Override
        public List<ItemLink> cartItems(StoreId store, String cartId) {
            return List.of();
        }
    }

    /** The port in memory: unique per (campaign, customer, trigger), claims by lease. */
    static final class InMemoryEnrolments implements DueEnrolments {
        final Map<String, Enrolment> rows = new LinkedHashMap<>();
        final Map<Long, Campaign> campaigns = new LinkedHashMap<>();
        private long ids;

        void enrol(Campaign campaign, List<NewEnrolment> planned) {
            campaigns.put(campaign.id(), campaign);
            for (NewEnrolment e : planned) {
                rows.putIfAbsent(
                        e.campaignId() + "/" + e.customerId() + "/" + e.triggerKey(),
                        new Enrolment(
                                ++ids,
                                e.campaignId(),
                                e.customerId(),
                                e.triggerKey(),
                                e.subject(),
                                e.arm(),
                                e.initialState(),
                                e.startedAt(),
                                e.dueAt(),
                                0,
                                null));
            }
        }

        Enrolment byKey(String customer, String trigger) {
            return rows.values().stream()
                    .filter(e ->
                            e.customerId().equals(customer) && e.triggerKey().equals(trigger))
                    .findFirst()
                    .orElseThrow();
        }

        @Override
        public List<Due> claim(Instant now, Instant leaseUntil, int limit) {
            List<Due> claimed = new ArrayList<>();
            for (Map.Entry<String, Enrolment> row : rows.entrySet()) {
                Enrolment e = row.getValue();
                if (claimed.size() < limit
                        && e.state() == EnrolmentState.PENDING
                        && !e.dueAt().isAfter(now)) {
                    Enrolment leased = new Enrolment(
                            e.id(),
                            e.campaignId(),
                            e.customerId(),
                            e.triggerKey(),
                            e.subject(),
                            e.arm(),
                            e.state(),
                            e.startedAt(),
                            leaseUntil,
                            e.attempts(),
                            e.reason());
                    row.setValue(leased);
                    claimed.add(new Due(STORE, campaigns.get(e.campaignId()), e, leaseUntil));
                }
            }
            return claimed;
        }

        @Override
        public void settle(Due due, EnrolmentState state, Instant dueAt, int attempts, String reason) {
            Enrolment e = due.enrolment();
            rows.put(
                    e.campaignId() + "/" + e.customerId() + "/" + e.triggerKey(),
                    new Enrolment(
                            e.id(),
                            e.campaignId(),
                            e.customerId(),
                            e.triggerKey(),
                            e.subject(),
                            e.arm(),
                            state,
                            e.startedAt(),
                            dueAt,
                            attempts,
                            reason));
        }
    }
}
