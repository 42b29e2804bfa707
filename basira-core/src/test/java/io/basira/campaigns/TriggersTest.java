package io.basira.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.shared.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggersTest {

    private static final StoreId STORE = new StoreId(1);
    private static final Instant ABANDONED = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void an_abandoned_cart_is_reminded_after_one_hour_and_again_twelve_hours_later() {
        List<NewEnrolment> planned =
                Triggers.abandonedCart(STORE, CampaignFixtures.abandonedCart(5, 0), "C1", "K9", ABANDONED);
        assertThat(planned).extracting(NewEnrolment::triggerKey).containsExactly("cart:K9:1", "cart:K9:2");
        assertThat(planned)
                .extracting(NewEnrolment::dueAt)
                .containsExactly(ABANDONED.plus(Duration.ofHours(1)), ABANDONED.plus(Duration.ofHours(13)));
        assertThat(planned)
                .allMatch(e -> e.subject().equals("K9") && e.startedAt().equals(ABANDONED) && e.arm() == Arm.TREATMENT);
    }

    @Test
    void the_delays_are_the_campaigns_and_a_missing_second_delay_means_one_reminder() {
        Campaign base = CampaignFixtures.abandonedCart(5, 0);
        Campaign once = new Campaign(
                5,
                "once",
                CampaignKind.ABANDONED_CART,
                CampaignStatus.ACTIVE,
                Channel.SMS,
                Purpose.MARKETING,
                base.template(),
                0,
                7,
                Duration.ofMinutes(30),
                null,
                90,
                List.of(),
                null,
                null,
                null,
                null);
        List<NewEnrolment> planned = Triggers.abandonedCart(STORE, once, "C1", "K9", ABANDONED);
        assertThat(planned)
                .singleElement()
                .extracting(NewEnrolment::dueAt)
                .isEqualTo(ABANDONED.plus(Duration.ofMinutes(30)));
    }

    @Test
    void both_reminders_of_a_cart_are_on_the_customers_side_and_control_members_are_recorded_not_sent() {
        Campaign campaign = CampaignFixtures.abandonedCart(8, 50);
        for (int i = 0; i < 100; i++) {
            List<NewEnrolment> planned = Triggers.abandonedCart(STORE, campaign, "C" + i, "K" + i, ABANDONED);
            assertThat(planned.get(0).arm()).isEqualTo(planned.get(1).arm());
            Arm expected = ControlGroup.isControl(STORE, 8, "C" + i, 50) ? Arm.CONTROL : Arm.TREATMENT;
            assertThat(planned.get(0).arm()).isEqualTo(expected);
            assertThat(planned.get(0).initialState())
                    .isEqualTo(expected == Arm.CONTROL ? EnrolmentState.CONTROL : EnrolmentState.PENDING);
        }
    }

    @Test
    void a_scheduled_one_off_is_due_at_its_time_and_a_trigger_of_another_kind_is_refused() {
        Campaign base = CampaignFixtures.abandonedCart(5, 0);
        Instant later = ABANDONED.plus(Duration.ofDays(2));
        Campaign oneOff = new Campaign(
                6,
                "sale",
                CampaignKind.ONE_OFF,
                CampaignStatus.ACTIVE,
                Channel.EMAIL,
                Purpose.MARKETING,
                base.template(),
                10,
                7,
                null,
                null,
                90,
                List.of("vip"),
                later,
                null,
                null,
                null);
        assertThat(Triggers.oneOff(STORE, oneOff, "C1", ABANDONED).dueAt()).isEqualTo(later);
        assertThat(Triggers.oneOff(STORE, oneOff, "C1", later.plusSeconds(5)).dueAt())
                .isEqualTo(later.plusSeconds(5));
        assertThatThrownBy(() -> Triggers.birthday(STORE, oneOff, "C1", 2026, ABANDONED))
                .hasMessageContaining("is one_off, not birthday");
    }

    @Test
    void a_campaign_refuses_bad_settings_naming_the_field() {
        Campaign base = CampaignFixtures.abandonedCart(5, 0);
        assertThatThrownBy(() -> new Campaign(
                        0,
                        "x",
                        CampaignKind.ABANDONED_CART,
                        CampaignStatus.DRAFT,
                        Channel.EMAIL,
                        Purpose.MARKETING,
                        base.template(),
                        95,
                        7,
                        null,
                        null,
                        90,
                        List.of(),
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("control_percent 95 is outside 0 to 90");
        assertThatThrownBy(() -> new Campaign(
                        0,
                        "x",
                        CampaignKind.GROUP_ENTRY,
                        CampaignStatus.DRAFT,
                        Channel.EMAIL,
                        Purpose.MARKETING,
                        base.template(),
                        10,
                        7,
                        null,
                        null,
                        90,
                        List.of(),
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("groups: a group_entry campaign needs at least one group");
        assertThat(Campaign.canMove(CampaignStatus.DRAFT, CampaignStatus.ACTIVE))
                .isTrue();
        assertThat(Campaign.canMove(CampaignStatus.FINISHED, CampaignStatus.ACTIVE))
                .isFalse();
    }
}
