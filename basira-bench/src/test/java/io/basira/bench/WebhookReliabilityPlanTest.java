package io.basira.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reliability harness sends what it says: each order in three versions, 10 % again, some out of order. */
class WebhookReliabilityPlanTest {

    @Test
    void the_plan_has_every_version_once_plus_ten_percent_redeliveries_and_some_later_versions_first() {
        List<WebhookReliability.Event> plan = WebhookReliability.plan("r", 300, 50, "secret", new Random(13));
        Set<String> distinct = new HashSet<>();
        plan.forEach(event -> distinct.add(event.order() + "/" + event.version()));
        assertThat(distinct).hasSize(900);
        assertThat(plan).hasSize(900 + 90);
        int laterFirst = 0;
        for (int order = 0; order < 300; order++) {
            int second = -1;
            int third = -1;
            for (int i = 0; i < plan.size(); i++) {
                WebhookReliability.Event event = plan.get(i);
                if (event.order() == order && event.version() == 2 && second < 0) {
                    second = i;
                }
                if (event.order() == order && event.version() == 3 && third < 0) {
                    third = i;
                }
            }
            laterFirst += third < second ? 1 : 0;
        }
        assertThat(laterFirst).isBetween(20, 45);
        assertThat(WebhookReliability.total(7, 3)).isEqualByComparingTo("17.75");
    }
}
