package io.basira.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.groups.MembershipFollowsWrites;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.server.support.Instance;
import io.basira.shared.Store;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A process that dies between a commit and the delivery of its events: the events are in the database, and
 * the next start (a new application on the same database) delivers them once it is up, so every acknowledged
 * write's consequences — cards, membership, coupon uses — are there exactly once.
 */
abstract class RestartCatchUpContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The database both lives of the server use. */
    abstract Map<String, String> database();

    @Test
    void deliveries_dropped_after_the_commit_are_completed_after_a_restart() throws Exception {
        Map<String, String> database = database();
        String key;
        try (Instance first = Instance.server(
                database,
                Map.of("basira.events.retries.enabled", "false", "basira.clock.fixed", "2024-06-01T09:00:00Z"))) {
            Store store = first.bean(JdbcStores.class)
                    .create("restart", "Restart", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
            key = first.bean(JdbcApiKeys.class)
                    .create(store.id(), "test")
                    .secret()
                    .value();
            Api api = first.api(key);
            api.postJson("/api/v1/groups", "{\"key\":\"buyers\",\"name\":\"Buyers\",\"rule\":\"order_count >= 1\"}");
            api.postJson(
                    "/api/v1/checkout/coupons",
                    "{\"code\":\"ONCE\",\"benefit\":\"percent_off\",\"percent\":10," + "\"usage_limit\":3}");
            api.postJson("/api/v1/customers", "{\"customer_id\":\"C1\",\"created_at\":\"2024-01-01\"}");

            first.bean(JdbcDomainEvents.class).deliverAfterCommit(false); // killed after each commit
            assertThat(api.postJson(
                                    "/api/v1/orders",
                                    "{\"order_id\":\"O1\",\"customer_id\":\"C1\",\"status\":"
                                            + "\"completed\",\"total\":\"300.00\",\"created_at\":\"2024-05-30\",\"coupon_code\":\"ONCE\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(undelivered(first)).isEqualTo(1);
            assertThat(memberCount(api)).isZero(); // the memory never followed
        }
        try (Instance second = Instance.server(database, Map.of("basira.clock.fixed", "2024-06-01T09:00:00Z"))) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (undelivered(second) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(undelivered(second)).isZero();
            Api api = second.api(key);
            assertThat(memberCount(api)).isEqualTo(1);
            JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM group_members WHERE customer_external_id = 'C1'", Integer.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM group_history WHERE customer_external_id = 'C1'", Integer.class))
                    .isEqualTo(1);
            JsonNode card = JSON.readTree(api.get("/api/v1/customers/C1").body());
            assertThat(card.get("indicators").get("order_count").asInt()).isEqualTo(1);
            assertThat(JSON.readTree(api.get("/api/v1/checkout/coupons/ONCE").body())
                            .get("used")
                            .asInt())
                    .isEqualTo(1);
            assertThat(second.bean(EventRetries.class).caughtUp()).isTrue();
        }
    }

    private static int undelivered(Instance instance) {
        return instance.bean(JdbcTemplate.class)
                .queryForObject(
                        "SELECT COUNT(*) FROM event_deliveries WHERE listener = ?",
                        Integer.class,
                        MembershipFollowsWrites.NAME);
    }

    private static int memberCount(Api api) {
        Api.Response response = api.get("/api/v1/groups/buyers");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("member_count").asInt();
    }
}
