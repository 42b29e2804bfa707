package io.basira.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.shared.StoreId;
import org.junit.jupiter.api.Test;

class ControlGroupTest {

    private static final StoreId STORE = new StoreId(7);

    @Test
    void the_same_customer_is_always_on_the_same_side_of_a_campaign() {
        for (int i = 0; i < 1000; i++) {
            boolean first = ControlGroup.isControl(STORE, 3, "C" + i, 20);
            assertThat(ControlGroup.isControl(STORE, 3, "C" + i, 20)).isEqualTo(first);
        }
    }

    @Test
    void the_share_kept_back_is_close_to_the_percent_asked_for() {
        for (int percent : new int[] {5, 10, 25, 50}) {
            int control = 0;
            int n = 40_000;
            for (int i = 0; i < n; i++) {
                if (ControlGroup.isControl(STORE, 11, "customer-" + i, percent)) {
                    control++;
                }
            }
            double share = control * 100.0 / n;
            // binomial sd at 40,000 is at most 0.25 points: 1 point is 4 sd
            assertThat(share).as("share for %d%%", percent).isBetween(percent - 1.0, percent + 1.0);
        }
    }

    @Test
    void no_share_keeps_no_one_back_and_campaigns_draw_independently() {
        int both = 0;
        int inFirst = 0;
        for (int i = 0; i < 20_000; i++) {
            assertThat(ControlGroup.isControl(STORE, 1, "C" + i, 0)).isFalse();
            boolean a = ControlGroup.isControl(STORE, 1, "C" + i, 50);
            boolean b = ControlGroup.isControl(STORE, 2, "C" + i, 50);
            inFirst += a ? 1 : 0;
            both += a && b ? 1 : 0;
        }
        assertThat(both / (double) inFirst).isBetween(0.47, 0.53);
    }
}
