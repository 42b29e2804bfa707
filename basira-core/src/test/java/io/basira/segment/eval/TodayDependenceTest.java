package io.basira.segment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.segment.text.RuleText;
import org.junit.jupiter.api.Test;

class TodayDependenceTest {

    private static boolean moves(String rule) {
        return TodayDependence.dependsOnToday(RuleText.parse(rule));
    }

    @Test
    void relative_dates_and_fields_computed_from_today_move_with_the_date() {
        assertThat(moves("last_purchase_at < -90d")).isTrue();
        assertThat(moves("total_spent > 10 OR NOT (birthday BETWEEN '2024-01-01' AND '2024-02-01')"))
                .isTrue();
        assertThat(moves("age >= 18")).isTrue();
        assertThat(moves("days_since_last_purchase > 30")).isTrue();
        assertThat(moves("created_at IN ('2024-01-01', today)")).isTrue();
        assertThat(moves("created_at BETWEEN '2024-01-01' AND +7d")).isTrue();
    }

    @Test
    void absolute_dates_and_plain_indicators_do_not() {
        assertThat(moves("last_purchase_at < '2024-01-01'")).isFalse();
        assertThat(moves("total_spent > 1500 OR order_count > 10")).isFalse();
        assertThat(moves("group = 'vip' AND tags = 'x'")).isFalse();
        assertThat(moves("store_rating IS NULL")).isFalse();
    }
}
