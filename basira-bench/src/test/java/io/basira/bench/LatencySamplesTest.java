package io.basira.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void quantiles_are_nearest_rank_order_statistics() {
        LatencySamples samples = new LatencySamples(4);
        for (int v = 100; v >= 1; v--) {
            samples.record(v);
        }
        assertThat(samples.quantile(0.5)).isEqualTo(50);
        assertThat(samples.quantile(0.99)).isEqualTo(99);
        assertThat(samples.quantile(0.999)).isEqualTo(100);
        assertThat(samples.max()).isEqualTo(100);
        assertThat(samples.count()).isEqualTo(100);
    }

    @Test
    void a_decision_body_carries_the_coupon_on_every_fourth_request() {
        assertThat(CheckoutLoad.decisionBody(0)).contains("BENCH10").contains("\"customer_id\":\"C100000\"");
        assertThat(CheckoutLoad.decisionBody(1)).doesNotContain("coupon_code");
    }
}
