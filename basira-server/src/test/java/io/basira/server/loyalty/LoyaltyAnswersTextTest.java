package io.basira.server.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.card.LoyaltyStanding;
import io.basira.loyalty.Cause;
import io.basira.loyalty.LedgerEntry;
import io.basira.loyalty.Redemption;
import io.basira.loyalty.Redemption.Reward;
import io.basira.loyalty.Redemption.State;
import io.basira.server.loyalty.api.LoyaltyAnswers.CustomerAnswer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoyaltyAnswersTextTest {

    private static final Instant AT = Instant.parse("2024-05-01T09:00:00Z");

    @Test
    void a_redemption_entry_names_the_order_that_used_it_and_one_committed_without_an_order_names_none() {
        Redemption used = new Redemption("rdm-1", "C1", Reward.COUPON, 200, 2_000, "PTS-A", null, State.RESERVED, AT)
                .usedBy("O2", Instant.parse("2024-05-02T10:00:00Z"));
        Redemption byApi =
                new Redemption("rdm-2", "C1", Reward.FREE_SHIPPING, 300, 0, "PTS-B", null, State.COMMITTED, AT);
        List<LedgerEntry> ledger = List.of(
                LedgerEntry.now("C1", Cause.REDEMPTION, "rdm-1", -200, AT, null, "coupon"),
                LedgerEntry.now("C1", Cause.REDEMPTION, "rdm-2", -300, AT, null, "free_shipping"));
        String text = LoyaltyAnswersText.of(
                CustomerAnswer.of("C1", new LoyaltyStanding(0, 0, 500, null, 0), ledger, List.of(used, byApi), 2));
        List<String> lines = text.lines().toList();
        assertThat(lines.get(1)).contains("rdm-1", "used by order O2 (2024-05-02T10:00:00Z)");
        assertThat(lines.get(2)).contains("rdm-2").doesNotContain("used by order");
    }
}
