package io.basira.server.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.analytics.NightlyAnalyticsRefresh;
import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Groups over the analytics card fields, on every database: "top 20%" ({@code revenue_percentile > 80}) is
 * empty until the store's analytics are refreshed, then holds exactly the hand-computed buyers, and moves
 * with the next refresh (by hand, or the nightly one at the store's midnight), cause {@code analytics}.
 *
 * <p>The store: C1…C6 spent 100…600 SAR in one completed order each, C7 never ordered. With N = 6 buyers the
 * percentile is 100·(6 − G)/6, G = buyers who spent more (docs/analytics.md): C6 100, C5 83.33, C4 66.67,
 * C3 50, C2 33.33, C1 16.67, C7 none. So {@code > 80} is {C5, C6}. After C1 buys for 1000 more (1100 in all),
 * C1 is 100, C6 83.33 and C5 66.67: {C1, C6}.
 */
@Import(MutableClock.Configuration.class)
abstract class AnalyticsGroupsContract extends ApiTestBase {

    @Autowired
    MutableClock clock;

    @Autowired
    NightlyAnalyticsRefresh nightly;

    @BeforeEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    private Api storeWithSixBuyers(String name) {
        Api api = newStore(name);
        for (int i = 1; i <= 7; i++) {
            assertThat(api.postJson("/api/v1/customers", customer("C" + i, "N" + i))
                            .status())
                    .isLessThan(300);
        }
        for (int i = 1; i <= 6; i++) {
            assertThat(api.postJson("/api/v1/orders", order("O" + i, "C" + i, "completed", i + "00", "2024-05-0" + i))
                            .status())
                    .isLessThan(300);
        }
        return api;
    }

    private static List<String> members(Api api, String key) {
        List<String> ids = new ArrayList<>();
        json(api.get("/api/v1/groups/" + key + "/members?size=500"))
                .get("items")
                .forEach(c -> ids.add(c.get("customer_id").asString()));
        return ids;
    }

    private static List<String> history(Api api, String key) {
        List<String> lines = new ArrayList<>();
        json(api.get("/api/v1/groups/" + key + "/history"))
                .get("items")
                .forEach(e -> lines.add(e.get("customer_id").asString() + " "
                        + e.get("change").asString() + " " + e.get("cause").asString()));
        return lines;
    }

    private static String topFifth() {
        return "{\"key\":\"top-20\",\"name\":\"Top 20%\",\"rule\":\"revenue_percentile > 80\"}";
    }

    @Test
    void the_top_20_percent_is_a_group_that_follows_each_analytics_refresh() {
        Api api = storeWithSixBuyers("top20");
        JsonNode created = json(api.postJson("/api/v1/groups", topFifth()));
        assertThat(created.get("member_count").asInt())
                .as("no analytics before the first refresh")
                .isZero();

        assertThat(api.postJson("/api/v1/analytics/refresh", "").status()).isEqualTo(200);
        assertThat(members(api, "top-20")).containsExactlyInAnyOrder("C5", "C6");
        assertThat(history(api, "top-20")).containsExactlyInAnyOrder("C5 entered analytics", "C6 entered analytics");

        api.postJson("/api/v1/orders", order("O7", "C1", "completed", "1000", "2024-05-20"));
        assertThat(members(api, "top-20"))
                .as("until the next refresh the percentiles are those of the last one")
                .containsExactlyInAnyOrder("C5", "C6");

        assertThat(api.postJson("/api/v1/analytics/refresh", "").status()).isEqualTo(200);
        assertThat(members(api, "top-20")).containsExactlyInAnyOrder("C1", "C6");
        assertThat(history(api, "top-20"))
                .contains("C1 entered analytics", "C5 left analytics")
                .hasSize(4);
    }

    @Test
    void customers_and_members_sort_by_an_analytics_field_with_the_unrefreshed_last() {
        Api api = storeWithSixBuyers("sorted");
        api.postJson("/api/v1/analytics/refresh", "");
        List<String> byPercentile = new java.util.ArrayList<>();
        json(api.get("/api/v1/customers?sort=revenue_percentile&direction=desc&size=10"))
                .get("items")
                .forEach(item -> byPercentile.add(item.get("customer_id").asString()));
        assertThat(byPercentile).containsExactly("C6", "C5", "C4", "C3", "C2", "C1", "C7");
        api.postJson("/api/v1/groups", "{\"key\":\"buyers\",\"name\":\"b\",\"rule\":\"order_count > 0\"}");
        List<String> members = new java.util.ArrayList<>();
        json(api.get("/api/v1/groups/buyers/members?sort=revenue_percentile&direction=asc"))
                .get("items")
                .forEach(item -> members.add(item.get("customer_id").asString()));
        assertThat(members).containsExactly("C1", "C2", "C3", "C4", "C5", "C6");
    }

    @Test
    void a_group_of_a_later_store_sees_the_values_and_why_shows_them() {
        Api api = storeWithSixBuyers("why");
        api.postJson("/api/v1/analytics/refresh", "");
        JsonNode created = json(
                api.postJson(
                        "/api/v1/groups",
                        "{\"key\":\"champions\",\"name\":\"c\",\"rule\":\"revenue_percentile > 80 AND rfm_group IS NOT NULL\"}"));
        assertThat(created.get("member_count").asInt()).isEqualTo(2);
        JsonNode why = json(api.get("/api/v1/groups/champions/members/C5/why"));
        assertThat(why.get("member").asBoolean()).isTrue();
        assertThat(why.get("conditions").get(0).get("value").asString()).isEqualTo("83.33");
        assertThat(json(api.postJson("/api/v1/groups/preview", "{\"rule\":\"revenue_percentile IS NULL\"}"))
                        .get("count")
                        .asInt())
                .as("C7 never bought")
                .isEqualTo(1);
    }

    @Test
    void the_nightly_refresh_at_the_stores_midnight_moves_the_top_20_percent() {
        Api api = storeWithSixBuyers("nightly");
        api.postJson("/api/v1/groups", topFifth());
        nightly.run();
        assertThat(json(api.get("/api/v1/customers/C1"))
                        .get("analytics")
                        .get("as_of")
                        .asString())
                .isEqualTo("2024-06-01");
        assertThat(members(api, "top-20")).containsExactlyInAnyOrder("C5", "C6");

        api.postJson("/api/v1/orders", order("O7", "C1", "completed", "1000", "2024-06-01"));
        clock.set(Instant.parse("2024-06-01T20:59:00Z")); // 23:59 in Riyadh: refreshed today already
        nightly.run();
        assertThat(members(api, "top-20")).containsExactlyInAnyOrder("C5", "C6");
        clock.set(Instant.parse("2024-06-01T21:00:30Z")); // 2024-06-02 00:00:30 in Riyadh
        nightly.run();
        assertThat(json(api.get("/api/v1/customers/C1"))
                        .get("analytics")
                        .get("as_of")
                        .asString())
                .isEqualTo("2024-06-02");
        assertThat(members(api, "top-20")).containsExactlyInAnyOrder("C1", "C6");
        assertThat(history(api, "top-20")).contains("C1 entered analytics", "C5 left analytics");
    }
}
