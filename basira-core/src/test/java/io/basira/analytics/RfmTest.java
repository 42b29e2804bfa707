package io.basira.analytics;

import static io.basira.analytics.StoreFactsBuilder.aStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RfmTest {

    private static final LocalDate AS_OF = LocalDate.parse("2024-06-30");

    @Test
    void ten_distinct_values_give_two_of_each_quintile() {
        long[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(QuintileScores.of(values)).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void ties_share_the_score_of_their_mid_rank() {
        // seven one-order customers: mid-rank (0 + 3.5) / 10 = 0.35 -> 2; two with 2 orders: (7 + 1) / 10 -> 5
        long[] orders = {1, 1, 1, 1, 1, 1, 1, 2, 2, 9};
        assertThat(QuintileScores.of(orders)).containsExactly(2, 2, 2, 2, 2, 2, 2, 5, 5, 5);
        assertThat(QuintileScores.of(new long[] {42})).containsExactly(3);
        assertThat(QuintileScores.of(new long[] {7, 7, 7})).containsExactly(3, 3, 3);
        assertThat(QuintileScores.of(new long[0])).isEmpty();
    }

    @Test
    void recent_frequent_big_spenders_are_champions_and_non_buyers_are_prospects() {
        StoreFactsBuilder b = aStore();
        for (int i = 1; i <= 5; i++) {
            b.customer("C" + i);
            for (int k = 0; k < i; k++) {
                // C5 bought most, most recently and most in total; C1 once, long ago
                b.order("C" + i, AS_OF.minusDays(100L * (5 - i) + k).toString(), 100L * i);
            }
        }
        Rfm.Report r = Rfm.of(b.customer("P").build(), AnalysisWindow.asOf(AS_OF));
        Map<String, Rfm.Score> byId =
                r.scores().stream().collect(Collectors.toMap(Rfm.Score::customerId, Function.identity()));
        assertThat(byId.get("C5").recency()).isEqualTo(5);
        assertThat(byId.get("C5").group()).isEqualTo(RfmGroup.CHAMPIONS);
        assertThat(byId.get("C5").recencyDays()).isZero();
        assertThat(byId.get("C1").group()).isEqualTo(RfmGroup.DORMANT);
        assertThat(byId.get("C3").group()).isEqualTo(RfmGroup.NEEDS_ATTENTION);
        assertThat(byId.get("C1").monetary()).isEqualByComparingTo("100.00");
        assertThat(r.groups()).containsEntry(RfmGroup.PROSPECTS, 1).containsEntry(RfmGroup.CHAMPIONS, 1);
        assertThat(r.groups().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(6);
    }

    @Test
    void the_group_grid_reads_recency_and_the_rounded_mean_of_frequency_and_monetary() {
        assertThat(RfmGroup.of(5, 5, 4)).isEqualTo(RfmGroup.CHAMPIONS);
        assertThat(RfmGroup.of(4, 5, 5)).isEqualTo(RfmGroup.CHAMPIONS);
        assertThat(RfmGroup.of(4, 4, 3)).isEqualTo(RfmGroup.LOYAL); // FM = 3.5 -> 4
        assertThat(RfmGroup.of(5, 3, 3)).isEqualTo(RfmGroup.ACTIVE);
        assertThat(RfmGroup.of(5, 1, 2)).isEqualTo(RfmGroup.NEW);
        assertThat(RfmGroup.of(4, 1, 1)).isEqualTo(RfmGroup.PROMISING);
        assertThat(RfmGroup.of(2, 5, 5)).isEqualTo(RfmGroup.AT_RISK);
        assertThat(RfmGroup.of(1, 5, 4)).isEqualTo(RfmGroup.PREVIOUSLY_LOYAL);
        assertThat(RfmGroup.of(1, 3, 3)).isEqualTo(RfmGroup.ALMOST_LOST);
        assertThat(RfmGroup.of(1, 1, 1)).isEqualTo(RfmGroup.DORMANT);
        assertThat(RfmGroup.NEEDS_ATTENTION.code()).isEqualTo("needs_attention");
    }

    @Test
    void a_single_buyer_scores_three_everywhere() {
        Rfm.Report r =
                Rfm.of(aStore().customer("A").order("A", "2024-06-01", 10).build(), AnalysisWindow.asOf(AS_OF));
        assertThat(r.scores()).singleElement().satisfies(s -> {
            assertThat(s.recency()).isEqualTo(3);
            assertThat(s.group()).isEqualTo(RfmGroup.NEEDS_ATTENTION);
        });
    }
}
